namespace Patchwork.Changes;

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
