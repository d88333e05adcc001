using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Ports;

namespace Patchwork.Bench;

/// <summary>A family to ask for, with a practitioner in its team who may see it (by sign-in subject).</summary>
internal sealed record FamilyViewer(string FamilyId, string PractitionerId, string Subject);

/// <summary>What the benchmarks ask for, drawn at random from the county database.</summary>
internal sealed record Sample(
    IReadOnlyList<FamilyViewer> Families,
    IReadOnlyList<string> Clients,
    IReadOnlyList<string> Searches,
    IReadOnlyList<string> ActivePractitioners)
{
    public static async Task<Sample> DrawAsync(string database, Random random)
    {
        await using var connection = Open(database);
        // One practitioner from the team of each of 600 families, from an agency whose agreement is in force.
        var families = await QueryAsync(connection, """
            WITH chosen AS (SELECT id FROM family ORDER BY random() LIMIT 600)
            SELECT f.id, min(p.id), min(p.subject) FROM chosen f
            JOIN client m ON m.family_id = f.id
            JOIN involvement i ON i.client_id = m.id AND i.ended_on IS NULL
            JOIN practitioner p ON p.id = i.practitioner_id AND p.status = 'Active'
            JOIN agency a ON a.id = p.agency_id AND a.agreement_status = 'Active'
            GROUP BY f.id
            """, r => new FamilyViewer(r.GetString(0), r.GetString(1), r.GetString(2)));
        var clients = await QueryAsync(connection, "SELECT id, given_name, family_name FROM client ORDER BY random() LIMIT 3000",
            r => (Id: r.GetString(0), Given: r.GetString(1), Family: r.GetString(2)));
        var practitioners = await QueryAsync(connection, """
            SELECT p.id FROM practitioner p JOIN agency a ON a.id = p.agency_id
            WHERE p.status = 'Active' AND a.agreement_status = 'Active' ORDER BY random() LIMIT 3000
            """, r => r.GetString(0));

        // What practitioners type: a full name, a surname, or the start of both ("gra oka").
        var searches = clients.Select((c, i) => (i % 3) switch
        {
            0 => $"{c.Given} {c.Family}",
            1 => c.Family,
            _ => $"{c.Given[..Math.Min(3, c.Given.Length)]} {c.Family[..Math.Min(3, c.Family.Length)]}",
        }).ToList();
        return new Sample(Shuffled(families, random), [.. clients.Select(c => c.Id)], Shuffled(searches, random), practitioners);
    }

    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(string database)
    {
        await using var connection = Open(database);
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "agency", "practitioner", "family", "client", "involvement", "visit" })
        {
            var rows = await QueryAsync(connection, $"SELECT count(*) FROM {table}", r => r.GetInt64(0));
            counts[table] = rows[0];
        }
        return counts;
    }

    public static async Task<string> SqliteVersionAsync(string database)
    {
        await using var connection = Open(database);
        return (await QueryAsync(connection, "SELECT sqlite_version()", r => r.GetString(0)))[0];
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant sampling SQL written above
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static List<T> Shuffled<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }
}

/// <summary>One operation's latencies: the median and the 99th percentile, in milliseconds.</summary>
internal sealed record Measurement(string Name, double P50, double P99, int Count)
{
    public static Measurement Of(string name, List<double> milliseconds)
    {
        milliseconds.Sort();
        return new Measurement(name, Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.99), milliseconds.Count);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>The store's operations timed one call at a time, in this process, through the port, on the county's data.</summary>
internal static class StoreBenchmarks
{
    public const string FamilyTeam = "family team";
    public const string ClientTeam = "client team";
    public const string Search = "client search (top 20)";
    public const string Upcoming = "upcoming visits (client)";
    public const string Join = "join team (write)";
    public const string Contact = "record contact (write)";

    private const int Reads = 4_000;
    private const int Writes = 400;
    private const int WarmUp = 300;

    /// <summary>Every operation on the store, reads then writes; the writes stay in the store.</summary>
    public static async Task<IReadOnlyList<Measurement>> RunAsync<TStore>(TStore store, Sample sample, BenchOptions options)
        where TStore : IBatchReads, IPractitionerQueries, IWriteStore
    {
        var ct = CancellationToken.None;
        var results = new List<Measurement>
        {
            await TimeAsync(FamilyTeam, Reads, i => store.GetFamilyTeamsAsync([sample.Families[i % sample.Families.Count].FamilyId], ct)),
            await TimeAsync(ClientTeam, Reads, i => store.GetClientTeamsAsync([sample.Clients[i % sample.Clients.Count]], ct)),
            await TimeAsync(Search, Reads, i => store.SearchClientsAsync(
                new ClientSearch(sample.Searches[i % sample.Searches.Count], null, 20,
                    sample.ActivePractitioners[i % sample.ActivePractitioners.Count]), ct)),
            await TimeAsync(Upcoming, Reads, i => store.GetUpcomingVisitsAsync([sample.Clients[i % sample.Clients.Count]], 20, ct)),
        };

        // Writes: practitioners join the team of clients they were not working with, then record a contact.
        var changes = new NetworkChanges(store, TimeProvider.System);
        var random = new Random(options.Seed);
        var joined = new List<(Actor Actor, string ClientId)>();
        var joins = new List<double>();
        var contacts = new List<double>();
        for (var i = 0; joins.Count < Writes + WarmUp && i < (Writes + WarmUp) * 3; i++)
        {
            var practitioner = sample.ActivePractitioners[random.Next(sample.ActivePractitioners.Count)];
            var client = sample.Clients[random.Next(sample.Clients.Count)];
            var actor = new Actor("bench", practitioner, $"bench-{i}");
            var clock = Stopwatch.StartNew();
            try
            {
                await changes.JoinTeamAsync(client, "Allocated after a referral (benchmark)", false, actor, ct);
            }
            catch (PatchworkException)
            {
                continue; // already in that team
            }
            joins.Add(clock.Elapsed.TotalMilliseconds);
            joined.Add((actor, client));
        }
        foreach (var (actor, client) in joined)
        {
            var clock = Stopwatch.StartNew();
            await changes.RecordContactAsync(new NewContact(client, DateTimeOffset.UtcNow.AddMinutes(-5), VisitMode.Phone, null), actor, ct);
            contacts.Add(clock.Elapsed.TotalMilliseconds);
        }
        results.Add(Measurement.Of(Join, [.. joins.Skip(WarmUp)]));
        results.Add(Measurement.Of(Contact, [.. contacts.Skip(WarmUp)]));
        return results;
    }

    private static async Task<Measurement> TimeAsync<T>(string name, int count, Func<int, Task<T>> call)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            await call(count + i);
        }
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            await call(i);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Measurement.Of(name, times);
    }
}
