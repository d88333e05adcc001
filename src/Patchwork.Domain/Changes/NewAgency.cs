using Patchwork.Network;

namespace Patchwork.Changes;

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
