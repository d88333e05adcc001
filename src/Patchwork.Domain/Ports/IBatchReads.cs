using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Ports;

/// <summary>
/// The reads GraphQL's loaders make: many keys at once, so that each relationship edge of a request is one query
/// however many records ask for it. Records outside the store are simply not in the answer; a read of rows per key
/// answers every key asked for (see <see cref="Batch"/>).
/// </summary>
public interface IBatchReads
{
    Task<IReadOnlyDictionary<string, Agency>> GetAgenciesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, Practitioner>> GetPractitionersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, Client>> GetClientsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, Family>> GetFamiliesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, IReadOnlyList<Client>>> GetFamilyMembersAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, IReadOnlyList<TeamMember>>> GetClientTeamsAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, IReadOnlyList<TeamMember>>> GetFamilyTeamsAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> GetUpcomingVisitsAsync(IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken);
    Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> GetRecentContactsAsync(IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken);

    /// <summary>Joins and leaves in the teams of these clients since a moment, newest first: how a team is told.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<TeamChange>>> GetTeamChangesAsync(IReadOnlyCollection<string> clientIds, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The follow-up requests about these families, newest first.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<FollowUpRequest>>> GetFollowUpRequestsAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken);
}
