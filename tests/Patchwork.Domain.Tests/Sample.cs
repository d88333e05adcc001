using Patchwork.Network;
namespace Patchwork.Domain.Tests;

/// <summary>Small records for the tests to build networks from: only what each test names matters.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    public static DataSharingAgreement InForce { get; } = new(AgreementStatus.Active, new DateOnly(2025, 1, 1), null);

    public static Agency Agency(string id, bool restricted = false, DataSharingAgreement? agreement = null) =>
        new(id, $"Agency {id}", AgencyKind.Health, "01603123456", $"duty@{id}.example", restricted, agreement ?? InForce);

    public static Practitioner Practitioner(string id, string agencyId = "health", PractitionerStatus status = PractitionerStatus.Active) =>
        new(id, agencyId, $"Practitioner {id}", "Health visitor", $"{id}@health.example", null, null, ContactMethod.Email, status, $"sub-{id}");

    public static Client Client(string id, string? familyId = null, bool shielded = false) =>
        new(id, "Ada", id, new DateOnly(1990, 1, 2), "1 Mill Row", "NR2 4TJ", null, shielded, familyId, familyId is null ? null : "mother");

    public static TeamMember Member(string practitionerId, string[] supports, DateTimeOffset since,
        DateTimeOffset? lastContact = null, DateTimeOffset? nextVisit = null, bool restricted = false) =>
        new(Practitioner(practitionerId), Agency("health"), [.. supports.Select(c => Client(c))], since, lastContact, nextVisit, restricted);
}
