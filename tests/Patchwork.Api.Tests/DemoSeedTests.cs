using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Patchwork.Api.Tests;

/// <summary>The demo district seeded at start-up says how far it has got, so a first run is not silent.</summary>
public sealed class DemoSeedTests
{
    [Fact]
    public async Task Seeding_the_demo_district_logs_its_progress_in_a_few_lines()
    {
        var logged = new LoggedEvents();
        using var app = new PatchworkApp { ReplaceServices = services => services.AddSingleton<ILogEventSink>(logged) };

        await app.TokenForAsync(Demo.Tour.PractitionerEmail);

        var progress = logged.Messages.Where(m => m.StartsWith("Seeding the demo district: ", StringComparison.Ordinal)).ToList();
        Assert.InRange(progress.Count, 2, 6);
        Assert.Equal("Seeding the demo district: 200 of 200 families", progress[^1]);
        Assert.Contains(logged.Messages, m => m.StartsWith("Seeded the demo network: 200 families", StringComparison.Ordinal));
    }
}
