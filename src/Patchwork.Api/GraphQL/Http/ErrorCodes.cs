using GraphQL;
using GraphQL.Execution;

namespace Patchwork.Api.GraphQL.Http;

/// <summary>
/// Shapes every error a caller sees: a message they can act on and one of the contract's codes in
/// <c>extensions.code</c>. Anything unexpected is reported as an internal error with the request id, never
/// with its exception text or stack trace (the log has those). Where the schema is not to be introspected, a
/// misspelt name is not answered with the right one either (<paramref name="suggestNames"/> false).
/// </summary>
public sealed class ErrorCodes(bool suggestNames) : ErrorInfoProvider(
    new ErrorInfoProviderOptions { ExposeExceptionDetails = false, ExposeCodes = false, ExposeData = false })
{
    public const string Internal = "INTERNAL_SERVER_ERROR";

    // How graphql-dotnet's validation rules (unknown field, argument or type) begin the names they suggest.
    private const string Suggestion = " Did you mean";

    public static string Of(ErrorCode code) => code switch
    {
        ErrorCode.BadUserInput => "BAD_USER_INPUT",
        ErrorCode.NotFound => "NOT_FOUND",
        ErrorCode.Forbidden => "FORBIDDEN",
        ErrorCode.Conflict => "CONFLICT",
        ErrorCode.RateLimited => "RATE_LIMITED",
        _ => "UNAUTHENTICATED",
    };

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is DocumentError)
        {
            // Unparsable documents, unknown fields, wrong variable types: the request itself is wrong.
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            extensions["code"] = "BAD_USER_INPUT";
            extensions.Remove("number");
            return info with { Message = suggestNames ? info.Message : WithoutSuggestion(info.Message), Extensions = extensions };
        }
        return info;
    }

    /// <summary>The message up to any names it suggests: they would map the schema one guess at a time.</summary>
    private static string WithoutSuggestion(string message) =>
        message.IndexOf(Suggestion, StringComparison.Ordinal) is var at and >= 0 ? message[..at] : message;

    /// <summary>Turns a resolver's exception into the error the caller sees.</summary>
    public static void Shape(UnhandledExceptionContext context, string requestId)
    {
        context.Exception = context.OriginalException switch
        {
            PatchworkException known => new ExecutionError(known.Message) { Code = Of(known.Code) },
            OperationCanceledException => new ExecutionError("The request was cancelled or took too long.") { Code = "TIMEOUT" },
            _ => new ExecutionError($"Something went wrong on our side. Quote request id {requestId} if you report it.")
            {
                Code = Internal,
            },
        };
    }
}
