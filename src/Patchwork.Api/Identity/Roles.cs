using Patchwork.Network;

namespace Patchwork.Api.Identity;

/// <summary>The roles a signed-in user can hold, as they appear in the token's role claim.</summary>
public enum Role { Practitioner, Analyst, Commissioner, Admin }

public static class Roles
{
    public static string ClaimValue(this Role role) => role.ToString().ToLowerInvariant();

    /// <summary>The people who hold these roles, in plain words: "analysts and commissioners".</summary>
    public static string People(IReadOnlyList<Role> roles) => roles.Count == 1
        ? People(roles[0])
        : $"{string.Join(", ", roles.Take(roles.Count - 1).Select(People))} and {People(roles[^1])}";

    private static string People(Role role) => role == Role.Admin ? "administrators" : $"{role.ClaimValue()}s";

    public static Role? Parse(string value) =>
        Enum.TryParse<Role>(value, ignoreCase: true, out var role) && Enum.IsDefined(role) ? role : null;
}
