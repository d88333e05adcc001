using System.Collections.Concurrent;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Primitives;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Loaders;
using Patchwork.Api.Identity;
using Patchwork.Network;
using Patchwork.Ports;

namespace Patchwork.Api.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP at <c>/graphql</c>: POST with a JSON body, or GET for queries; answers in
/// <c>application/graphql-response+json</c>, or <c>application/json</c> for a legacy client (<see cref="ResponseFormat"/>).
/// A body that is not one GraphQL request (bad JSON, no query, a batch, a persisted-query hash) gets 400; a document
/// that does not parse or validate, or variables that do not fit, get 400 too, or 200 for a legacy client; a mutation
/// over GET gets 405; one that ran out of time gets 503 with <c>Retry-After</c>, since the fault is the server's load,
/// not the request. The request's audit entries are written before the answer is sent.
/// </summary>
public sealed partial class GraphQLEndpoint(
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    ViewerFactory viewers,
    AuditLog audit,
    ResolverServices services,
    GraphQLLimits limits,
    ValidatedDocuments validated,
    ILogger<GraphQLEndpoint> logger)
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The status logged for a request its client gave up on before the answer (nobody receives it).</summary>
    public const int ClientClosedRequest = 499;

    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await AnswerAsync(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            http.Response.StatusCode = ClientClosedRequest;
        }
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var format = ResponseFormat.Of(http.Request);
        if (!viewers.IsSignedIn(http.User))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteErrorAsync(http, format, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                "Sign in: send a valid bearer token in the Authorization header.");
            return;
        }
        var request = await ReadRequestAsync(http);
        if (request.Error is { } error)
        {
            await WriteErrorAsync(http, format, error.Status, error.Code, error.Message);
            return;
        }
        var text = request.Body!.Query!;
        var remembered = validated.TryGet(text, out var document);
        try
        {
            document ??= DocumentShape.Parse(text, limits);
        }
        catch (PatchworkException refused)
        {
            await WriteErrorAsync(http, format, format.RequestErrorStatus, "BAD_USER_INPUT", refused.Message);
            return;
        }
        if (HttpMethods.IsGet(http.Request.Method) && IsMutation(document, request.Body.OperationName))
        {
            http.Response.Headers.Allow = "POST";
            await WriteErrorAsync(http, format, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                "Mutations must be sent with POST.");
            return;
        }
        // The account is looked up only for a request that can run: a body that is refused costs the store nothing.
        var viewer = await viewers.CreateAsync(http.User, http.TraceIdentifier, http.RequestAborted);
        var result = await ExecuteAsync(http, request.Body, document, remembered, viewer);
        if (result.Executed && !remembered)
        {
            validated.Remember(text, document);
        }
        await audit.FlushAsync(http.RequestAborted);
        http.Response.StatusCode = StatusOf(http, format, result);
        http.Response.ContentType = format.ContentType;
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static int StatusOf(HttpContext http, ResponseFormat format, ExecutionResult result)
    {
        if (result.Executed)
        {
            return StatusCodes.Status200OK;
        }
        if (result.Errors?.Any(e => e.Code == "TIMEOUT") == true)
        {
            http.Response.Headers.RetryAfter = "5";
            return StatusCodes.Status503ServiceUnavailable;
        }
        return format.RequestErrorStatus; // invalid, or variables that do not fit: nothing ran
    }

    private async Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLRequest request, GraphQLDocument document,
        bool remembered, Viewer viewer)
    {
        return await executer.ExecuteAsync(options =>
        {
            options.Document = document;
            if (remembered)
            {
                // The core rules passed when it was first validated and depend on nothing else; the rules the
                // schema adds (complexity, introspection) are appended to this after, so they still run.
                options.ValidationRules = [];
            }
            options.Variables = request.Variables;
            options.OperationName = request.OperationName;
            options.Extensions = request.Extensions;
            options.RequestServices = http.RequestServices;
            options.User = http.User;
            options.CancellationToken = http.RequestAborted;
            var loaders = new NetworkLoaders(services.Store.Batches, services.Store.Reach, services.Store.Audit,
                viewer.ActivePractitioner?.Id, reading: !IsMutation(document, request.OperationName), services.Time.GetUtcNow());
            options.UserContext = new RequestContext(viewer, audit, loaders, services);
            var logged = new ConcurrentDictionary<(Type, string), bool>();
            options.UnhandledExceptionDelegate = context =>
            {
                // A broken store fails every field that reads from it, each with an exception of its own: the log gets
                // each kind of failure once per request, not once per field.
                if (context.OriginalException is not PatchworkException and not OperationCanceledException
                    && logged.TryAdd((context.OriginalException.GetType(), context.OriginalException.Message), true))
                {
                    LogUnhandled(logger, context.OriginalException, http.TraceIdentifier);
                }
                ErrorCodes.Shape(context, http.TraceIdentifier);
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>Whether the operation a GET would run is a mutation (decided before anything executes).</summary>
    private static bool IsMutation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is { } name
            ? operations.FirstOrDefault(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
        return operation?.Operation == OperationType.Mutation;
    }

    private async Task<(GraphQLRequest? Body, RequestError? Error)> ReadRequestAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method))
        {
            return ReadQueryString(http.Request.Query);
        }
        if (!IsJson(http.Request.ContentType))
        {
            // Also keeps out cross-site form posts: a browser cannot send application/json without a preflight.
            return (null, new RequestError(StatusCodes.Status415UnsupportedMediaType, "BAD_REQUEST",
                "Send the request as application/json."));
        }
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge);
        }
        string? body;
        try
        {
            body = await ReadLimitedAsync(http.Request.Body, http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException)
        {
            // Broken framing (a bad chunk size, a body cut short) is the client's error, not ours.
            return (null, new RequestError(StatusCodes.Status400BadRequest, "BAD_REQUEST", "The request body could not be read."));
        }
        if (body is null)
        {
            return (null, TooLarge);
        }
        if (body.AsSpan().TrimStart().StartsWith("["))
        {
            return (null, BatchingNotSupported);
        }
        try
        {
            var request = serializer.Deserialize<GraphQLRequest>(body);
            return WithQuery(request, "The body must have a \"query\".");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, "BAD_USER_INPUT", "The body is not a valid GraphQL request in JSON."));
        }
    }

    private (GraphQLRequest?, RequestError?) ReadQueryString(IQueryCollection query)
    {
        try
        {
            var variables = query["variables"].ToString();
            var extensions = query["extensions"].ToString();
            return WithQuery(new GraphQLRequest
            {
                Query = query["query"].ToString(),
                OperationName = StringValues.IsNullOrEmpty(query["operationName"]) ? null : query["operationName"].ToString(),
                Variables = variables.Length == 0 ? null : serializer.Deserialize<Inputs>(variables),
                Extensions = extensions.Length == 0 ? null : serializer.Deserialize<Inputs>(extensions),
            }, "Give the document in the \"query\" parameter.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, "BAD_USER_INPUT", "\"variables\" must be a JSON object."));
        }
    }

    /// <summary>A request runs only with its document: one that sends only a persisted query's hash is told so.</summary>
    private static (GraphQLRequest?, RequestError?) WithQuery(GraphQLRequest? request, string missingQuery) => request switch
    {
        { Query.Length: > 0 } => (request, null),
        { Extensions: { } extensions } when extensions.ContainsKey("persistedQuery") => (null, PersistedQueriesNotSupported),
        _ => (null, new RequestError(StatusCodes.Status400BadRequest, "BAD_USER_INPUT", missingQuery)),
    };

    /// <summary>
    /// Automatic persisted queries are not kept: every answer here is personal and never cached, so a hash saves only
    /// the few hundred bytes of a document the server already remembers by its text (<see cref="ValidatedDocuments"/>),
    /// while a store of documents any client may register is one more thing to bound and to keep honest. The message
    /// and code are the ones Apollo Client and urql look for: on them they resend the operation with its document.
    /// </summary>
    private static readonly RequestError PersistedQueriesNotSupported = new(StatusCodes.Status400BadRequest,
        "PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported");

    private static readonly RequestError BatchingNotSupported = new(StatusCodes.Status400BadRequest,
        "BATCHED_REQUESTS_NOT_SUPPORTED", "Batched requests (a JSON array) are not supported: send each operation as its own request.");

    private static readonly RequestError TooLarge = new(StatusCodes.Status413PayloadTooLarge, "BAD_REQUEST",
        $"The request body must be at most {MaxBodyBytes / 1024} KiB.");

    private static async Task<string?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith(ResponseFormat.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase));

    private async Task WriteErrorAsync(HttpContext http, ResponseFormat format, int status, string code, string message)
    {
        await audit.FlushAsync(http.RequestAborted);
        http.Response.StatusCode = status;
        http.Response.ContentType = format.ContentType;
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private sealed record RequestError(int Status, string Code, string Message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error while resolving a GraphQL request {RequestId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestId);
}
