namespace Patchwork.Changes;

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
