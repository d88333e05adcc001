using Patchwork.Api.Identity;
using Patchwork.Network;

namespace Patchwork.Governance.Tests;

/// <summary>Who asks, and the records the rules are about: only what each test names matters.</summary>
internal static class People
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    public static Agency Agency(string id, bool restricted = false) =>
        new(id, $"Agency {id}", AgencyKind.Health, "01603123456", $"duty@{id}.example", restricted,
            new DataSharingAgreement(AgreementStatus.Active, new DateOnly(2025, 1, 1), null));

    public static Practitioner Practitioner(string id, string agencyId = "health") =>
        new(id, agencyId, $"Practitioner {id}", "Nurse", null, null, null, ContactMethod.Email, PractitionerStatus.Active, $"sub-{id}");

    public static Client Client(string id) => new(id, "Ada", id, new DateOnly(1990, 1, 2), "1 Mill Row", "NR2 4TJ", null, false, null, null);

    public static Viewer PractitionerViewer(string id, Standing standing = Standing.Active) =>
        new($"sub-{id}", new HashSet<Role> { Role.Practitioner }, Practitioner(id), standing, $"req-{id}");

    public static Viewer WithRoles(params Role[] roles) => new("sub-other", roles.ToHashSet(), null, Standing.NotRegistered, "req-other");
}
