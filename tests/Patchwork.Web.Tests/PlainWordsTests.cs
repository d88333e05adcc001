using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Patchwork.Network;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>Whatever the API refuses, a person reads plain words: never a GraphQL field or argument name.</summary>
[Collection(WebAppCollection.Name)]
public sealed partial class PlainWordsTests(WebAppFixture web)
{
    private const string Analyst = "analyst@eastmere-council.example";
    private const string Suspended = "gary.holt@mereside-housing.example";
    private const string Practitioner = "hannah.reid@eastmere-council.example";

    /// <summary>A word like "networkDensity" or "asOf": how GraphQL names things, and nobody else.</summary>
    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCase();

    [Theory]
    [InlineData(Practitioner, "/#/reports/density", "Only analysts and commissioners can see network density reports.")]
    [InlineData(Analyst, "/#/reports/no-contact", "Only commissioners can see the families with no contact.")]
    [InlineData(Analyst, "/#/reports/caseloads?asOf=1990-01-15", "The date must be the last day of a month, such as 1990-01-31")]
    [InlineData(Analyst, "/#/search", "cannot search for clients")]
    [InlineData(Suspended, "/#/search", "no data-sharing agreement in force")]
    public async Task A_refusal_screen_says_why_in_plain_words(string email, string path, string said)
    {
        await using var app = await web.NewPageAsync();
        await app.SignInAsync(email);
        await app.Page.GotoAsync(path);
        await Expect(app.Page.Locator("#main")).ToContainTextAsync(said);
        await AssertNoFieldNamesAsync(app.Page);
    }

    // The API's own wording for a refused argument, substituted at the network layer: what the app makes of it is
    // under test (a known argument reads as the form's words; an unknown one never reaches the screen as code).
    [Theory]
    [InlineData("dateOfBirth must be in the past 125 years and not in the future.", "The date of birth must be in the past 125 years and not in the future.")]
    [InlineData("visitId names a visit with another client.", "Check what you entered and try again.")]
    public async Task An_input_the_API_refuses_is_explained_in_the_words_of_the_form(string apiMessage, string shown)
    {
        await using var app = await web.NewPageAsync();
        var page = app.Page;
        await app.SignInAsync(Practitioner);
        await page.RouteAsync("**/graphql", route => route.Request.PostData?.Contains("searchClients", StringComparison.Ordinal) == true
            ? route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "application/graphql-response+json",
                Body = JsonSerializer.Serialize(new { errors = new[] { new { message = apiMessage, extensions = new { code = "BAD_USER_INPUT" } } } }),
            })
            : route.ContinueAsync());
        await page.GetByLabel("Name").FillAsync("Okafor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(app.Alert.Locator("h2")).ToHaveTextAsync("Please check what you entered");
        await Expect(app.Alert).ToContainTextAsync(shown);
        await AssertNoFieldNamesAsync(page);
    }

    private static async Task AssertNoFieldNamesAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        Assert.False(CamelCase().IsMatch(text), $"The screen shows a name from the API's code: “{CamelCase().Match(text).Value}” in:\n{text}");
    }
}
