namespace Patchwork.Network;

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
