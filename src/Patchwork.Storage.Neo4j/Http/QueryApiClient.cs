using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Patchwork.Storage.Neo4j.Cypher;

namespace Patchwork.Storage.Neo4j.Http;

/// <summary>
/// A small client of Neo4j's HTTP Query API (<c>/db/{db}/query/v2</c>). Reads run as implicit transactions with
/// access mode READ; a write runs as one explicit transaction under <c>/query/v2/tx</c>, which commits only when
/// the whole change returned normally and is rolled back otherwise. The bookmarks of the last commit (or implicit
/// write) go with every request, so a read after a write sees the write on any cluster member. A transient failure
/// (<c>Neo.TransientError.*</c>, a failed connection, a 5xx without a body; not a timeout) is tried again from the start, after a capped
/// exponential back-off with jitter; a commit that got no answer is never retried, as it may have succeeded.
/// </summary>
public sealed class QueryApiClient : IDisposable
{
    public const string TypedJsonMediaType = "application/vnd.neo4j.query";
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly Neo4jOptions _options;
    private readonly string _queryPath;
    private readonly string _address; // for messages: never with a user name or password
    private readonly Lock _bookmarksLock = new();
    private IReadOnlyList<string> _bookmarks = [];

    public QueryApiClient(Neo4jOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = new Uri(options.Uri!.TrimEnd('/') + "/");
        _http.Timeout = options.Timeout;
        _http.DefaultRequestHeaders.Authorization = Authorization(options);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(TypedJsonMediaType));
        _queryPath = $"db/{Uri.EscapeDataString(options.Database)}/query/v2";
        _address = _http.BaseAddress.GetComponents(UriComponents.HttpRequestUrl & ~UriComponents.UserInfo, UriFormat.UriEscaped);
    }

    /// <summary>The pause before retry number <paramref name="attempt"/> (from 1): doubling, capped, with jitter.</summary>
    public TimeSpan BackOff(int attempt)
    {
        var doubled = _options.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = Math.Min(doubled, MaxBackOff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Runs a read-only statement in its own implicit transaction.</summary>
    public Task<QueryResult> ReadAsync(StatementCall call, CancellationToken cancellationToken) =>
        RetryingAsync(() => RunImplicitAsync(call, "Read", cancellationToken), _options.MaxRetries, cancellationToken);

    /// <summary>Runs one statement that changes something (schema, a bulk batch) in its own implicit transaction.</summary>
    public Task<QueryResult> WriteImplicitAsync(StatementCall call, CancellationToken cancellationToken) =>
        RetryingAsync(() => RunImplicitAsync(call, "Write", cancellationToken), _options.MaxRetries, cancellationToken);

    /// <summary>
    /// Runs one statement that changes something and needs no checks before it (an audit append) in its own implicit
    /// transaction: one round trip where an explicit transaction takes three. The request is its commit, so a request
    /// that got no answer is not retried (it may have been applied); an error the server reports (nothing applied) is.
    /// </summary>
    public Task<QueryResult> WriteOnceAsync(StatementCall call, CancellationToken cancellationToken) =>
        RetryingAsync(() => RunImplicitAsync(call, "Write", cancellationToken, committing: true), _options.MaxRetries, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one explicit transaction: commit if it returns, roll back if it throws.</summary>
    /// <remarks>With <paramref name="retry"/> false a transient failure is reported: for work that cannot run twice.</remarks>
    public Task<T> InTransactionAsync<T>(Func<QueryApiTransaction, Task<T>> work, CancellationToken cancellationToken, bool retry = true) =>
        RetryingAsync(async () =>
        {
            var transaction = await BeginAsync(cancellationToken);
            T result;
            try
            {
                result = await work(transaction);
            }
            catch
            {
                await transaction.RollbackQuietlyAsync();
                throw;
            }
            await CommitOrRollBackAsync(transaction);
            return result;
        }, retry ? _options.MaxRetries : 0, cancellationToken);

    /// <summary>
    /// Commits whatever the caller's token says (only the client's timeout bounds it): a commit abandoned half-way
    /// would leave the transaction open, holding its locks, until the server expires it. A commit the server answered
    /// with an error is already rolled back; any other failure (no answer, a bare status) gets a rollback to be sure.
    /// </summary>
    private static async Task CommitOrRollBackAsync(QueryApiTransaction transaction)
    {
        try
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception failure) when (failure is not Neo4jException { Code: not Neo4jException.Unavailable })
        {
            await transaction.RollbackQuietlyAsync();
            throw;
        }
    }

    private async Task<T> RetryingAsync<T>(Func<Task<T>> operation, int maxRetries, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation();
            }
            catch (Neo4jException failure) when (failure.IsTransient && attempt <= maxRetries)
            {
                await Task.Delay(BackOff(attempt), cancellationToken);
            }
        }
    }

    private async Task<QueryResult> RunImplicitAsync(StatementCall call, string accessMode, CancellationToken cancellationToken, bool committing = false)
    {
        var (result, _) = await SendAsync(HttpMethod.Post, _queryPath, Body(call, accessMode, withBookmarks: true),
            affinity: null, committing, cancellationToken);
        // Only a write moves the bookmark on: a read's bookmark may be older than a commit that finished before it.
        if (accessMode == "Write")
        {
            RememberBookmarks(result.Bookmarks);
        }
        return result;
    }

    private async Task<QueryApiTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var (_, answer) = await SendAsync(HttpMethod.Post, $"{_queryPath}/tx", Body(null, "Write", withBookmarks: true),
            affinity: null, committing: false, cancellationToken);
        var id = answer.Transaction?.Id
            ?? throw new Neo4jException(Neo4jException.Unavailable, "Opening a transaction returned no transaction id.", isTransient: false);
        return new QueryApiTransaction(this, $"{_queryPath}/tx/{Uri.EscapeDataString(id)}", answer.Affinity);
    }

    internal async Task<QueryResult> RunInTransactionAsync(string path, string? affinity, StatementCall call, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, path, Body(call, accessMode: null, withBookmarks: false), affinity, committing: false, cancellationToken)).Result;

    internal async Task CommitAsync(string path, string? affinity, CancellationToken cancellationToken)
    {
        var (result, _) = await SendAsync(HttpMethod.Post, $"{path}/commit", "{}", affinity, committing: true, cancellationToken);
        RememberBookmarks(result.Bookmarks);
    }

    internal async Task RollbackAsync(string path, string? affinity, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, path, null, affinity, committing: false, cancellationToken);

    private void RememberBookmarks(IReadOnlyList<string> bookmarks)
    {
        if (bookmarks.Count == 0)
        {
            return;
        }
        lock (_bookmarksLock)
        {
            _bookmarks = bookmarks;
        }
    }

    private IReadOnlyList<string> CurrentBookmarks()
    {
        lock (_bookmarksLock)
        {
            return _bookmarks;
        }
    }

    private string Body(StatementCall? call, string? accessMode, bool withBookmarks)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (call is not null)
            {
                json.WriteString("statement", call.Text);
                json.WritePropertyName("parameters");
                TypedJson.WriteParameter(json, call.Parameters);
            }
            if (accessMode is not null)
            {
                json.WriteString("accessMode", accessMode);
            }
            var bookmarks = withBookmarks ? CurrentBookmarks() : [];
            if (bookmarks.Count > 0)
            {
                json.WritePropertyName("bookmarks");
                TypedJson.WriteParameter(json, bookmarks);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private async Task<(QueryResult Result, Answer Meta)> SendAsync(
        HttpMethod method, string path, string? body, string? affinity, bool committing, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Without an answer a commit may or may not have happened: only a request before the commit is safe to retry.
            // A timeout is never retried: the statement ran its whole allowance and would most likely do so again.
            var timedOut = e is TaskCanceledException;
            throw new Neo4jException(Neo4jException.Unavailable,
                $"No answer from Neo4j at {_address} within {_options.Timeout}: {e.Message}", isTransient: !committing && !timedOut, e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return Read(response, text, committing);
        }
    }

    private static (QueryResult, Answer) Read(HttpResponseMessage response, string text, bool committing)
    {
        JsonDocument? document = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                document = JsonDocument.Parse(text);
            }
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            // An error page from a proxy: the status code says enough.
        }
        using (document)
        {
            var root = document?.RootElement;
            if (root is { } errorsRoot && errorsRoot.ValueKind == JsonValueKind.Object &&
                errorsRoot.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                throw Neo4jException.FromServer(
                    first.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "",
                    first.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "");
            }
            ThrowOnStatus(response.StatusCode, committing);
            var affinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return root is { ValueKind: JsonValueKind.Object } answer
                ? (ReadResult(answer), new Answer(ReadTransaction(answer), affinity))
                : (new QueryResult([], [], []), new Answer(null, affinity));
        }
    }

    private static void ThrowOnStatus(HttpStatusCode status, bool committing)
    {
        switch (status)
        {
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw new Neo4jException(Neo4jException.Unauthorized,
                    "Neo4j refused the credentials: check Neo4j:User and Neo4j:Password (or Neo4j:Token).", isTransient: false);
            case HttpStatusCode.NotFound:
                throw new Neo4jException(Neo4jException.TransactionNotFound,
                    "Neo4j no longer knows the transaction (it expired or was rolled back) or the database does not exist.", isTransient: false);
            case >= HttpStatusCode.InternalServerError:
                throw new Neo4jException(Neo4jException.Unavailable, $"Neo4j answered {(int)status} without an error body.", isTransient: !committing);
            case >= HttpStatusCode.BadRequest:
                throw new Neo4jException(Neo4jException.Unavailable, $"Neo4j answered {(int)status} without an error body.", isTransient: false);
            default:
                return;
        }
    }

    private static QueryResult ReadResult(JsonElement answer)
    {
        var fields = new List<string>();
        var rows = new List<object?[]>();
        if (answer.TryGetProperty("data", out var data))
        {
            fields.AddRange(data.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!));
            foreach (var row in data.GetProperty("values").EnumerateArray())
            {
                rows.Add([.. row.EnumerateArray().Select(TypedJson.Decode)]);
            }
        }
        var bookmarks = answer.TryGetProperty("bookmarks", out var marks) && marks.ValueKind == JsonValueKind.Array
            ? marks.EnumerateArray().Select(b => b.GetString()!).ToList()
            : [];
        return new QueryResult(fields, rows, bookmarks);
    }

    private static TransactionInfo? ReadTransaction(JsonElement answer) =>
        answer.TryGetProperty("transaction", out var transaction) && transaction.TryGetProperty("id", out var id)
            ? new TransactionInfo(id.GetString()!,
                transaction.TryGetProperty("expires", out var expires) ? expires.GetString() : null)
            : null;

    private static AuthenticationHeaderValue Authorization(Neo4jOptions options) =>
        !string.IsNullOrEmpty(options.User) && !string.IsNullOrEmpty(options.Password)
            ? new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")))
            : new AuthenticationHeaderValue("Bearer", options.Token);

    private sealed record TransactionInfo(string Id, string? Expires);

    private sealed record Answer(TransactionInfo? Transaction, string? Affinity);
}
