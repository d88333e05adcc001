using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Patchwork.Network;
using Xunit.Abstractions;

namespace Patchwork.Resilience.Tests;

/// <summary>
/// Nothing acknowledged is lost: practitioners write (and view their clients) concurrently through the API, the
/// server is killed hard mid-stream, and after a restart on the same file every write the server acknowledged is
/// there with its audit entry, every view it answered has its audit entry, and the database passes SQLite's
/// integrity check.
/// </summary>
/// <remarks>
/// What a kill can and cannot show. SIGKILL ends the process but not the operating system: whatever the process
/// had handed to the kernel survives in the page cache even if it never reached the disk. So this test catches an
/// API or store that answers before its transaction is committed to the database file (an acknowledgement ahead of
/// the commit, a write-behind queue, an audit entry appended after the answer, a commit lost with the process), and
/// a file left corrupt by an interrupted write. It cannot tell <c>PRAGMA synchronous = FULL</c> from <c>OFF</c>:
/// both survive a process kill, and only losing power (or a virtual machine or a fault-injecting block device) tests
/// the fsync on commit. That setting is the store's to keep, and is stated where the store opens its connections.
/// </remarks>
public sealed class DurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int WriterCount = 8;
    private const int MinimumAcknowledged = 20;

    private const string RegisterClient = """
        mutation($g: String!, $f: String!, $dob: DateOnly!, $a: String!, $p: String!, $nhs: String, $r: String!) {
          registerClient(input: { givenName: $g, familyName: $f, dateOfBirth: $dob, address: $a, postcode: $p,
                                  nhsNumber: $nhs, reason: $r }) { id }
        }
        """;

    private const string JoinTeam = "mutation($c: ID!, $r: String!) { joinTeam(clientId: $c, reason: $r) { id } }";

    private const string ScheduleVisit = """
        mutation($c: ID!, $at: DateTimeOffset!, $m: VisitMode!) {
          scheduleVisit(input: { clientId: $c, scheduledFor: $at, mode: $m }) { id }
        }
        """;

    private const string ViewClient = "query($c: ID!) { client(id: $c) { id team { since } } }";

    private static readonly string[] Postcodes = ["EM1 1AA", "EM2 3BD", "EM4 7XY", "EM12 9QT", "EM3 5LN"];
    private static readonly string[] Modes = ["HOME_VISIT", "OFFICE", "PHONE", "VIDEO"];

    private readonly ApiServer _server = new();

    [Fact]
    public async Task Every_acknowledged_write_survives_a_hard_kill_with_its_audit_entry()
    {
        var seed = Environment.GetEnvironmentVariable("PATCHWORK_KILL_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var random = new Random(seed);
        var killAfter = TimeSpan.FromMilliseconds(random.Next(1_000, 3_001));
        output.WriteLine($"Seed {seed} (set PATCHWORK_KILL_SEED to repeat the kill timing): kill after {killAfter.TotalMilliseconds} ms of writing.");

        await _server.StartAsync();
        IReadOnlyList<Writer> writers;
        using (var http = _server.CreateClient())
        {
            writers = await SignInWritersAsync(http);
        }
        output.WriteLine($"{writers.Count} writers as {writers.Select(w => w.Email).Distinct().Count()} practitioners.");

        var ledger = new Ledger();
        var acknowledgedBeforeKill = 0;
        var clock = Stopwatch.StartNew();
        using (var http = _server.CreateClient())
        {
            var writing = writers.Select(w => Task.Run(() => WriteUntilKilledAsync(http, w, seed, ledger))).ToArray();
            await Task.Delay(killAfter);
            var inFlight = ledger.InFlight;
            acknowledgedBeforeKill = ledger.Acknowledged.Count;
            ledger.Killed = true;
            _server.Kill();
            output.WriteLine($"Killed (SIGKILL) at {clock.ElapsedMilliseconds} ms with {inFlight} requests in flight; " +
                $"{acknowledgedBeforeKill} acknowledged until then.");
            await Task.WhenAll(writing);
        }
        var walBytes = File.Exists(_server.DatabasePath + "-wal") ? new FileInfo(_server.DatabasePath + "-wal").Length : 0;
        output.WriteLine($"Of those in flight, {ledger.Acknowledged.Count - acknowledgedBeforeKill} had been answered before the process " +
            $"stopped (so they count as acknowledged) and {ledger.Unanswered} were never answered (those may or may not be in the file).");
        output.WriteLine($"Requests sent {ledger.Sent}; acknowledged {ledger.Acknowledged.Count} ({Describe(ledger.Acknowledged)}); " +
            $"write-ahead log left {walBytes / 1024} KiB.");

        Assert.Empty(ledger.FailuresBeforeKill);
        Assert.True(ledger.Acknowledged.Count >= MinimumAcknowledged,
            $"Only {ledger.Acknowledged.Count} writes were acknowledged before the kill; the test needs at least {MinimumAcknowledged}.");

        var restart = Stopwatch.StartNew();
        await _server.StartAsync();
        output.WriteLine($"Restarted on the same file and ready in {restart.ElapsedMilliseconds} ms.");

        await AssertFileIsIntactAndHoldsEveryWriteAsync(ledger.Acknowledged);
        await AssertTheApiShowsEveryWriteAsync(writers, ledger.Acknowledged);
    }

    /// <summary>Two writers per active practitioner account, each with a real token.</summary>
    private static async Task<IReadOnlyList<Writer>> SignInWritersAsync(HttpClient http)
    {
        var practitioners = new List<(DemoUser User, string Token)>();
        foreach (var user in (await ApiServer.DemoUsersAsync(http)).Where(u => u.PractitionerId is not null))
        {
            var token = await ApiServer.TokenForAsync(http, user.Email);
            var standing = (await GraphQLCall.SendAsync(http, token, "{ me { standing } }")).Ok()["me"]!["standing"]!.GetValue<string>();
            if (standing == "ACTIVE")
            {
                practitioners.Add((user, token));
            }
        }
        Assert.True(practitioners.Count >= 2, "The demo network needs at least two active practitioner accounts.");
        return [.. Enumerable.Range(0, WriterCount).Select(i =>
        {
            var (user, token) = practitioners[i % practitioners.Count];
            return new Writer(i, user.Email, user.PractitionerId!, token);
        })];
    }

    /// <summary>
    /// Registers clients, books visits with them and joins the teams of clients other practitioners registered,
    /// until the server dies under it. Only answers with status 200, no errors and an id count as acknowledged.
    /// </summary>
    private static async Task WriteUntilKilledAsync(HttpClient http, Writer writer, int seed, Ledger ledger)
    {
        var random = new Random(unchecked((seed * 31) + writer.Index));
        var own = new List<string>();
        for (var n = 0; !ledger.Killed; n++)
        {
            var roll = random.NextDouble();
            var joinable = roll < 0.25 ? ledger.ReserveJoin(writer.PractitionerId, random) : null;
            var write = joinable is not null
                ? new PlannedWrite(WriteKind.JoinTeam, joinable, JoinTeam, new { c = joinable, r = $"Joined after a referral (writer {writer.Index})" })
                : own.Count > 0 && roll < 0.6
                    ? VisitFor(own[random.Next(own.Count)], random)
                    : own.Count > 0 && roll < 0.75
                        ? View(own[random.Next(own.Count)])
                        : Registration(writer, n, random);
            ledger.Sending();
            GraphQLAnswer answer;
            try
            {
                answer = await GraphQLCall.SendAsync(http, writer.Token, write.Query, write.Variables);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                ledger.Unanswer(writer, write.Kind, e);
                return;
            }
            finally
            {
                ledger.Answered();
            }
            if (!answer.Succeeded)
            {
                ledger.Refused(writer, write.Kind, answer);
                continue;
            }
            var id = answer.Data!.AsObject().Single().Value!["id"]!.GetValue<string>();
            ledger.Acknowledge(new Acknowledged(write.Kind, writer.PractitionerId, writer.Email,
                write.Kind == WriteKind.RegisterClient ? id : write.ClientId!, write.Kind == WriteKind.ScheduleVisit ? id : null,
                write.FamilyName));
            if (write.Kind == WriteKind.RegisterClient)
            {
                own.Add(id);
            }
        }
    }

    private static PlannedWrite Registration(Writer writer, int n, Random random)
    {
        var familyName = "Dur" + Letters((writer.Index * 100_000) + n);
        return new PlannedWrite(WriteKind.RegisterClient, null, RegisterClient, new
        {
            g = random.Next(2) == 0 ? "Kit" : "Robin",
            f = familyName,
            dob = new DateOnly(2005 + random.Next(15), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            a = $"{1 + random.Next(200)} Mill Lane",
            p = Postcodes[random.Next(Postcodes.Length)],
            nhs = (string?)null,
            r = $"Registered after a school referral (writer {writer.Index})",
        }, familyName);
    }

    private static PlannedWrite View(string clientId) => new(WriteKind.ViewClient, clientId, ViewClient, new { c = clientId });

    private static PlannedWrite VisitFor(string clientId, Random random)
    {
        var at = DateTimeOffset.UtcNow.AddDays(1 + random.Next(20)).AddMinutes(random.Next(600));
        return new PlannedWrite(WriteKind.ScheduleVisit, clientId, ScheduleVisit, new
        {
            c = clientId,
            at = at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            m = Modes[random.Next(Modes.Length)],
        });
    }

    /// <summary>Reads the file beside the running API: integrity, every acknowledged row, an audit entry for each.</summary>
    private async Task AssertFileIsIntactAndHoldsEveryWriteAsync(IReadOnlyList<Acknowledged> acknowledged)
    {
        await using var db = _server.OpenDatabase();
        await db.OpenAsync();
        var integrity = await ReadAsync(db, "PRAGMA integrity_check", r => r.GetString(0));
        output.WriteLine($"PRAGMA integrity_check: {string.Join("; ", integrity)}");
        Assert.Equal(["ok"], integrity);

        var clients = (await ReadAsync(db, "SELECT id FROM client", r => r.GetString(0))).ToHashSet();
        var currentTeams = (await ReadAsync(db, "SELECT practitioner_id || '|' || client_id FROM involvement WHERE ended_on IS NULL",
            r => r.GetString(0))).ToHashSet();
        var visits = (await ReadAsync(db, "SELECT id, client_id, practitioner_id, status FROM visit",
            r => (Id: r.GetString(0), Client: r.GetString(1), Practitioner: r.GetString(2), Status: r.GetString(3))))
            .ToDictionary(v => v.Id);
        var audit = (await ReadAsync(db, """
                SELECT action, client_id, practitioner_id, request_id FROM audit
                WHERE action IN ('RegisterClient', 'JoinTeam', 'ScheduleVisit', 'ViewClient')
                """,
                r => (Action: r.GetString(0), Client: r.IsDBNull(1) ? null : r.GetString(1),
                    Practitioner: r.IsDBNull(2) ? null : r.GetString(2), RequestId: r.GetString(3))))
            .ToList();
        Assert.All(audit, a => Assert.False(string.IsNullOrWhiteSpace(a.RequestId), "An audit entry has no request id."));
        var auditCounts = audit.GroupBy(a => (a.Action, a.Client, a.Practitioner)).ToDictionary(g => g.Key, g => g.Count());

        var missing = new List<string>();
        foreach (var write in acknowledged)
        {
            switch (write.Kind)
            {
                case WriteKind.RegisterClient when !clients.Contains(write.ClientId):
                    missing.Add($"registered client {write.ClientId} ({write.Email})");
                    break;
                case WriteKind.RegisterClient or WriteKind.JoinTeam when !currentTeams.Contains(write.PractitionerId + "|" + write.ClientId):
                    missing.Add($"{write.Kind}: {write.Email} in the team of {write.ClientId}");
                    break;
                case WriteKind.ScheduleVisit when !visits.TryGetValue(write.VisitId!, out var visit)
                    || visit.Client != write.ClientId || visit.Practitioner != write.PractitionerId || visit.Status != "Planned":
                    missing.Add($"planned visit {write.VisitId} by {write.Email} with {write.ClientId}");
                    break;
                default:
                    break;
            }
        }
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged writes are missing after the restart:\n{string.Join('\n', missing.Take(20))}");

        var unaudited = acknowledged
            .GroupBy(w => (Action: w.Kind.ToString(), Client: (string?)w.ClientId, Practitioner: (string?)w.PractitionerId))
            .Where(g => auditCounts.GetValueOrDefault(g.Key) < g.Count())
            .Select(g => $"{g.Key.Action} by {g.Key.Practitioner} for {g.Key.Client}: {g.Count()} acknowledged, " +
                $"{auditCounts.GetValueOrDefault(g.Key)} audited")
            .ToList();
        Assert.True(unaudited.Count == 0, $"Acknowledged writes without their audit entry:\n{string.Join('\n', unaudited.Take(20))}");
        output.WriteLine($"In the file: all {acknowledged.Count} acknowledged writes, each with its audit entry " +
            $"({audit.Count} entries of these kinds in the trail).");
    }

    /// <summary>
    /// As each writer: every client they registered or joined is open to them (a client's record is shown only to its
    /// team), and registered clients are found by name search.
    /// </summary>
    private async Task AssertTheApiShowsEveryWriteAsync(IReadOnlyList<Writer> writers, IReadOnlyList<Acknowledged> acknowledged)
    {
        using var http = _server.CreateClient();
        var checkedClients = 0;
        foreach (var practitioner in writers.DistinctBy(w => w.PractitionerId))
        {
            var expected = acknowledged
                .Where(w => w.PractitionerId == practitioner.PractitionerId && w.Kind is WriteKind.RegisterClient or WriteKind.JoinTeam)
                .Select(w => w.ClientId)
                .Distinct()
                .ToList();
            foreach (var batch in expected.Chunk(25))
            {
                // One request per batch: an aliased client(id) per client.
                var fields = string.Concat(batch.Select((_, i) => $" c{i}: client(id: $c{i}) {{ id }}"));
                var declarations = string.Join(", ", batch.Select((_, i) => $"$c{i}: ID!"));
                var variables = batch.Select((id, i) => KeyValuePair.Create($"c{i}", (object?)id)).ToDictionary();
                var answer = await GraphQLCall.SendAsync(http, practitioner.Token, $"query({declarations}) {{{fields} }}", variables);
                Assert.True(answer.Succeeded, $"{practitioner.Email} cannot open their clients after the restart: {answer.Body.ToJsonString()}");
                checkedClients += batch.Length;
            }
        }
        var registered = acknowledged.Where(w => w.Kind == WriteKind.RegisterClient).ToList();
        foreach (var write in registered.Where((_, i) => i % Math.Max(1, registered.Count / 5) == 0).Take(5))
        {
            var token = writers.First(w => w.PractitionerId == write.PractitionerId).Token;
            var matches = (await GraphQLCall.SendAsync(http, token, "query($q: String!) { searchClients(query: $q, first: 50) { id inMyTeam } }",
                new { q = write.FamilyName })).Ok()["searchClients"]!.AsArray();
            Assert.Contains(matches, m => m!["id"]!.GetValue<string>() == write.ClientId && m["inMyTeam"]!.GetValue<bool>());
        }
        output.WriteLine($"Through the API: each writer opens all {checkedClients} clients they registered or joined; " +
            $"{Math.Min(5, registered.Count)} registered clients found by name search.");
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only this class's constant SQL.")]
    private static async Task<List<T>> ReadAsync<T>(Microsoft.Data.Sqlite.SqliteConnection db, string sql,
        Func<Microsoft.Data.Sqlite.SqliteDataReader, T> read)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static string Describe(IEnumerable<Acknowledged> writes) =>
        string.Join(", ", writes.GroupBy(w => w.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));

    /// <summary>
    /// A number as five letters ("aabcd"): names of one length are never prefixes of each other, so a name search
    /// finds exactly one client.
    /// </summary>
    private static string Letters(int number)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 5; i++)
        {
            text.Insert(0, (char)('a' + (number % 26)));
            number /= 26;
        }
        return text.ToString();
    }

    public void Dispose() => _server.Dispose();

    private sealed record Writer(int Index, string Email, string PractitionerId, string Token);

    private enum WriteKind
    {
        RegisterClient,
        JoinTeam,
        ScheduleVisit,

        /// <summary>A read: its answer must not leave before its audit entry is committed.</summary>
        ViewClient,
    }

    private sealed record Acknowledged(WriteKind Kind, string PractitionerId, string Email, string ClientId, string? VisitId, string? FamilyName);

    private sealed record PlannedWrite(WriteKind Kind, string? ClientId, string Query, object Variables, string? FamilyName = null);

    /// <summary>What the writers sent and what the server acknowledged, shared between them.</summary>
    private sealed class Ledger
    {
        private readonly ConcurrentQueue<Acknowledged> _acknowledged = new();
        private readonly ConcurrentQueue<string> _failuresBeforeKill = new();
        private readonly ConcurrentDictionary<string, byte> _joins = new();
        private readonly List<(string ClientId, string PractitionerId)> _registered = [];
        private readonly Lock _gate = new();
        private int _inFlight;
        private int _sent;
        private int _unanswered;
        private volatile bool _killed;

        public bool Killed { get => _killed; set => _killed = value; }

        public int InFlight => Volatile.Read(ref _inFlight);

        public int Sent => Volatile.Read(ref _sent);

        public int Unanswered => Volatile.Read(ref _unanswered);

        public IReadOnlyList<Acknowledged> Acknowledged => [.. _acknowledged];

        public IReadOnlyList<string> FailuresBeforeKill => [.. _failuresBeforeKill];

        public void Sending()
        {
            Interlocked.Increment(ref _sent);
            Interlocked.Increment(ref _inFlight);
        }

        public void Answered() => Interlocked.Decrement(ref _inFlight);

        public void Acknowledge(Acknowledged write)
        {
            _acknowledged.Enqueue(write);
            if (write.Kind == WriteKind.RegisterClient)
            {
                lock (_gate)
                {
                    _registered.Add((write.ClientId, write.PractitionerId));
                }
            }
        }

        /// <summary>A client another practitioner registered, which this practitioner has not yet asked to join.</summary>
        public string? ReserveJoin(string practitionerId, Random random)
        {
            List<string> candidates;
            lock (_gate)
            {
                candidates = [.. _registered.Where(r => r.PractitionerId != practitionerId).Select(r => r.ClientId)];
            }
            for (var tries = 0; tries < 5 && candidates.Count > 0; tries++)
            {
                var clientId = candidates[random.Next(candidates.Count)];
                if (_joins.TryAdd(practitionerId + "|" + clientId, 0))
                {
                    return clientId;
                }
            }
            return null;
        }

        public void Unanswer(Writer writer, WriteKind kind, Exception error)
        {
            Interlocked.Increment(ref _unanswered);
            if (!Killed)
            {
                _failuresBeforeKill.Enqueue($"writer {writer.Index} {kind}: {error.GetType().Name}: {error.Message}");
            }
        }

        public void Refused(Writer writer, WriteKind kind, GraphQLAnswer answer)
        {
            if (!Killed)
            {
                _failuresBeforeKill.Enqueue($"writer {writer.Index} {kind} refused with {answer.Status}: {answer.Body.ToJsonString()}");
            }
        }
    }
}
