using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;

namespace Patchwork.Governance.Tests;

/// <summary>
/// The reads the access check makes, over a few records: who is in reach of whom, and the records by id, with each
/// read counted (a read the check should have saved shows here).
/// </summary>
internal sealed class Network : IReach, IBatchReads
{
    public Dictionary<string, Client> Clients { get; } = [];
    public Dictionary<string, Family> Families { get; } = [];
    public HashSet<(string Practitioner, string Id)> InReach { get; } = [];
    public List<string> Reads { get; } = [];

    private Task<IReadOnlyDictionary<string, T>> Found<T>(string read, IReadOnlyCollection<string> ids, Dictionary<string, T> records, Func<string, bool> include)
    {
        Reads.Add($"{read} {string.Join(",", ids)}");
        return Task.FromResult<IReadOnlyDictionary<string, T>>(
            ids.Where(id => records.ContainsKey(id) && include(id)).ToDictionary(id => id, id => records[id]));
    }

    public Task<IReadOnlyDictionary<string, Client>> GetClientsInReachAsync(string practitionerId, IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) =>
        Found($"ClientsInReach {practitionerId}", clientIds, Clients, id => InReach.Contains((practitionerId, id)));

    public Task<IReadOnlyDictionary<string, Family>> GetFamiliesInReachAsync(string practitionerId, IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) =>
        Found($"FamiliesInReach {practitionerId}", familyIds, Families, id => InReach.Contains((practitionerId, id)));

    public Task<IReadOnlyDictionary<string, Client>> GetClientsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Found("Clients", ids, Clients, _ => true);

    public Task<IReadOnlyDictionary<string, Family>> GetFamiliesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Found("Families", ids, Families, _ => true);

    public Task<IReadOnlyDictionary<string, Agency>> GetAgenciesByIdAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, Practitioner>> GetPractitionersAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Client>>> GetFamilyMembersAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, IReadOnlyList<TeamMember>>> GetClientTeamsAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, IReadOnlyList<TeamMember>>> GetFamilyTeamsAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> GetUpcomingVisitsAsync(IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Visit>>> GetRecentContactsAsync(IReadOnlyCollection<string> clientIds, int perClient, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, IReadOnlyList<TeamChange>>> GetTeamChangesAsync(IReadOnlyCollection<string> clientIds, DateTimeOffset since, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, IReadOnlyList<FollowUpRequest>>> GetFollowUpRequestsAsync(IReadOnlyCollection<string> familyIds, CancellationToken cancellationToken) => throw new NotSupportedException();
}
