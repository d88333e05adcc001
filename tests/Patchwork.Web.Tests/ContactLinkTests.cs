using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>
/// Call and mail links are built so that no value can add to them: even an address or number the API would refuse
/// today (one stored before the rule, or from another store) opens a link to that one mailbox or number, and nothing more.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ContactLinkTests(WebAppFixture web)
{
    private const string Firefighter = "tom.gallagher@eastmere-fire.example";
    private const string HostileEmail = "a@b.example?cc=evil@x.example&body=%0D%0AHi";
    private const string HostilePhone = "07700 900123?cc=evil&body=x";

    [Fact]
    public async Task A_mail_or_call_link_holds_one_address_or_number_whatever_the_api_answers()
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await page.RouteAsync("**/graphql", async route =>
        {
            var answer = await route.FetchAsync();
            var body = JsonNode.Parse(await answer.TextAsync());
            Poison(body);
            await route.FulfillAsync(new RouteFulfillOptions { Response = answer, Body = body?.ToJsonString() });
        });
        await app.SignInAsync(Firefighter);
        await app.SearchAsync("Ngozi Okafor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open Ngozi Okafor’s team" }).ClickAsync();
        await Expect(app.Heading).ToHaveTextAsync("Ngozi Okafor");

        var restricted = page.Locator("ul.team > li", new() { HasText = "Restricted service involved" });
        await Expect(restricted.Locator("a[href^='mailto:']")).ToHaveCountAsync(1);
        var mail = await HrefsAsync(page, "a[href^='mailto:']");
        var calls = await HrefsAsync(page, "a[href^='tel:']");
        Assert.True(mail.Count > 1, "The team shows a practitioner's email and the restricted service's duty email.");
        Assert.All(mail, href => Assert.Equal("mailto:a%40b.example%3Fcc%3Devil@x.example%26body%3D%250D%250AHi", href));
        Assert.NotEmpty(calls);
        Assert.All(calls, href => Assert.Equal("tel:07700900123", href));
    }

    private static async Task<IReadOnlyList<string>> HrefsAsync(IPage page, string selector) =>
        await page.Locator(selector).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

    /// <summary>Puts the hostile address and number in place of every one the answer holds.</summary>
    private static void Poison(JsonNode? node)
    {
        if (node is JsonArray items)
        {
            foreach (var item in items)
            {
                Poison(item);
            }
        }
        else if (node is JsonObject fields)
        {
            foreach (var (name, value) in fields.ToList())
            {
                var hostile = name switch
                {
                    "email" or "dutyEmail" => HostileEmail,
                    "mobile" or "landline" or "dutyPhone" => HostilePhone,
                    _ => null,
                };
                if (hostile is not null && value is not null)
                {
                    fields[name] = hostile;
                }
                else
                {
                    Poison(value);
                }
            }
        }
    }
}
