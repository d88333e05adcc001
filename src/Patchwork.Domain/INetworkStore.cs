namespace Patchwork;

/// <summary>
/// The port to the network graph. Methods say what they do in the domain; both adapters (the embedded
/// SQLite store and Neo4j) implement exactly this, and the contract tests hold them to the same behaviour.
/// Batch reads take many keys at once so that GraphQL resolves each relationship edge in one query.
/// Changes go through <see cref="Changes.NetworkChanges"/>, over the store's <see cref="Changes.IWriteStore"/>.
/// </summary>
public interface INetworkStore
{
    // Directory: agencies and practitioners.
    Task<IReadOnlyList<Agency>> GetAgenciesAsync(CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, Agency>> GetAgenciesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
    /// <summary>The practitioner a sign-in subject maps to, with their agency; one who has left still comes back.</summary>
    Task<PractitionerAccount?> FindAccountAsync(string subject, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, Practitioner>> GetPractitionersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    // Clients and families.
    Task<IReadOnlyList<ClientMatch>> SearchClientsAsync(ClientSearch search, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, Client>> GetClientsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, Family>> GetFamiliesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
    Task<ILookup<string, Client>> GetFamilyMembersAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken);
    Task<IReadOnlyList<Client>> GetMyClientsAsync(string practitionerId, CancellationToken cancellationToken);

    // Reach: a practitioner may see a client when they are in the team of that client or of any member
    // of the client's family. These return the records of the given ids within the practitioner's reach, so that
    // checking reach and reading what it guards is one round trip.
    Task<IReadOnlyDictionary<string, Client>> GetClientsInReachAsync(string practitionerId, IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, Family>> GetFamiliesInReachAsync(string practitionerId, IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken);

    // Teams and visits.
    Task<ILookup<string, TeamMember>> GetClientTeamsAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken);
    Task<ILookup<string, TeamMember>> GetFamilyTeamsAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken);
    Task<ILookup<string, Visit>> GetUpcomingVisitsAsync(IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken);
    Task<ILookup<string, Visit>> GetRecentContactsAsync(IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken);
    Task<Visit?> GetVisitAsync(string visitId, CancellationToken cancellationToken);

    /// <summary>Joins and leaves in the teams of these clients since a moment, newest first: how a team is told.</summary>
    Task<ILookup<string, TeamChange>> GetTeamChangesAsync(IReadOnlyCollection<string> clientIds, DateTimeOffset since, CancellationToken cancellationToken);

    // Audit trail: append-only. Reads and denials are appended by the API; changes append their own.
    Task AppendAuditAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken);
    Task<IReadOnlyList<AuditEntry>> GetAuditTrailAsync(AuditQuery query, CancellationToken cancellationToken);

    // Bulk load of a whole network (demo and county-scale seeds, and moving between stores).
    Task ImportAsync(NetworkSnapshot snapshot, CancellationToken cancellationToken);
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}

/// <summary>A client-name search as one practitioner makes it: shielded clients show only to their own team.</summary>
public sealed record ClientSearch(string Query, DateOnly? DateOfBirth, int First, string PractitionerId);

/// <summary>
/// A slice of the audit trail, newest first. <see cref="FamilyId"/> selects entries about the family or any of
/// its current members (who has looked at this family); <see cref="From"/> is inclusive, <see cref="To"/> exclusive.
/// </summary>
public sealed record AuditQuery(
    string? ClientId,
    string? PractitionerId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int First,
    AuditAction? Action = null,
    string? FamilyId = null);

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
