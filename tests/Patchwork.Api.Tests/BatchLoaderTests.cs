using Patchwork.Api.GraphQL.Loaders;

namespace Patchwork.Api.Tests;

/// <summary>A primed key is answered without a fetch, and priming never changes what a field has already seen.</summary>
public sealed class BatchLoaderTests
{
    private readonly List<string[]> _fetches = [];

    private BatchLoader<string, string?> Loader() => new((keys, _) =>
    {
        _fetches.Add([.. keys.Order(StringComparer.Ordinal)]);
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(keys.ToDictionary(k => k, k => (string?)$"fetched {k}"));
    }, null);

    [Fact]
    public async Task A_primed_key_is_not_fetched_and_the_others_of_its_batch_are()
    {
        var loader = Loader();
        var primed = loader.Load("a");
        var other = loader.Load("b");

        loader.Prime("a", "primed a");

        Assert.Equal("primed a", await primed.GetResultAsync());
        Assert.Equal("fetched b", await other.GetResultAsync());
        Assert.Equal([["b"]], _fetches);
    }

    [Fact]
    public async Task Priming_a_loaded_key_keeps_the_loaded_value()
    {
        var loader = Loader();
        Assert.Equal("fetched a", await loader.Load("a").GetResultAsync());

        loader.Prime("a", "primed a");

        Assert.Equal("fetched a", await loader.Load("a").GetResultAsync());
        Assert.Single(_fetches);
    }
}
