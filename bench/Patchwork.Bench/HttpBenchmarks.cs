using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Patchwork.Bench;

/// <summary>One wrk run: how many requests a second were answered, and how long they took (milliseconds).</summary>
internal sealed record LoadRun(string Name, int Connections, double RequestsPerSecond, double P50, double P99, long Requests, long Errors);

/// <summary>The store an API process runs on: a name for its log and messages, and the settings that select it.</summary>
internal sealed record ApiStore(string Name, IReadOnlyDictionary<string, string> Settings)
{
    public static ApiStore Sqlite(string database) => new("sqlite", new Dictionary<string, string> { ["Storage__Sqlite__Path"] = database });
}

/// <summary>Everything measured through HTTP.</summary>
internal sealed record HttpResults(
    TimeSpan StartUp,
    LoadRun GraphQLOne,
    LoadRun GraphQLMax,
    LoadRun GraphQLHalf,
    LoadRun JsonOne,
    LoadRun JsonMax,
    LoadRun StoreOne,
    LoadRun StoreMax,
    double WorkingSetMB,
    double WorkingSetIdleMB,
    int ResponseBytes);

/// <summary>
/// The API and the baseline host, each started as its own process on loopback and loaded with wrk: one connection
/// for latency, 64 for throughput, and (for the API) a paced run at half the throughput for the tail.
/// </summary>
internal static class HttpBenchmarks
{
    internal const int SaturationConnections = 64;
    private const int PacedConnections = 8;

    // Every server is measured warm, as it runs all day: on 2 cores the runtime is still compiling hot methods
    // again with full optimisation (tiered compilation) for 15-20 s after start, and a profile 5 s in found a
    // fifth of the API's CPU spent on that.
    internal static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(20);

    // The question a practitioner's phone asks when they open a family: who else is around it, how to reach them.
    private const string FamilyTeamQuery = """
        query FamilyTeam($id: ID!) {
          family(id: $id) {
            id name
            team {
              restricted notice since lastContactAt nextVisitAt
              practitioner { name role mobile landline email preferredContact }
              agency { name dutyPhone }
              supports { id givenName familyName }
            }
          }
        }
        """;

    public static async Task<HttpResults> RunAsync(Paths paths, string database, Sample sample, BenchOptions options)
    {
        var scripts = Path.Combine(paths.DataDirectory, "wrk");
        using var started = await StartApiAsync(paths, ApiStore.Sqlite(database), sample);
        var (api, apiUrl, requests, answer, graphql, _, _) = started;
        var idle = api.WorkingSetMB();
        var graphQLOne = await Wrk.RunAsync("GraphQL family team", graphql, apiUrl, 1, options.Duration);
        LoadRun graphQLMax;
        double workingSet;
        using (var watch = new WorkingSetWatch(api))
        {
            graphQLMax = await Wrk.RunAsync("GraphQL family team", graphql, apiUrl, SaturationConnections, options.Duration);
            workingSet = watch.PeakMB;
        }
        var (half, _) = await PacedAsync(requests, apiUrl, graphQLMax.RequestsPerSecond / 2, graphQLOne.P50, options, scripts);
        var graphQLHalf = half with { Name = "GraphQL family team, half rate" };
        api.Stop();

        Console.WriteLine("Baselines …");
        var answerFile = Path.Combine(paths.DataDirectory, "family-team-answer.json");
        await File.WriteAllBytesAsync(answerFile, answer);
        var basePort = FreePort();
        using var baseline = Server.Start("baseline", paths.BaselineDll, Path.GetDirectoryName(paths.BaselineDll)!, paths.DataDirectory,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{basePort}",
                ["Baseline__Database"] = database,
                ["Baseline__JsonFile"] = answerFile,
            });
        var baseUrl = $"http://127.0.0.1:{basePort}";
        await Server.WaitReadyAsync(baseline, $"{baseUrl}/health", TimeSpan.FromSeconds(60));
        var json = Wrk.Script(Path.Combine(scripts, "json.lua"),
            [new WrkRequest("POST", "/json", new Dictionary<string, string> { ["Content-Type"] = "application/json" }, requests[0].Body)]);
        var team = Wrk.Script(Path.Combine(scripts, "store.lua"),
            [.. sample.Families.Select(f => new WrkRequest("GET", $"/families/{f.FamilyId}/team", new Dictionary<string, string>(), null))]);
        await Wrk.RunAsync("warm-up", json, baseUrl, SaturationConnections, WarmUp);
        await Wrk.RunAsync("warm-up", team, baseUrl, SaturationConnections, WarmUp);
        var jsonOne = await Wrk.RunAsync("bare JSON bytes", json, baseUrl, 1, options.Duration);
        var jsonMax = await Wrk.RunAsync("bare JSON bytes", json, baseUrl, SaturationConnections, options.Duration);
        var storeOne = await Wrk.RunAsync("bare store query", team, baseUrl, 1, options.Duration);
        var storeMax = await Wrk.RunAsync("bare store query", team, baseUrl, SaturationConnections, options.Duration);
        baseline.Stop();

        return new HttpResults(started.StartUp, graphQLOne, graphQLMax, graphQLHalf, jsonOne, jsonMax, storeOne, storeMax,
            workingSet, idle, answer.Length);
    }

    /// <summary>Only the API's family-team runs, at one connection and at saturation: for trying a change quickly.</summary>
    public static async Task<IReadOnlyList<LoadRun>> RunApiAsync(Paths paths, ApiStore store, Sample sample, BenchOptions options)
    {
        using var started = await StartApiAsync(paths, store, sample);
        var one = await Wrk.RunAsync("GraphQL family team", started.Script, started.Url, 1, options.Duration);
        var cpuBefore = started.Api.ProcessorTime();
        var max = await Wrk.RunAsync("GraphQL family team", started.Script, started.Url, SaturationConnections, options.Duration);
        // CPU per request moves far less than the rate when other work shares the machine: compare builds by both.
        var perRequest = (started.Api.ProcessorTime() - cpuBefore).TotalMicroseconds / Math.Max(1, max.Requests);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  API CPU per request at saturation: {perRequest:F0} µs"));
        return [one, max];
    }

    /// <summary>The API started on the store, its requests checked, the wrk script written and the API warmed up.</summary>
    internal static async Task<StartedApi> StartApiAsync(Paths paths, ApiStore store, Sample sample)
    {
        var scripts = Path.Combine(paths.DataDirectory, "wrk");
        Directory.CreateDirectory(scripts);
        var key = DevelopmentSigningKey(paths);

        Console.WriteLine($"API through HTTP + GraphQL, on {store.Name} …");
        var apiPort = FreePort();
        var startClock = Stopwatch.StartNew();
        var settings = new Dictionary<string, string>(store.Settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{apiPort}",
            ["Demo__Seed"] = "false",
            ["RateLimit__PermitsPerMinute"] = "0",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore"] = "Warning",
            ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Warning",
        };
        var api = Server.Start(store.Name == "sqlite" ? "api" : $"api-{store.Name}", paths.ApiDll, paths.ApiContentRoot, paths.DataDirectory, settings);
        try
        {
            await Server.WaitReadyAsync(api, $"http://127.0.0.1:{apiPort}/health/ready", TimeSpan.FromSeconds(60));
            var startUp = startClock.Elapsed;
            Console.WriteLine($"  ready in {startUp.TotalSeconds:F2} s on {store.Name}");

            var (requests, answer) = await GraphQLRequestsAsync(apiPort, sample, key);
            Console.WriteLine($"  {requests.Count} family-team requests checked (each answered without errors), {answer.Length:N0} bytes each on average");
            var graphql = Wrk.Script(Path.Combine(scripts, "graphql.lua"), requests);
            var apiUrl = $"http://127.0.0.1:{apiPort}";
            await Wrk.RunAsync("warm-up", graphql, apiUrl, SaturationConnections, WarmUp);
            return new StartedApi(api, apiUrl, requests, answer, graphql, startUp, key);
        }
        catch
        {
            api.Dispose();
            throw;
        }
    }

    internal sealed record StartedApi(Server Api, string Url, List<WrkRequest> Requests, byte[] Answer, string Script, TimeSpan StartUp, byte[] Key)
        : IDisposable
    {
        public void Dispose() => Api.Dispose();
    }

    /// <summary>
    /// A rate held by pacing: each of a few connections waits between an answer and its next request (wrk's delay
    /// hook), the wait set from the one-connection latency and corrected by what was measured. Answers the run and the
    /// wait that held the rate, so that the same offered load can be run again beside other work.
    /// </summary>
    internal static async Task<(LoadRun Run, double PauseMs)> PacedAsync(IReadOnlyList<WrkRequest> requests, string url, double rate,
        double latencyMs, BenchOptions options, string scripts)
    {
        var cycleMs = PacedConnections * 1000 / rate;
        LoadRun? run = null;
        var pause = 0.0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            pause = Math.Max(0, cycleMs - latencyMs);
            run = await PacedAtAsync(requests, url, pause, $"GraphQL family team, paced to {rate:N0}/s", options, scripts);
            if (run.RequestsPerSecond / rate is > 0.9 and < 1.1)
            {
                break;
            }
            // What a request really took on top of the pause at this rate, for the next try.
            latencyMs = (PacedConnections * 1000 / run.RequestsPerSecond) - pause;
        }
        return (run!, pause);
    }

    /// <summary>One paced run: every connection waits <paramref name="pauseMs"/> between an answer and its next request.</summary>
    internal static Task<LoadRun> PacedAtAsync(IReadOnlyList<WrkRequest> requests, string url, double pauseMs, string name,
        BenchOptions options, string scripts) =>
        Wrk.RunAsync(name, Wrk.Script(Path.Combine(scripts, "graphql-paced.lua"), requests, pauseMs), url, PacedConnections, options.Duration);

    /// <summary>Builds the GraphQL requests, each signed in as a practitioner in that family's team, and checks them.</summary>
    private static async Task<(List<WrkRequest> Requests, byte[] Answer)> GraphQLRequestsAsync(int port, Sample sample, byte[] key)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var requests = new List<WrkRequest>();
        byte[]? first = null;
        long bytes = 0;
        foreach (var family in sample.Families.Take(400))
        {
            var body = JsonSerializer.Serialize(new { query = FamilyTeamQuery, variables = new { id = family.FamilyId } });
            var headers = new Dictionary<string, string>
            {
                ["Content-Type"] = "application/json",
                ["Authorization"] = $"Bearer {Token(family.Subject, key)}",
            };
            using var message = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            message.Headers.TryAddWithoutValidation("Authorization", headers["Authorization"]);
            using var response = await http.SendAsync(message);
            var answer = await response.Content.ReadAsByteArrayAsync();
            var parsed = JsonNode.Parse(answer);
            if (response.StatusCode != HttpStatusCode.OK || parsed?["errors"] is not null || parsed?["data"]?["family"] is null)
            {
                throw new InvalidOperationException(
                    $"The API refused a family-team request for family {family.FamilyId} as {family.Subject}: {Encoding.UTF8.GetString(answer)}");
            }
            first ??= answer;
            bytes += answer.Length;
            requests.Add(new WrkRequest("POST", "/graphql", headers, body));
        }
        if (first is null)
        {
            throw new InvalidOperationException("No family with a practitioner in its team was found to ask for.");
        }
        // The bare JSON baseline answers with bytes of the average answer's size, cut from the first answer's text.
        var average = (int)(bytes / requests.Count);
        var answerBytes = first.Length >= average ? first : [.. first, .. Enumerable.Repeat((byte)' ', average - first.Length)];
        return (requests, answerBytes);
    }

    /// <summary>A development token, signed with the API's Development key, for one user in one role.</summary>
    internal static string Token(string subject, byte[] key, string role = "practitioner")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "patchwork-development",
            ["aud"] = "patchwork-api",
            ["sub"] = subject,
            ["name"] = subject,
            ["roles"] = role,
            ["iat"] = now,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
        }));
        var signature = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] DevelopmentSigningKey(Paths paths)
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(paths.ApiContentRoot, "appsettings.Development.json")));
        var key = settings?["Auth"]?["DevelopmentSigningKey"]?.GetValue<string>()
            ?? throw new InvalidOperationException("appsettings.Development.json has no Auth:DevelopmentSigningKey.");
        return Encoding.UTF8.GetBytes(key);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A server process under test: started as <c>dotnet App.dll</c>, one PID, stopped when done.</summary>
internal sealed class Server : IDisposable
{
    private readonly Process _process;

    private Server(Process process) => _process = process;

    public static Server Start(string name, string dll, string workingDirectory, string logDirectory, IDictionary<string, string> environment)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: run the benchmark with bench/run, which builds it.");
        }
        var log = Path.Combine(logDirectory, $"{name}.log");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Server(process);
    }

    public static async Task WaitReadyAsync(Server server, string url, TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {server._process.ExitCode} before it was ready; see bench/data/*.log.");
            }
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"{url} was not ready within {limit.TotalSeconds} s.");
    }

    /// <summary>The CPU time the server process has used so far, user and system.</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Resident memory of the server process (MB, 10^6 bytes), from /proc.</summary>
    public double WorkingSetMB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024 / 1e6;
    }

    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is not null)
        {
            lock (writer)
            {
                writer.WriteLine(line);
            }
        }
    }
}

/// <summary>Samples a server's resident memory every 100 ms while a load runs, keeping the peak.</summary>
internal sealed class WorkingSetWatch : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private double _peak;

    public WorkingSetWatch(Server server) =>
        _timer = new Timer(_ =>
        {
            try
            {
                var now = server.WorkingSetMB();
                lock (_gate)
                {
                    _peak = Math.Max(_peak, now);
                }
            }
            catch (IOException)
            {
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));

    public double PeakMB
    {
        get
        {
            lock (_gate)
            {
                return _peak;
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}

internal sealed record WrkRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body);

/// <summary>Writes wrk's Lua scripts and runs wrk, reading its figures from the script's closing line.</summary>
internal static class Wrk
{
    public static string Script(string path, IReadOnlyList<WrkRequest> requests, double pauseMs = 0)
    {
        var lua = new StringBuilder();
        lua.AppendLine("local specs = {}");
        foreach (var request in requests)
        {
            var headers = string.Join(", ", request.Headers.Select(h => $"[ {Long(h.Key)} ] = {Long(h.Value)}"));
            var body = request.Body is null ? "nil" : Long(request.Body);
            lua.AppendLine(CultureInfo.InvariantCulture,
                $"specs[#specs + 1] = {{ {Long(request.Method)}, {Long(request.Path)}, {{{headers}}}, {body} }}");
        }
        lua.AppendLine(CultureInfo.InvariantCulture, $"local pause = {pauseMs.ToString("F3", CultureInfo.InvariantCulture)}");
        lua.AppendLine("""
            local variants = {}
            local next = 0
            -- Requests are formatted once per thread, once wrk knows the host they go to.
            init = function(args)
              local host = wrk.port and (wrk.host .. ":" .. wrk.port) or wrk.host
              for _, spec in ipairs(specs) do spec[3]["Host"] = host end
              for i, spec in ipairs(specs) do variants[i] = wrk.format(spec[1], spec[2], spec[3], spec[4]) end
              next = math.random(#variants)
            end
            request = function()
              next = next % #variants + 1
              return variants[next]
            end
            if pause > 0 then
              delay = function()
                local whole = math.floor(pause)
                if math.random() < pause - whole then return whole + 1 end
                return whole
              end
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT %d %d %d %d %d\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout + e.status))
            end
            """);
        File.WriteAllText(path, lua.ToString());
        return path;
    }

    public static async Task<LoadRun> RunAsync(string name, string script, string url, int connections, TimeSpan duration)
    {
        var threads = Math.Min(connections, 2);
        var start = new ProcessStartInfo("wrk",
        [
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)duration.TotalSeconds}s",
            "--timeout", "5s",
            "-s", script,
            url,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(start)
            ?? throw new InvalidOperationException("wrk could not be started: apt-get install wrk.");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var result = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk gave no result: {output}{await wrk.StandardError.ReadToEndAsync()}");
        var f = result.Split(' ').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var run = new LoadRun(name, connections, f[0] / (f[1] / 1e6), f[2] / 1000, f[3] / 1000, (long)f[0], (long)f[4]);
        if (name != "warm-up")
        {
            Console.WriteLine($"  {name,-40} {connections,3} conn  {run.RequestsPerSecond,9:N0} req/s  p50 {Report.Ms(run.P50)}  p99 {Report.Ms(run.P99)}" +
                (run.Errors > 0 ? $"  {run.Errors:N0} errors" : ""));
        }
        return run;
    }

    // A Lua long string: no escaping needed, whatever the text holds.
    private static string Long(string text)
    {
        var level = new string('=', 1);
        while (text.Contains($"]{level}]", StringComparison.Ordinal))
        {
            level += "=";
        }
        return $"[{level}[{text}]{level}]";
    }
}
