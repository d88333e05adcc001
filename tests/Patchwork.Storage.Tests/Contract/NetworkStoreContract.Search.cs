using Patchwork.Network;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

// Client-name search.
public abstract partial class NetworkStoreContract<TStore>
{
    [ContractFact]
    public async Task Search_matches_a_prefix_of_either_name()
    {
        var store = await NetworkAsync();

        var bySurname = await store.SearchClientsAsync(new ClientSearch("smi", null, 20, Oscar), Ct);
        var byGivenName = await store.SearchClientsAsync(new ClientSearch("Dan", null, 20, Oscar), Ct);

        Assert.Equal([Alice, Ben, Zoe], bySurname.Select(m => m.ClientId));
        Assert.Equal([Daniel], byGivenName.Select(m => m.ClientId));
    }

    [ContractFact]
    public async Task Search_with_two_words_needs_both()
    {
        var store = await NetworkAsync();

        var matches = await store.SearchClientsAsync(new ClientSearch("alice smith", null, 20, Oscar), Ct);

        Assert.Equal([Alice], matches.Select(m => m.ClientId));
    }

    [ContractTheory]
    [InlineData("zoe")]
    [InlineData("ZOË")]
    [InlineData("zoë smi")]
    [InlineData("Zoe\u0308")]
    public async Task Search_ignores_accents(string query)
    {
        var store = await NetworkAsync();

        var matches = await store.SearchClientsAsync(new ClientSearch(query, null, 20, Oscar), Ct);

        Assert.Equal(Zoe, Assert.Single(matches).ClientId);
    }

    [ContractTheory]
    [InlineData("o'brien")]
    [InlineData("O’Bri")]
    [InlineData("liam o'b")]
    public async Task Search_finds_names_with_apostrophes(string query)
    {
        var store = await NetworkAsync();

        var matches = await store.SearchClientsAsync(new ClientSearch(query, null, 20, Oscar), Ct);

        Assert.Equal(Liam, Assert.Single(matches).ClientId);
    }

    [ContractFact]
    public async Task A_match_shows_only_minimal_identifying_details()
    {
        var store = await NetworkAsync();

        var match = Assert.Single(await store.SearchClientsAsync(new ClientSearch("alice", null, 20, Oscar), Ct));

        Assert.Equal(new ClientMatch(Alice, "Alice Smith", new DateOnly(1985, 4, 12), "NR2", InMyTeam: false), match);
    }

    [ContractFact]
    public async Task Search_can_be_narrowed_by_date_of_birth()
    {
        var store = await NetworkAsync();

        var matches = await store.SearchClientsAsync(new ClientSearch("smith", new DateOnly(2015, 6, 20), 20, Oscar), Ct);
        var none = await store.SearchClientsAsync(new ClientSearch("smith", new DateOnly(2015, 6, 21), 20, Oscar), Ct);

        Assert.Equal([Ben], matches.Select(m => m.ClientId));
        Assert.Empty(none);
    }

    [ContractFact]
    public async Task A_shielded_client_is_hidden_from_everyone_outside_their_team()
    {
        var store = await NetworkAsync();

        var outsider = await store.SearchClientsAsync(new ClientSearch("jones", null, 20, Oscar), Ct);
        var smithsWorker = await store.SearchClientsAsync(new ClientSearch("dana", null, 20, Sam), Ct);

        Assert.Equal([Daniel], outsider.Select(m => m.ClientId));
        Assert.Empty(smithsWorker);
    }

    [ContractTheory]
    [InlineData("jones", 1)]
    [InlineData("jones", 20)]
    [InlineData("da", 1)]
    [InlineData("da", 20)]
    public async Task A_shielded_client_s_hidden_match_leaves_no_trace_in_the_results(string query, int first)
    {
        // One store at a time: a server store (Neo4j) holds one network, so the store without Dana is searched first.
        var neverHeldDana = await CreateStoreAsync();
        await neverHeldDana.ImportAsync(Snapshot with
        {
            Clients = [.. Snapshot.Clients.Where(c => c.Id != Dana)],
            Involvements = [.. Snapshot.Involvements.Where(i => i.ClientId != Dana)],
            Visits = [.. Snapshot.Visits.Where(v => v.ClientId != Dana)],
        }, Ct);
        var withoutDana = await neverHeldDana.SearchClientsAsync(new ClientSearch(query, null, first, Oscar), Ct);
        var store = await NetworkAsync();

        var matches = await store.SearchClientsAsync(new ClientSearch(query, null, first, Oscar), Ct);

        // The same matches, in the same order, with the same fields, as if Dana were not there at all: the hidden
        // match takes no place within first, and nothing counts or hints at it.
        Assert.Equal(withoutDana, matches);
        Assert.Equal(Daniel, matches[0].ClientId);
    }

    [ContractFact]
    public async Task A_shielded_client_is_found_by_their_own_team_and_marked_in_my_team()
    {
        var store = await NetworkAsync();

        var matches = await store.SearchClientsAsync(new ClientSearch("jones", null, 20, Yara), Ct);

        Assert.Equal([(Dana, true), (Daniel, false)], matches.Select(m => (m.ClientId, m.InMyTeam)).OrderBy(m => m.ClientId));
    }

    [ContractFact]
    public async Task A_shielded_client_is_hidden_again_once_the_searcher_has_left_the_team()
    {
        var store = await NetworkAsync();
        await Changes(store).LeaveTeamAsync(Dana, "Moved to another service", ActorFor(Yara), Ct);

        var matches = await store.SearchClientsAsync(new ClientSearch("dana", null, 20, Yara), Ct);

        Assert.Empty(matches);
    }

    [ContractFact]
    public async Task In_my_team_means_a_current_involvement_of_the_searcher()
    {
        var store = await NetworkAsync();

        var sam = await store.SearchClientsAsync(new ClientSearch("smith", null, 20, Sam), Ct);
        var fred = await store.SearchClientsAsync(new ClientSearch("eve", null, 20, Fred), Ct);

        Assert.Equal([(Alice, true), (Ben, false), (Zoe, true)], sam.Select(m => (m.ClientId, m.InMyTeam)));
        Assert.False(Assert.Single(fred).InMyTeam);
    }

    [ContractTheory]
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(1_000_000, 3)]
    public async Task Search_returns_at_most_first_clamped_to_between_1_and_100(int first, int expected)
    {
        var store = await NetworkAsync();

        var matches = await store.SearchClientsAsync(new ClientSearch("smith", null, first, Oscar), Ct);

        Assert.Equal(expected, matches.Count);
    }

    [ContractFact]
    public async Task Search_never_returns_more_than_100()
    {
        var store = await CreateStoreAsync();
        var network = new NetworkBuilder().Agency(Council, "Council", AgencyKind.CountyCouncil);
        for (var i = 0; i < 120; i++)
        {
            network.Client($"cl-{i}", "Pat", "Many", new DateOnly(1980, 1, 1).AddDays(i), "NR1 1AA");
        }
        await store.ImportAsync(network.Build(), Ct);

        var matches = await store.SearchClientsAsync(new ClientSearch("many", null, 500, Oscar), Ct);

        Assert.Equal(100, matches.Count);
    }

    [ContractFact]
    public async Task Clients_loaded_by_a_later_import_are_found_alongside_the_earlier_ones()
    {
        var store = await NetworkAsync();
        var later = new NetworkBuilder().Client("cl-nora", "Nora", "Smithers", new DateOnly(2001, 5, 5), "NR5 8AB").Build();

        await store.ImportAsync(later, Ct);

        var matches = await store.SearchClientsAsync(new ClientSearch("smith", null, 20, Oscar), Ct);
        Assert.Equal([Alice, Ben, "cl-nora", Zoe], matches.Select(m => m.ClientId).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task Search_with_no_words_returns_nothing()
    {
        var store = await NetworkAsync();

        Assert.Empty(await store.SearchClientsAsync(new ClientSearch("", null, 20, Oscar), Ct));
        Assert.Empty(await store.SearchClientsAsync(new ClientSearch("  -- ' * ", null, 20, Oscar), Ct));
    }

    [ContractTheory]
    [MemberData(nameof(SearchInputs.HostileQueries), MemberType = typeof(SearchInputs))]
    public async Task Search_never_fails_whatever_is_typed(string query)
    {
        var store = await NetworkAsync();

        var matches = await store.SearchClientsAsync(new ClientSearch(query, null, 20, Oscar), Ct);

        // Operators are plain words or separators: nothing matches that no name contains.
        Assert.All(matches, m => Assert.Contains(m.ClientId, new[] { Alice, Ben, Zoe }));
    }

    [ContractFact]
    public async Task Search_operators_are_treated_as_words_not_as_syntax()
    {
        var store = await NetworkAsync();

        var or = await store.SearchClientsAsync(new ClientSearch("smith OR jones", null, 20, Oscar), Ct);
        var quoted = await store.SearchClientsAsync(new ClientSearch("\"ben\" (smith)*", null, 20, Oscar), Ct);

        Assert.Empty(or);
        Assert.Equal([Ben], quoted.Select(m => m.ClientId));
    }
}
