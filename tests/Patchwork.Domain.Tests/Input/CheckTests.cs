namespace Patchwork.Domain.Tests.Input;

/// <summary>The input rules every write shares: what each accepts, as what, and what it refuses, at its limits.</summary>
public sealed class CheckTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    /// <summary>Asserts the call is refused as BAD_USER_INPUT with exactly this message.</summary>
    internal static void Refused(string message, Action call)
    {
        var refused = Assert.Throws<PatchworkException>(call);
        Assert.Equal(ErrorCode.BadUserInput, refused.Code);
        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void Text_is_trimmed_and_kept_up_to_its_maximum_length_exactly()
    {
        Assert.Equal("Ada", Check.Text("  Ada \t", "name", 3));
        Assert.Equal(new string('a', 10), Check.Text(" " + new string('a', 10) + " ", "name", 10));
        Refused("name must be at most 10 characters.", () => Check.Text(new string('a', 11), "name", 10));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Empty_text_is_refused(string value) => Refused("area must not be empty.", () => Check.Text(value, "area", 100));

    [Theory]
    [InlineData("Ada\u0000Quill")]
    [InlineData("Ada\nQuill")]
    [InlineData("Ada\u0007")]
    [InlineData("A\u007Fda")]
    [InlineData("Ada\u0085Quill")]
    public void Text_with_a_control_character_anywhere_is_refused(string value) =>
        Refused("name must not contain control characters.", () => Check.Text(value, "name", 100));

    [Fact]
    public void A_name_may_have_100_characters_and_not_101()
    {
        Assert.Equal(100, Check.Name(new string('n', 100), "givenName").Length);
        Refused("givenName must be at most 100 characters.", () => Check.Name(new string('n', 101), "givenName"));
    }

    [Fact]
    public void A_reason_may_have_500_characters_and_not_501()
    {
        Assert.Equal(500, Check.Reason(new string('r', 500)).Length);
        Assert.Equal("Safeguarding enquiry", Check.Reason(" Safeguarding enquiry "));
        Refused("reason must be at most 500 characters.", () => Check.Reason(new string('r', 501)));
        Refused("reason must not be empty.", () => Check.Reason(" "));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("019a7f3e6b2c7d40a1b2c3d4e5f60718")]
    [InlineData("demo_client-7")]
    public void An_id_of_letters_digits_underscores_and_hyphens_is_kept(string id) => Assert.Equal(id, Check.Id(id, "clientId"));

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a'b")]
    [InlineData("a/b")]
    [InlineData("ünicode")]
    public void Anything_else_is_not_an_id(string id) => Refused("clientId is not a valid id.", () => Check.Id(id, "clientId"));

    [Fact]
    public void An_id_may_have_64_characters_and_not_65()
    {
        Assert.Equal(64, Check.Id(new string('i', 64), "visitId").Length);
        Refused("visitId is not a valid id.", () => Check.Id(new string('i', 65), "visitId"));
    }

    [Fact]
    public void A_date_of_birth_is_today_at_the_latest_and_125_years_ago_at_the_earliest()
    {
        const string rule = "dateOfBirth must be in the past 125 years and not in the future.";
        Assert.Equal(Today, Check.DateOfBirth(Today, Today));
        Assert.Equal(new DateOnly(1901, 3, 10), Check.DateOfBirth(new DateOnly(1901, 3, 10), Today));
        Refused(rule, () => Check.DateOfBirth(Today.AddDays(1), Today));
        Refused(rule, () => Check.DateOfBirth(new DateOnly(1901, 3, 9), Today));
    }

    [Fact]
    public void Between_keeps_both_ends_of_its_window_and_refuses_a_tick_beyond_either()
    {
        var earliest = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var latest = earliest.AddDays(1);
        Assert.Equal(earliest, Check.Between(earliest, earliest, latest, "at", "is out of range"));
        Assert.Equal(latest, Check.Between(latest, earliest, latest, "at", "is out of range"));
        Refused("at is out of range.", () => Check.Between(earliest.AddTicks(-1), earliest, latest, "at", "is out of range"));
        Refused("at is out of range.", () => Check.Between(latest.AddTicks(1), earliest, latest, "at", "is out of range"));
    }

    [Theory]
    [InlineData("nr2 4tj", "NR2 4TJ")]
    [InlineData("NR24TJ", "NR2 4TJ")]
    [InlineData(" NR2  4TJ ", "NR2 4TJ")]
    [InlineData("ec1a1bb", "EC1A 1BB")]
    [InlineData("M1 1AE", "M1 1AE")]
    public void A_postcode_is_upper_case_with_one_space_before_its_inward_code(string value, string normalised) =>
        Assert.Equal(normalised, Check.Postcode(value));

    [Theory]
    [InlineData("")]
    [InlineData("NR2")]
    [InlineData("NR2 4T")]
    [InlineData("1R2 4TJ")]
    [InlineData("NR2-4TJ")]
    public void Anything_else_is_not_a_postcode(string value) =>
        Refused("postcode is not a valid UK postcode.", () => Check.Postcode(value));

    [Theory]
    [InlineData("NR2 4TJ", "NR2")]
    [InlineData("EC1A 1BB", "EC1A")]
    [InlineData("NR2", "NR2")]
    [InlineData(" NR2 4TJ", "NR2")]
    [InlineData("", "")]
    [InlineData("  ", "")]
    public void Search_shows_only_a_postcodes_district(string postcode, string district) =>
        Assert.Equal(district, Check.PostcodeDistrict(postcode));

    [Theory]
    [InlineData("9434765919", "9434765919")]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("4010232137", "4010232137")]
    [InlineData("1000000060", "1000000060")] // the check digit is 11, written as 0
    public void An_nhs_number_with_its_check_digit_is_kept_as_ten_digits(string value, string kept) =>
        Assert.Equal(kept, Check.NhsNumber(value));

    [Theory]
    [InlineData("943476591")]
    [InlineData("94347659190")]
    [InlineData("943476591A")]
    [InlineData("9434-76591")]
    [InlineData("943476591٩")] // an Arabic-Indic nine: a digit, but not an ASCII one
    [InlineData("")]
    public void An_nhs_number_is_ten_ascii_digits(string value) =>
        Refused("nhsNumber must be ten digits.", () => Check.NhsNumber(value));

    [Theory]
    [InlineData("9434765918")]
    [InlineData("9434765910")]
    [InlineData("4010232138")]
    [InlineData("1000000061")]
    [InlineData("1234567890")] // its check digit would be 10: no such number is issued
    [InlineData("1234567891")]
    public void An_nhs_number_whose_last_digit_is_not_its_check_digit_is_refused(string value) =>
        Refused("nhsNumber fails its check digit.", () => Check.NhsNumber(value));

    [Theory]
    [InlineData("hannah.reid@eastmere-council.example")]
    [InlineData("first.last+referrals@sub.agency.org.uk")]
    [InlineData("o_connor-2@nhs.net")]
    [InlineData("siobhan.o'neill@hse.example")]
    [InlineData("DUTY@EXAMPLE.ORG")]
    [InlineData("a@b.co")]
    public void An_ordinary_email_address_is_kept_as_it_is(string email) => Assert.Equal(email, Check.Email(email, "email"));

    [Fact]
    public void An_email_is_trimmed_like_any_text()
    {
        Assert.Equal("a@b.co", Check.Email("  a@b.co ", "email"));
        Refused("email must not be empty.", () => Check.Email(" ", "email"));
    }

    [Fact]
    public void An_email_may_have_64_characters_before_the_at_and_not_65()
    {
        var sixtyFour = new string('l', 64) + "@agency.org.uk";
        Assert.Equal(sixtyFour, Check.Email(sixtyFour, "dutyEmail"));
        Refused("dutyEmail must have at most 64 characters before the @.", () => Check.Email("l" + sixtyFour, "dutyEmail"));
    }

    [Fact]
    public void An_email_may_have_254_characters_and_not_255()
    {
        // 64 before the @, then labels of at most 63 characters.
        var domain = new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 58) + ".uk";
        var longest = new string('l', 64) + "@" + domain;
        Assert.Equal(254, longest.Length);
        Assert.Equal(longest, Check.Email(longest, "email"));
        Refused("email must be at most 254 characters.", () => Check.Email(longest.Replace("@a", "@aa", StringComparison.Ordinal), "email"));
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("a b@c.example")]
    [InlineData("a@b.example?cc=x")]
    public void An_email_that_is_not_a_plain_address_is_refused(string email) =>
        Refused("email must be a plain address such as name@agency.org.uk: letters, digits and . _ + - ' before the @, then a domain.",
            () => Check.Email(email, "email"));

    [Theory]
    [InlineData("07700 900123", "07700900123")]
    [InlineData("+44 7700 900123", "07700900123")]
    [InlineData("+447700900123", "07700900123")]
    [InlineData("(01603) 123-456", "01603123456")]
    [InlineData(" 01603 123456 ", "01603123456")]
    [InlineData("0160312345", "0160312345")]
    public void A_uk_phone_number_is_kept_in_national_form_without_separators(string value, string kept) =>
        Assert.Equal(kept, Check.UkPhone(value, "mobile"));

    [Theory]
    [InlineData("")]
    [InlineData("7700900123")]
    [InlineData("00700900123")]
    [InlineData("077009001234")]
    [InlineData("+1 202 555 0100")]
    [InlineData("44 7700 900123")]
    [InlineData("07700 9OO123")]
    public void Anything_else_is_not_a_uk_phone_number(string value) =>
        Refused("landline is not a valid UK phone number.", () => Check.UkPhone(value, "landline"));
}
