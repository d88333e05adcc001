namespace Patchwork.Reports;

/// <summary>
/// Network density of one area (or, with a null <see cref="Area"/>, of every area whose row is published): how many
/// families, how many practitioners and agencies around each, and the shares with three or more agencies, with a
/// single agency and with no key worker.
/// </summary>
public sealed record AreaDensity(
    string? Area,
    PublishedCount Families,
    Distribution PractitionersPerFamily,
    Distribution AgenciesPerFamily,
    PublishedShare ThreeOrMoreAgencies,
    PublishedShare SingleAgency,
    PublishedShare NoKeyWorker)
{
    public bool Suppressed => Families.Suppressed;
}
