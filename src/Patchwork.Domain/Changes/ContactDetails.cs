using Patchwork.Network;

namespace Patchwork.Changes;

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
