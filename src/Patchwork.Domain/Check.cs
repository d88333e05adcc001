using System.Text.RegularExpressions;

namespace Patchwork;

/// <summary>Input rules shared by every write. Each returns the normalised value or throws BAD_USER_INPUT.</summary>
public static partial class Check
{
    public static string Text(string value, string field, int maxLength)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw PatchworkException.BadInput($"{field} must not be empty.");
        }
        if (trimmed.Length > maxLength)
        {
            throw PatchworkException.BadInput($"{field} must be at most {maxLength} characters.");
        }
        return trimmed.Any(char.IsControl)
            ? throw PatchworkException.BadInput($"{field} must not contain control characters.")
            : trimmed;
    }

    public static string Name(string value, string field) => Text(value, field, 100);

    public static string Reason(string value) => Text(value, "reason", 500);

    public static string Id(string value, string field) =>
        IdPattern().IsMatch(value) ? value : throw PatchworkException.BadInput($"{field} is not a valid id.");

    public static DateOnly DateOfBirth(DateOnly value, DateOnly today) =>
        value > today || value < today.AddYears(-125)
            ? throw PatchworkException.BadInput("dateOfBirth must be in the past 125 years and not in the future.")
            : value;

    public static DateTimeOffset Between(DateTimeOffset value, DateTimeOffset earliest, DateTimeOffset latest,
        string field, string rule) =>
        value < earliest || value > latest ? throw PatchworkException.BadInput($"{field} {rule}.") : value;

    /// <summary>A UK postcode, normalised to upper case with one space before the inward code.</summary>
    public static string Postcode(string value)
    {
        var compact = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return PostcodePattern().IsMatch(compact)
            ? $"{compact[..^3]} {compact[^3..]}"
            : throw PatchworkException.BadInput("postcode is not a valid UK postcode.");
    }

    /// <summary>The outward part of a postcode ("NR2 4TJ" → "NR2"): all that search shows of an address.</summary>
    public static string PostcodeDistrict(string postcode) =>
        postcode.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var outward, ..] ? outward : "";

    /// <summary>A ten-digit NHS number whose last digit is its modulus-11 check digit.</summary>
    public static string NhsNumber(string value)
    {
        var digits = value.Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            throw PatchworkException.BadInput("nhsNumber must be ten digits.");
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }
        var check = 11 - (sum % 11);
        return (check == 11 ? 0 : check) == digits[9] - '0'
            ? digits
            : throw PatchworkException.BadInput("nhsNumber fails its check digit.");
    }

    /// <summary>
    /// A plain mailbox address: letters, digits and . _ + - ' before the @ (at most 64, no dot at either end or twice),
    /// then a domain of dot-separated letters, digits and hyphens. The web app makes mail links of these, and a mail
    /// link reads what follows a ? as more recipients, a subject or a body, and a % as an escape: nothing but those
    /// ordinary characters is let in, so no quotes, brackets, spaces or query characters either.
    /// </summary>
    public static string Email(string value, string field)
    {
        var trimmed = Text(value, field, 254);
        if (!EmailPattern().IsMatch(trimmed))
        {
            throw PatchworkException.BadInput(
                $"{field} must be a plain address such as name@agency.org.uk: letters, digits and . _ + - ' before the @, then a domain.");
        }
        return trimmed.IndexOf('@', StringComparison.Ordinal) <= 64
            ? trimmed
            : throw PatchworkException.BadInput($"{field} must have at most 64 characters before the @.");
    }

    /// <summary>A UK phone number in national form ("07700 900123"); "+44" is accepted and rewritten.</summary>
    public static string UkPhone(string value, string field)
    {
        var compact = PhoneSeparators().Replace(value.Trim(), "");
        if (compact.StartsWith("+44", StringComparison.Ordinal))
        {
            compact = "0" + compact[3..];
        }
        return UkPhonePattern().IsMatch(compact)
            ? compact
            : throw PatchworkException.BadInput($"{field} is not a valid UK phone number.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_+'-]+(\.[A-Za-z0-9_+'-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex("^0[1-9][0-9]{8,9}$")]
    private static partial Regex UkPhonePattern();
}
