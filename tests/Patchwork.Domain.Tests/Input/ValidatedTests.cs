using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Reports;
using static Patchwork.Domain.Tests.Input.CheckTests;

namespace Patchwork.Domain.Tests.Input;

/// <summary>Each write's input checks itself: every field normalised, each limit held at the limit and one beyond it.</summary>
public sealed class ValidatedTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);

    private static NewClient Client(string? nhsNumber = null) =>
        new(" Ada ", " Quill ", new DateOnly(1990, 1, 2), " 1 Mill Row ", "nr2 4tj", nhsNumber, Shielded: true, " Referred ");

    [Fact]
    public void A_new_client_is_kept_trimmed_with_its_postcode_and_nhs_number_normalised()
    {
        var valid = Client("943 476 5919").Validated(Today);

        Assert.Equal(new NewClient("Ada", "Quill", new DateOnly(1990, 1, 2), "1 Mill Row", "NR2 4TJ", "9434765919", true, "Referred"), valid);
        Assert.Null(Client().Validated(Today).NhsNumber);
    }

    [Fact]
    public void Each_field_of_a_new_client_is_checked()
    {
        Refused("givenName must be at most 100 characters.", () => (Client() with { GivenName = new string('g', 101) }).Validated(Today));
        Refused("familyName must not be empty.", () => (Client() with { FamilyName = "" }).Validated(Today));
        Refused("dateOfBirth must be in the past 125 years and not in the future.",
            () => (Client() with { DateOfBirth = Today.AddDays(1) }).Validated(Today));
        Refused("postcode is not a valid UK postcode.", () => (Client() with { Postcode = "nowhere" }).Validated(Today));
        Refused("nhsNumber fails its check digit.", () => Client("9434765918").Validated(Today));
        Refused("reason must not be empty.", () => (Client() with { Reason = " " }).Validated(Today));
    }

    [Fact]
    public void An_address_may_have_200_characters_and_not_201()
    {
        Assert.Equal(200, (Client() with { Address = new string('a', 200) }).Validated(Today).Address.Length);
        Refused("address must be at most 200 characters.", () => (Client() with { Address = new string('a', 201) }).Validated(Today));
    }

    [Fact]
    public void A_new_family_is_kept_trimmed_and_each_field_has_its_limit()
    {
        var family = new NewFamily(" the Quill household ", " Eastmere North ", "client-1", " mother ");
        Assert.Equal(new NewFamily("the Quill household", "Eastmere North", "client-1", "mother"), family.Validated());

        Assert.Equal(100, (family with { Name = new string('n', 100) }).Validated().Name.Length);
        Refused("name must be at most 100 characters.", () => (family with { Name = new string('n', 101) }).Validated());
        Assert.Equal(100, (family with { Area = new string('a', 100) }).Validated().Area.Length);
        Refused("area must be at most 100 characters.", () => (family with { Area = new string('a', 101) }).Validated());
        Assert.Equal(50, (family with { Relationship = new string('r', 50) }).Validated().Relationship.Length);
        Refused("relationship must be at most 50 characters.", () => (family with { Relationship = new string('r', 51) }).Validated());
        Refused("clientId is not a valid id.", () => (family with { FirstMemberId = "not an id" }).Validated());
    }

    [Fact]
    public void A_visit_may_be_planned_from_five_minutes_ago_to_two_years_ahead_and_not_a_tick_beyond()
    {
        const string rule = "scheduledFor must be in the future and within two years.";
        NewVisit At(DateTimeOffset when) => new("client-1", when, VisitMode.HomeVisit);

        Assert.Equal(Now.AddMinutes(-5), At(Now.AddMinutes(-5)).Validated(Now).ScheduledFor);
        Assert.Equal(Now.AddYears(2), At(Now.AddYears(2)).Validated(Now).ScheduledFor);
        Refused(rule, () => At(Now.AddMinutes(-5).AddTicks(-1)).Validated(Now));
        Refused(rule, () => At(Now.AddYears(2).AddTicks(1)).Validated(Now));
        Refused("clientId is not a valid id.", () => (At(Now) with { ClientId = "" }).Validated(Now));
    }

    [Fact]
    public void A_contact_may_be_recorded_from_a_year_ago_to_five_minutes_ahead_and_not_a_tick_beyond()
    {
        const string rule = "completedAt must be in the past year and not in the future.";
        NewContact At(DateTimeOffset when, string? visitId = null) => new("client-1", when, VisitMode.Phone, visitId);

        Assert.Equal(Now.AddYears(-1), At(Now.AddYears(-1)).Validated(Now).CompletedAt);
        Assert.Equal(Now.AddMinutes(5), At(Now.AddMinutes(5)).Validated(Now).CompletedAt);
        Refused(rule, () => At(Now.AddYears(-1).AddTicks(-1)).Validated(Now));
        Refused(rule, () => At(Now.AddMinutes(5).AddTicks(1)).Validated(Now));
        Assert.Null(At(Now).Validated(Now).VisitId);
        Assert.Equal("visit-1", At(Now, "visit-1").Validated(Now).VisitId);
        Refused("visitId is not a valid id.", () => At(Now, "visit 1").Validated(Now));
        Refused("clientId is not a valid id.", () => (At(Now) with { ClientId = "a b" }).Validated(Now));
    }

    [Fact]
    public void Contact_details_are_normalised_and_the_preferred_method_must_be_given()
    {
        var all = new ContactDetails(" a@b.co ", "+44 7700 900123", "(01603) 123456", ContactMethod.Landline).Validated();
        Assert.Equal(new ContactDetails("a@b.co", "07700900123", "01603123456", ContactMethod.Landline), all);
        Assert.Equal(new ContactDetails(null, null, null, ContactMethod.Email) with { Email = "a@b.co" },
            new ContactDetails("a@b.co", null, null, ContactMethod.Email).Validated());

        const string rule = "preferredContact must name a method whose details are given.";
        Refused(rule, () => new ContactDetails("a@b.co", null, "01603123456", ContactMethod.Mobile).Validated());
        Refused(rule, () => new ContactDetails("a@b.co", "07700900123", null, ContactMethod.Landline).Validated());
        Refused(rule, () => new ContactDetails(null, "07700900123", "01603123456", ContactMethod.Email).Validated());
        Assert.Equal("07700900123", new ContactDetails(null, "07700900123", null, ContactMethod.Mobile).Validated().Mobile);
        Assert.Equal("01603123456", new ContactDetails(null, null, "01603123456", ContactMethod.Landline).Validated().Landline);
        Refused("email must not be empty.", () => new ContactDetails("", "07700900123", null, ContactMethod.Mobile).Validated());
        Refused("mobile is not a valid UK phone number.", () => new ContactDetails(null, "123", null, ContactMethod.Mobile).Validated());
        Refused("landline is not a valid UK phone number.", () => new ContactDetails(null, "07700900123", "123", ContactMethod.Mobile).Validated());
    }

    private static NewAgency Agency() => new(" Eastmere Women's Aid ", AgencyKind.Voluntary, "+44 1603 123456", " duty@aid.example ",
        RestrictedService: true, new DataSharingAgreement(AgreementStatus.Active, Today, null));

    [Fact]
    public void A_new_agency_is_kept_normalised_and_its_agreement_is_checked()
    {
        Assert.Equal(Agency() with { Name = "Eastmere Women's Aid", DutyPhone = "01603123456", DutyEmail = "duty@aid.example" },
            Agency().Validated(Today));
        Assert.Equal(150, (Agency() with { Name = new string('n', 150) }).Validated(Today).Name.Length);
        Refused("name must be at most 150 characters.", () => (Agency() with { Name = new string('n', 151) }).Validated(Today));
        Refused("dutyPhone is not a valid UK phone number.", () => (Agency() with { DutyPhone = "999" }).Validated(Today));
        Refused("dutyEmail must not be empty.", () => (Agency() with { DutyEmail = "" }).Validated(Today));
        Refused("An active agreement needs the date it was signed.",
            () => (Agency() with { Agreement = new(AgreementStatus.Active, null, null) }).Validated(Today));
    }

    private static NewPractitioner Practitioner() =>
        new("agency-1", " Priya Sharma ", " Health visitor ", " priya@health.example ", "+447700900123", null, ContactMethod.Mobile, " subject-1 ");

    [Fact]
    public void A_new_practitioner_is_kept_normalised_and_each_field_has_its_limit()
    {
        Assert.Equal(new NewPractitioner("agency-1", "Priya Sharma", "Health visitor", "priya@health.example", "07700900123", null,
            ContactMethod.Mobile, "subject-1"), Practitioner().Validated());
        Assert.Equal("01603123456", (Practitioner() with { Landline = "01603 123456" }).Validated().Landline);
        Refused("agencyId is not a valid id.", () => (Practitioner() with { AgencyId = "" }).Validated());
        Refused("name must be at most 100 characters.", () => (Practitioner() with { Name = new string('n', 101) }).Validated());
        Assert.Equal(100, (Practitioner() with { Role = new string('r', 100) }).Validated().Role.Length);
        Refused("role must be at most 100 characters.", () => (Practitioner() with { Role = new string('r', 101) }).Validated());
        Assert.Equal(255, (Practitioner() with { Subject = new string('s', 255) }).Validated().Subject.Length);
        Refused("subject must be at most 255 characters.", () => (Practitioner() with { Subject = new string('s', 256) }).Validated());
        Refused("preferredContact must name a method whose details are given.",
            () => (Practitioner() with { Mobile = null }).Validated());
    }

    [Fact]
    public void A_follow_up_request_is_checked()
    {
        Assert.Equal(new NewFollowUp("family-1", "No contact since May"), new NewFollowUp("family-1", " No contact since May ").Validated());
        Refused("familyId is not a valid id.", () => new NewFollowUp("family 1", "Why").Validated());
        Refused("reason must be at most 500 characters.", () => new NewFollowUp("family-1", new string('r', 501)).Validated());
    }

    [Fact]
    public void An_active_agreement_must_say_when_it_was_signed_and_other_statuses_need_not()
    {
        Refused("An active agreement needs the date it was signed.", () => new DataSharingAgreement(AgreementStatus.Active, null, null).Validated(Today));
        var draft = new DataSharingAgreement(AgreementStatus.Draft, null, null);
        Assert.Same(draft, draft.Validated(Today));
        var suspended = new DataSharingAgreement(AgreementStatus.Suspended, null, Today);
        Assert.Same(suspended, suspended.Validated(Today));
    }

    [Fact]
    public void An_agreement_is_signed_in_the_last_30_years_and_expires_within_25_and_not_before_it_was_signed()
    {
        static DataSharingAgreement Signed(DateOnly on, DateOnly? expires = null) => new(AgreementStatus.Active, on, expires);
        const string signedRule = "signedOn must be in the past 30 years and not in the future.";

        Assert.Equal(Today, Signed(Today).Validated(Today).SignedOn);
        Assert.Equal(new DateOnly(1996, 3, 10), Signed(new DateOnly(1996, 3, 10)).Validated(Today).SignedOn);
        Refused(signedRule, () => Signed(Today.AddDays(1)).Validated(Today));
        Refused(signedRule, () => Signed(new DateOnly(1996, 3, 9)).Validated(Today));

        Assert.Equal(new DateOnly(2051, 3, 10), Signed(Today, new DateOnly(2051, 3, 10)).Validated(Today).ExpiresOn);
        Refused("expiresOn must be within 25 years.", () => Signed(Today, new DateOnly(2051, 3, 11)).Validated(Today));

        Assert.Equal(Today, Signed(Today, Today).Validated(Today).ExpiresOn);
        Refused("expiresOn must be after signedOn.", () => Signed(Today, Today.AddDays(-1)).Validated(Today));
    }

    [Fact]
    public void An_agreement_is_in_force_when_active_and_not_expired_before_today()
    {
        Assert.True(new DataSharingAgreement(AgreementStatus.Active, Today, null).IsInForce(Today));
        Assert.True(new DataSharingAgreement(AgreementStatus.Active, Today, Today).IsInForce(Today));
        Assert.False(new DataSharingAgreement(AgreementStatus.Active, Today, Today.AddDays(-1)).IsInForce(Today));
        Assert.False(new DataSharingAgreement(AgreementStatus.Suspended, Today, null).IsInForce(Today));
        Assert.False(new DataSharingAgreement(AgreementStatus.Expired, Today, Today.AddYears(1)).IsInForce(Today));
    }
}
