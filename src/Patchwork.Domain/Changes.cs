namespace Patchwork;

// The inputs of the writes the store accepts. Each validates itself, so both adapters refuse the
// same bad input with the same message before anything is written.

/// <summary>
/// Who is making a change, on whose behalf it is audited, and the request it came in on. Practitioners act as
/// themselves (<see cref="PractitionerId"/>); administrators have no practitioner record.
/// </summary>
public sealed record Actor(string Subject, string? PractitionerId, string RequestId)
{
    /// <summary>The acting practitioner, for changes only a practitioner can make.</summary>
    public string Practitioner => PractitionerId ?? throw PatchworkException.Forbidden("Only a practitioner can make this change.");

    /// <summary>The audit entry for what this actor did, as every store writes it beside the change itself.</summary>
    public AuditEntry Audited(
        DateTimeOffset at, AuditAction action, string? clientId, string? familyId, string? reason, string? detail) =>
        new(at, Subject, PractitionerId, action, clientId, familyId, reason, detail, RequestId);
}

public sealed record NewClient(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string Address,
    string Postcode,
    string? NhsNumber,
    bool Shielded,
    string Reason)
{
    public NewClient Validated(DateOnly today) => this with
    {
        GivenName = Check.Name(GivenName, "givenName"),
        FamilyName = Check.Name(FamilyName, "familyName"),
        DateOfBirth = Check.DateOfBirth(DateOfBirth, today),
        Address = Check.Text(Address, "address", 200),
        Postcode = Check.Postcode(Postcode),
        NhsNumber = NhsNumber is null ? null : Check.NhsNumber(NhsNumber),
        Reason = Check.Reason(Reason),
    };
}

public sealed record NewFamily(string Name, string Area, string FirstMemberId, string Relationship)
{
    public NewFamily Validated() => this with
    {
        Name = Check.Text(Name, "name", 100),
        Area = Check.Text(Area, "area", 100),
        FirstMemberId = Check.Id(FirstMemberId, "clientId"),
        Relationship = Check.Text(Relationship, "relationship", 50),
    };
}

public sealed record NewVisit(string ClientId, DateTimeOffset ScheduledFor, VisitMode Mode)
{
    public NewVisit Validated(DateTimeOffset now) => this with
    {
        ClientId = Check.Id(ClientId, "clientId"),
        ScheduledFor = Check.Between(ScheduledFor, now.AddMinutes(-5), now.AddYears(2), "scheduledFor",
            "must be in the future and within two years"),
    };
}

/// <summary>A completed contact: either an ad-hoc one, or the completion of a planned visit.</summary>
public sealed record NewContact(string ClientId, DateTimeOffset CompletedAt, VisitMode Mode, string? VisitId)
{
    public NewContact Validated(DateTimeOffset now) => this with
    {
        ClientId = Check.Id(ClientId, "clientId"),
        CompletedAt = Check.Between(CompletedAt, now.AddYears(-1), now.AddMinutes(5), "completedAt",
            "must be in the past year and not in the future"),
        VisitId = VisitId is null ? null : Check.Id(VisitId, "visitId"),
    };
}

public sealed record ContactDetails(string? Email, string? Mobile, string? Landline, ContactMethod PreferredContact)
{
    public ContactDetails Validated()
    {
        var details = new ContactDetails(
            Email is null ? null : Check.Email(Email, "email"),
            Mobile is null ? null : Check.UkPhone(Mobile, "mobile"),
            Landline is null ? null : Check.UkPhone(Landline, "landline"),
            PreferredContact);
        var preferredIsSet = PreferredContact switch
        {
            ContactMethod.Mobile => details.Mobile is not null,
            ContactMethod.Landline => details.Landline is not null,
            _ => details.Email is not null,
        };
        return preferredIsSet
            ? details
            : throw PatchworkException.BadInput("preferredContact must name a method whose details are given.");
    }
}

public sealed record NewAgency(
    string Name,
    AgencyKind Kind,
    string DutyPhone,
    string DutyEmail,
    bool RestrictedService,
    DataSharingAgreement Agreement)
{
    public NewAgency Validated(DateOnly today) => this with
    {
        Name = Check.Text(Name, "name", 150),
        DutyPhone = Check.UkPhone(DutyPhone, "dutyPhone"),
        DutyEmail = Check.Email(DutyEmail, "dutyEmail"),
        Agreement = Agreement.Validated(today),
    };
}

public sealed record NewPractitioner(
    string AgencyId,
    string Name,
    string Role,
    string? Email,
    string? Mobile,
    string? Landline,
    ContactMethod PreferredContact,
    string Subject)
{
    public NewPractitioner Validated()
    {
        var contact = new ContactDetails(Email, Mobile, Landline, PreferredContact).Validated();
        return this with
        {
            AgencyId = Check.Id(AgencyId, "agencyId"),
            Name = Check.Name(Name, "name"),
            Role = Check.Text(Role, "role", 100),
            Email = contact.Email,
            Mobile = contact.Mobile,
            Landline = contact.Landline,
            Subject = Check.Text(Subject, "subject", 255),
        };
    }
}
