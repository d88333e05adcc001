namespace Patchwork.Network;

/// <summary>
/// An organisation whose practitioners use Patchwork. A restricted service (sexual health, domestic abuse,
/// substance misuse …) has every involvement restricted: other team members see only its duty line.
/// </summary>
public sealed record Agency(
    string Id,
    string Name,
    AgencyKind Kind,
    string DutyPhone,
    string DutyEmail,
    bool RestrictedService,
    DataSharingAgreement Agreement);
