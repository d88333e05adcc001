namespace Patchwork;

// The nodes of the network graph. These records are the shapes the whole service speaks in:
// the store returns them and the GraphQL types expose them, with no mapping layer in between.

public enum AgencyKind { CountyCouncil, DistrictCouncil, Health, School, Fire, Police, Housing, Voluntary, Other }

public enum AgreementStatus { Draft, Active, Suspended, Expired }

/// <summary>The data-sharing agreement under which an agency's practitioners may use Patchwork.</summary>
public sealed record DataSharingAgreement(AgreementStatus Status, DateOnly? SignedOn, DateOnly? ExpiresOn)
{
    public bool IsInForce(DateOnly today) =>
        Status == AgreementStatus.Active && (ExpiresOn is null || ExpiresOn >= today);

    /// <summary>An agreement as an administrator records it: an active one must say when it was signed.</summary>
    public DataSharingAgreement Validated(DateOnly today)
    {
        if (Status == AgreementStatus.Active && SignedOn is null)
        {
            throw PatchworkException.BadInput("An active agreement needs the date it was signed.");
        }
        if (SignedOn > today || SignedOn < today.AddYears(-30))
        {
            throw PatchworkException.BadInput("signedOn must be in the past 30 years and not in the future.");
        }
        if (ExpiresOn > today.AddYears(25))
        {
            throw PatchworkException.BadInput("expiresOn must be within 25 years.");
        }
        return ExpiresOn < SignedOn ? throw PatchworkException.BadInput("expiresOn must be after signedOn.") : this;
    }
}

/// <summary>
/// An organisation whose practitioners use Patchwork. A restricted service (sexual health, domestic abuse,
/// substance misuse …) has every involvement restricted: other team members see only its duty line.
/// </summary>
public sealed record Agency(
    string Id,
    string Name,
    AgencyKind Kind,
    string DutyPhone,
    string DutyEmail,
    bool RestrictedService,
    DataSharingAgreement Agreement);

public enum ContactMethod { Mobile, Landline, Email }

public enum PractitionerStatus { Active, Left }

public sealed record Practitioner(
    string Id,
    string AgencyId,
    string Name,
    string Role,
    string? Email,
    string? Mobile,
    string? Landline,
    ContactMethod PreferredContact,
    PractitionerStatus Status,
    string Subject);

/// <summary>A practitioner's sign-in and the agency they act for: all that deciding their standing needs, read at once.</summary>
public sealed record PractitionerAccount(Practitioner Practitioner, Agency Agency);

/// <summary>A person the network is around. Identifying details only: Patchwork holds no case notes.</summary>
public sealed record Client(
    string Id,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string Address,
    string Postcode,
    string? NhsNumber,
    bool Shielded,
    string? FamilyId,
    string? FamilyRelationship)
{
    public string DisplayName => $"{GivenName} {FamilyName}";
}

/// <summary>A household, and the area it lives in.</summary>
public sealed record Family(string Id, string Name, string Area);

public enum VisitMode { HomeVisit, Office, Phone, Video, Email, Other }

public enum VisitStatus { Planned, Completed, Cancelled, Missed }

/// <summary>
/// A contact between a practitioner and a client. <see cref="Restricted"/> is true when the practitioner's
/// involvement with the client is restricted, so the visit is shown only to that practitioner.
/// </summary>
public sealed record Visit(
    string Id,
    string ClientId,
    string PractitionerId,
    VisitMode Mode,
    VisitStatus Status,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset? CompletedAt,
    bool Restricted);

/// <summary>A practitioner's involvement with a client: the SUPPORTS relationship.</summary>
public sealed record Involvement(
    string PractitionerId,
    string ClientId,
    DateTimeOffset Since,
    string Reason,
    bool Restricted,
    DateTimeOffset? EndedOn,
    string? EndReason);

public enum TeamChangeKind { Joined, Left }

/// <summary>
/// A practitioner joining or leaving a client's team, with the reason they gave: how a team is told who
/// has come and gone. A restricted involvement's changes show only its agency to others.
/// </summary>
public sealed record TeamChange(
    string ClientId,
    Practitioner Practitioner,
    Agency Agency,
    TeamChangeKind Kind,
    DateTimeOffset At,
    string Reason,
    bool Restricted);
