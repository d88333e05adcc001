namespace Patchwork.Network;

/// <summary>
/// How many of each node and relationship type a store holds: a follow-up request's recipients are the agencies it
/// was sent to, and its duty inbox entries those of a request routed to the duty contacts.
/// </summary>
public sealed record NetworkCounts(
    long Agencies,
    long Practitioners,
    long Families,
    long Clients,
    long Memberships,
    long Involvements,
    long Visits,
    long FollowUps,
    long FollowUpRecipients,
    long DutyInboxEntries,
    long AuditEntries);
