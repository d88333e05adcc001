using System.Security.Claims;
using System.Text.Json;

namespace Patchwork.Api.Identity;

/// <summary>Reads role names from a flat claim ("roles") or from an array inside a JSON claim ("realm_access.roles").</summary>
public static class RoleClaims
{
    public static IEnumerable<string> Read(ClaimsPrincipal user, string claim)
    {
        var path = claim.Split('.', 2);
        return path.Length == 1
            ? user.FindAll(claim).Select(c => c.Value)
            : user.FindAll(path[0]).SelectMany(c => FromJson(c.Value, path[1]));
    }

    private static IEnumerable<string> FromJson(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var values)
                && values.ValueKind == JsonValueKind.Array
                ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
