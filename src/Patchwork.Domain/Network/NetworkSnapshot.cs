using Patchwork.Reports;

namespace Patchwork.Network;

/// <summary>
/// A whole network at once, in the order it can be loaded, with the commissioners' follow-up requests about its
/// families (each in its recipients' duty inboxes when routed there).
/// </summary>
public sealed record NetworkSnapshot(
    IReadOnlyList<Agency> Agencies,
    IReadOnlyList<Practitioner> Practitioners,
    IReadOnlyList<Family> Families,
    IReadOnlyList<Client> Clients,
    IReadOnlyList<Involvement> Involvements,
    IReadOnlyList<Visit> Visits,
    IReadOnlyList<FollowUpRequest> FollowUps)
{
    /// <summary>A network nobody has asked to follow up yet: a seed, or a test network.</summary>
    public NetworkSnapshot(
        IReadOnlyList<Agency> agencies,
        IReadOnlyList<Practitioner> practitioners,
        IReadOnlyList<Family> families,
        IReadOnlyList<Client> clients,
        IReadOnlyList<Involvement> involvements,
        IReadOnlyList<Visit> visits)
        : this(agencies, practitioners, families, clients, involvements, visits, [])
    {
    }

    /// <summary>
    /// Refuses a load holding an email address that no write would accept, so neither a seed nor a move between
    /// stores brings in what the API keeps out (the web app makes mail links of them). Both stores check every piece.
    /// </summary>
    public void CheckEmails()
    {
        foreach (var agency in Agencies)
        {
            Check.Email(agency.DutyEmail, $"agency {agency.Id} dutyEmail");
        }
        foreach (var practitioner in Practitioners)
        {
            if (practitioner.Email is { } email)
            {
                Check.Email(email, $"practitioner {practitioner.Id} email");
            }
        }
    }
}
