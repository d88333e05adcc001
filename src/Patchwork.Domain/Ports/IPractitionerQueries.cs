using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Ports;

/// <summary>The questions a practitioner asks directly: a name search, their own clients, one visit, their duty inbox.</summary>
public interface IPractitionerQueries
{
    /// <summary>Shielded clients show only to their own team.</summary>
    Task<IReadOnlyList<ClientMatch>> SearchClientsAsync(ClientSearch search, CancellationToken cancellationToken);
    Task<IReadOnlyList<Client>> GetMyClientsAsync(string practitionerId, CancellationToken cancellationToken);
    Task<Visit?> GetVisitAsync(string visitId, CancellationToken cancellationToken);

    /// <summary>The follow-up requests addressed to an agency's duty contacts, newest first.</summary>
    Task<IReadOnlyList<FollowUpRequest>> GetDutyFollowUpRequestsAsync(string agencyId, int first, CancellationToken cancellationToken);
}
