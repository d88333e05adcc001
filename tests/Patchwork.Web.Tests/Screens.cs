using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Patchwork.Web.Tests;

/// <summary>
/// Checks a screen as it stands: an axe-core accessibility scan (WCAG 2.1 A and AA rules) at phone and desktop
/// widths, failing on serious or critical violations, and screenshots at both widths in artifacts/screenshots/.
/// </summary>
internal static class Screens
{
    public const int PhoneWidth = 360;
    public const int DesktopWidth = 1280;
    public const int Height = 800;

    private const string AxeUrl = "/__tests__/axe.min.js";

    public static string Folder { get; } = Directory.CreateDirectory(Repository.File("artifacts", "screenshots")).FullName;

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Repository.File("tests", "Patchwork.Web.Tests", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is missing ({path}): run `npm ci` in tests/Patchwork.Web.Tests (./test does).");
    });

    /// <summary>Scans and photographs the screen at both widths, then returns to the phone width.</summary>
    public static async Task CheckAsync(AppPage app, string name)
    {
        var page = app.Page;
        foreach (var width in new[] { PhoneWidth, DesktopWidth })
        {
            await page.SetViewportSizeAsync(width, Height);
            await AssertAccessibleAsync(page, $"{name} at {width} px");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(Folder, $"{name}-{(width == PhoneWidth ? "phone" : "desktop")}.png"),
                FullPage = true,
            });
        }
        await AssertReflowsAsync(page);
        await page.SetViewportSizeAsync(PhoneWidth, Height);
        app.AssertNoProblems();
    }

    /// <summary>WCAG 1.4.10: at 320 CSS px wide nothing may need scrolling sideways.</summary>
    private static async Task AssertReflowsAsync(IPage page)
    {
        await page.SetViewportSizeAsync(320, Height);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"At 320 px the page is {overflow} px too wide ({page.Url}).");
    }

    private static async Task AssertAccessibleAsync(IPage page, string screen)
    {
        // Served as if from the app's own origin, so the page's Content-Security-Policy stays exactly as shipped.
        await page.RouteAsync("**" + AxeUrl, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Body = AxeSource.Value,
            ContentType = "text/javascript",
        }));
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = AxeUrl });
        }
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary),
              }));
            }
            """);
        var serious = violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .ToList();
        if (serious.Count > 0)
        {
            var report = new StringBuilder($"Accessibility violations on {screen}:\n");
            foreach (var v in serious)
            {
                report.Append(CultureInfoInvariant($"- [{v.GetProperty("impact").GetString()}] {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}\n"));
                foreach (var node in v.GetProperty("nodes").EnumerateArray())
                {
                    report.Append("    ").Append(node.GetString()).Append('\n');
                }
            }
            Assert.Fail(report.ToString());
        }
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
