using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Patchwork.Api.Tests;

/// <summary>What the page tells the web app about signing in with the provider.</summary>
public sealed partial class SignInSettingsTests
{
    [Fact]
    public async Task The_app_is_told_the_resource_to_ask_for_when_WebApp_Resource_is_set_and_not_otherwise()
    {
        var with = await SettingsAsync(("WebApp:Resource", "https://patchwork.example.org/api"));
        var without = await SettingsAsync();

        Assert.Equal("oidc", with["mode"]!.GetValue<string>());
        Assert.Equal("https://patchwork.example.org/api", with["resource"]!.GetValue<string>());
        Assert.Null(without["resource"]);
    }

    private static async Task<JsonNode> SettingsAsync(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string>
        {
            ["Auth:Authority"] = "https://login.example.org/realms/patchwork",
            ["WebApp:ClientId"] = "patchwork-web",
            ["Demo:Seed"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        using var app = new PatchworkApp("Production", all);
        using var client = app.CreateClient();
        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        return JsonNode.Parse(SettingsElement().Match(page).Groups[1].Value)!;
    }

    [GeneratedRegex("""<script type="application/json" id="sign-in-settings">(.*?)</script>""")]
    private static partial Regex SettingsElement();
}
