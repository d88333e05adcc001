namespace Patchwork.Api.Identity;

/// <summary>The roles a signed-in user can hold, as they appear in the token's role claim.</summary>
public enum Role { Practitioner, Analyst, Commissioner, Admin }

public static class Roles
{
    public static string ClaimValue(this Role role) => role.ToString().ToLowerInvariant();

    public static Role? Parse(string value) =>
        Enum.TryParse<Role>(value, ignoreCase: true, out var role) && Enum.IsDefined(role) ? role : null;
}
