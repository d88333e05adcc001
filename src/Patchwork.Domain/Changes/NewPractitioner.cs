using Patchwork.Network;

namespace Patchwork.Changes;

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
