using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Patchwork.Web.Tests;

/// <summary>What a phone downloads to show the first screen, with an empty cache, as the server sends it.</summary>
[Collection(WebAppCollection.Name)]
public sealed class FirstLoadTests(WebAppFixture web, ITestOutputHelper output)
{
    private const int Budget = 200 * 1024;

    [Fact]
    public async Task The_first_load_transfers_well_under_200_KB()
    {
        await using var app = await web.NewPageAsync();
        var responses = new List<IResponse>();
        app.Page.Response += (_, response) => responses.Add(response);
        await app.Page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(app.Page.GetByRole(AriaRole.Button, new() { Name = DemoName })).ToBeVisibleAsync();

        long total = 0;
        var lines = new List<string>();
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            var bytes = sizes.ResponseHeadersSize + sizes.ResponseBodySize;
            total += bytes;
            var encoding = (await response.AllHeadersAsync()).GetValueOrDefault("content-encoding", "none");
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{bytes,7:N0} B  {encoding,-5} {response.Status} {new Uri(response.Url).AbsolutePath}"));
        }
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"First load: {responses.Count} responses, {total:N0} bytes ({total / 1024.0:F1} KB) transferred, headers included.\n{string.Join('\n', lines)}");
        output.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(Screens.Folder, "..", "first-load.txt"), summary + "\n");

        Assert.True(total < Budget, summary);
        Assert.All(responses.Where(r => r.Url.Contains("/assets/", StringComparison.Ordinal) && !r.Url.EndsWith(".svg", StringComparison.Ordinal)),
            r => Assert.Contains(r.Headers.GetValueOrDefault("content-encoding"), new[] { "br", "gzip" }));
    }

    private const string DemoName = "Hannah Reid";
}
