using Microsoft.Extensions.DependencyInjection;
using Patchwork.Api.Identity;
using Patchwork.Network;
using Patchwork.Seeding;

namespace Patchwork.Api.Tests;

/// <summary>Facts about the demo network the test hosts are seeded with.</summary>
internal static class Demo
{
    public static DemoWalkThrough Tour => DemoNetwork.WalkThrough;

    public static IReadOnlyList<DemoAccount> Accounts(PatchworkApp app) =>
        app.Services.GetRequiredService<DemoAccountList>().All;

    public static string EmailFor(PatchworkApp app, string role) =>
        Accounts(app).First(a => a.Role == role).Email;

    /// <summary>The walk-through client's id, found as the tour's practitioner would: by searching.</summary>
    public static async Task<string> FindTourClientAsync(PatchworkApp app, string token)
    {
        var data = (await app.GraphQLAsync(token, "query($q: String!) { searchClients(query: $q) { id displayName } }",
            new { q = Tour.SearchText })).Ok();
        return data["searchClients"]!.AsArray().First(m => m!["displayName"]!.GetValue<string>() == Tour.ClientName)!["id"]!
            .GetValue<string>();
    }

    /// <summary>A practitioner account whose agency matches the predicate.</summary>
    public static async Task<DemoAccount> PractitionerWhereAsync(PatchworkApp app, Func<Agency, bool> predicate)
    {
        var agencies = (await app.Store.Directory.GetAgenciesAsync(default)).ToDictionary(a => a.Id);
        foreach (var account in Accounts(app).Where(a => a.PractitionerId is not null))
        {
            var practitioner = (await app.Store.Batches.GetPractitionersAsync([account.PractitionerId!], default))[account.PractitionerId!];
            if (practitioner.Status == PractitionerStatus.Active && predicate(agencies[practitioner.AgencyId]))
            {
                return account;
            }
        }
        throw new InvalidOperationException("The demo network has no such practitioner account.");
    }
}
