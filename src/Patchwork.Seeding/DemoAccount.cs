using Patchwork.Network;

namespace Patchwork.Seeding;

/// <summary>
/// A sign-in for the demo: the identity-provider subject a token carries, the role it is issued with, and for
/// practitioners the practitioner record the subject resolves to. Name, job and agency are what the demo's
/// sign-in shows, so that a person picks "Hannah Reid, Social worker" rather than an email address.
/// </summary>
public sealed record DemoAccount(string Email, string Role, string Subject, string? PractitionerId, string Name, string Job, string Agency);

/// <summary>The role names demo accounts are issued with, as the access model names them.</summary>
public static class DemoRoles
{
    public const string Practitioner = "practitioner";
    public const string Analyst = "analyst";
    public const string Commissioner = "commissioner";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Practitioner, Analyst, Commissioner, Admin];
}

/// <summary>
/// The demo's guided tour. Signed in as <see cref="PractitionerEmail"/>, a search for <see cref="SearchText"/>
/// finds <see cref="ClientName"/>, whose family (<see cref="FamilyName"/>) the practitioner is not yet around:
/// the family's team stays hidden until they join it with a reason. The family has at least three members and
/// a team of at least three practitioners from two or more agencies, one of them a restricted service, with a
/// visit planned.
/// </summary>
public sealed record DemoWalkThrough(
    string PractitionerEmail,
    string PractitionerName,
    string PractitionerSubject,
    string ClientName,
    string SearchText,
    string FamilyName);
