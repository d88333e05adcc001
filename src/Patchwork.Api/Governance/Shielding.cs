using Patchwork.Api.GraphQL;
using Patchwork.Auditing;
using Patchwork.Network;

namespace Patchwork.Api.Governance;

/// <summary>
/// A shielded client is at risk if found (a refuge, a protected address): outside their own team nobody finds them in
/// search, sees where they live, or joins their team by knowing their id — a family's other practitioners see them
/// as a member, and reach their team through the duty line of an agency in it, or break glass in an emergency.
/// </summary>
public static class Shielding
{
    public const string JoinRefused =
        "This client is shielded: their team is joined only through it. Ask the duty line of an agency in the family's team; in an emergency, break glass.";

    /// <summary>Refuses, on the record, a join of a shielded client's team by someone outside it.</summary>
    public static void RefuseShieldedJoin(Client? client, RequestContext request)
    {
        if (client is { Shielded: true })
        {
            request.Audit.Record(request.Viewer, AuditAction.Denied, client.Id, client.FamilyId, detail: $"joinTeam: {JoinRefused}");
            throw PatchworkException.Forbidden(JoinRefused);
        }
    }
}
