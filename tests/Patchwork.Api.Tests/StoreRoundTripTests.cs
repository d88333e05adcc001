using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Patchwork.Changes;
using Patchwork.Ports;
using Patchwork.Storage.Sqlite;

namespace Patchwork.Api.Tests;

/// <summary>
/// How many times one request goes to the store. The host's real SQLite store sits under a decorator that
/// only notes each call's name and passes it on, so the answers are the real ones.
/// </summary>
public sealed class StoreRoundTripTests : IDisposable
{
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly PatchworkApp _app;

    public StoreRoundTripTests()
    {
        _app = new PatchworkApp
        {
            ReplaceServices = services => services.AddSingleton(sp =>
                CountingPorts.Over(sp.GetRequiredKeyedService<StorePorts>(SqliteStoreServices.Provider), _calls)),
        };
    }

    [Fact]
    public async Task Opening_a_family_team_reads_the_account_the_family_in_reach_and_the_team_once_each()
    {
        var (token, _, familyId) = await TourPractitionerInTeamAsync();

        _calls.Clear();
        var data = (await _app.GraphQLAsync(token, "query($id: ID!) { family(id: $id) { name team { supports { id } } } }",
            new { id = familyId })).Ok();

        Assert.Equal(Demo.Tour.FamilyName, data["family"]!["name"]!.GetValue<string>());
        Assert.NotEmpty(data["family"]!["team"]!.AsArray());
        Assert.Equal(
            [nameof(IDirectoryReads.FindAccountAsync), nameof(IReach.GetFamiliesInReachAsync),
             nameof(IBatchReads.GetFamilyTeamsAsync), nameof(IAuditTrail.AppendAuditAsync)],
            _calls);
    }

    [Fact]
    public async Task Opening_a_client_team_reads_the_client_with_its_reach_check()
    {
        var (token, clientId, _) = await TourPractitionerInTeamAsync();

        _calls.Clear();
        var data = (await _app.GraphQLAsync(token, "query($id: ID!) { client(id: $id) { id displayName team { since } } }",
            new { id = clientId })).Ok();

        Assert.Equal(Demo.Tour.ClientName, data["client"]!["displayName"]!.GetValue<string>());
        // The household's team too: what a member's team may show is decided over the whole family (Disclosure).
        Assert.Equal(
            [nameof(IDirectoryReads.FindAccountAsync), nameof(IReach.GetClientsInReachAsync),
             nameof(IBatchReads.GetFamilyTeamsAsync), nameof(IBatchReads.GetClientTeamsAsync), nameof(IAuditTrail.AppendAuditAsync)],
            _calls);
    }

    [Fact]
    public async Task A_family_out_of_reach_is_still_forbidden_and_an_unknown_one_not_found()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var clientId = await Demo.FindTourClientAsync(_app, token);
        var familyId = (await _app.Store.Batches.GetClientsAsync([clientId], default))[clientId].FamilyId!;

        _calls.Clear();
        var family = await _app.GraphQLAsync(token, "query($id: ID!) { family(id: $id) { name } }", new { id = familyId });

        family.FailsWith("FORBIDDEN");
        Assert.Null(family.Data?["family"]);
        // Only a refusal asks whether the family exists at all.
        Assert.Equal(
            [nameof(IDirectoryReads.FindAccountAsync), nameof(IReach.GetFamiliesInReachAsync),
             nameof(IBatchReads.GetFamiliesAsync), nameof(IAuditTrail.AppendAuditAsync)],
            _calls);
        (await _app.GraphQLAsync(token, "{ family(id: \"0123456789abcdef\") { name } }")).FailsWith("NOT_FOUND");
        (await _app.GraphQLAsync(token, "{ client(id: \"0123456789abcdef\") { id } }")).FailsWith("NOT_FOUND");
    }

    /// <summary>The tour's practitioner joins the tour client's team; returns their token, the client and its family.</summary>
    private async Task<(string Token, string ClientId, string FamilyId)> TourPractitionerInTeamAsync()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        var clientId = await Demo.FindTourClientAsync(_app, token);
        (await _app.GraphQLAsync(token, "mutation($id: ID!) { joinTeam(clientId: $id, reason: \"Allocated\") { id } }",
            new { id = clientId })).Ok();
        var familyId = (await _app.Store.Batches.GetClientsAsync([clientId], default))[clientId].FamilyId!;
        return (token, clientId, familyId);
    }

    public void Dispose() => _app.Dispose();
}

/// <summary>The store's ports, each under a decorator that notes the name of every call and passes it to the real port.</summary>
public static class CountingPorts
{
    /// <summary>One port that notes the name of every call and passes it to the real one.</summary>
    private static TPort Over<TPort>(TPort inner, ConcurrentQueue<string> calls)
        where TPort : class
    {
        var port = DispatchProxy.Create<TPort, CountingPort<TPort>>();
        ((CountingPort<TPort>)(object)port).Pass(inner, calls);
        return port;
    }

    public static StorePorts Over(StorePorts inner, ConcurrentQueue<string> calls) => new(
        Over<IDirectoryReads>(inner.Directory, calls),
        Over<IBatchReads>(inner.Batches, calls),
        Over<IPractitionerQueries>(inner.Queries, calls),
        Over<IReach>(inner.Reach, calls),
        Over<IAuditTrail>(inner.Audit, calls),
        Over<IWriteStore>(inner.Writes, calls),
        Over<INetworkReports>(inner.Reports, calls),
        inner.Export,
        inner.Import,
        inner.MergingImport,
        Over<IStoreLifecycle>(inner.Lifecycle, calls));
}

/// <summary>The proxy behind each counted port.</summary>
public class CountingPort<TPort> : DispatchProxy
    where TPort : class
{
    private TPort _inner = null!;
    private ConcurrentQueue<string> _calls = null!;

    internal void Pass(TPort inner, ConcurrentQueue<string> calls) => (_inner, _calls) = (inner, calls);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _calls.Enqueue(targetMethod.Name);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
