namespace Patchwork.Storage.Neo4j.Http;

/// <summary>
/// A failure reported by Neo4j (its status code, e.g. <c>Neo.ClientError.Statement.SyntaxError</c>) or met on the
/// way to it. <see cref="IsTransient"/> failures may succeed if the whole operation is tried again.
/// </summary>
public sealed class Neo4jException(string code, string message, bool isTransient, Exception? inner = null)
    : Exception($"{code}: {message}", inner)
{
    public const string Unauthorized = "Neo.ClientError.Security.Unauthorized";
    public const string TransactionNotFound = "Neo.ClientError.Transaction.TransactionNotFound";
    public const string ConstraintValidationFailed = "Neo.ClientError.Schema.ConstraintValidationFailed";

    /// <summary>Not a Neo4j code: the request did not get an answer (timeout, connection refused, 5xx without a body).</summary>
    public const string Unavailable = "Patchwork.Neo4j.Unavailable";

    public string Code { get; } = code;

    public string ServerMessage { get; } = message;

    public bool IsTransient { get; } = isTransient;

    /// <summary>Neo4j's own classification: every <c>Neo.TransientError.*</c> may succeed when retried.</summary>
    public static bool IsTransientCode(string code) => code.StartsWith("Neo.TransientError.", StringComparison.Ordinal);

    /// <summary>
    /// As the server reports it, except that a transaction over its own memory cap (<c>db.memory.transaction.max</c>),
    /// which Neo4j calls transient, is not: the same transaction meets the cap again every time it is tried.
    /// </summary>
    public static Neo4jException FromServer(string code, string message) =>
        new(code, message, IsTransientCode(code) && !message.Contains("db.memory.transaction.max threshold", StringComparison.Ordinal));
}
