using System.ComponentModel.DataAnnotations;

namespace Patchwork.Storage.Neo4j;

/// <summary>
/// Where the Neo4j store is and how to sign in to it, bound from the <c>Neo4j</c> section. Basic auth from
/// <see cref="User"/> and <see cref="Password"/>; or, when only <see cref="Token"/> is set, a bearer token
/// (an SSO token for Aura or an Enterprise server).
/// </summary>
public sealed class Neo4jOptions : IValidatableObject
{
    public const string Section = "Neo4j";

    /// <summary>The HTTP(S) address of the server, e.g. <c>http://localhost:7474</c> or an Aura instance.</summary>
    public string? Uri { get; set; }

    public string Database { get; set; } = "neo4j";

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? Token { get; set; }

    /// <summary>How long one HTTP request may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a transient failure (a leader switch, a deadlock) is retried before it is reported.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first pause before a retry; each further one doubles, up to five seconds, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Rows per transaction of a streamed load (a move, a county seed): the server holds a transaction's changes in its
    /// heap until it commits, about 4 KB a visit (43 MB for 10,000), so lower it for a server with little memory.
    /// </summary>
    public int ImportRowsPerTransaction { get; set; } = 10_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            yield return new ValidationResult(
                "Set Neo4j:Uri to the server's HTTP address, e.g. http://localhost:7474 (the Query API, not bolt://).");
        }
        else if (uri.UserInfo.Length > 0)
        {
            // Addresses end up in logs and error messages; credentials belong in their own settings.
            yield return new ValidationResult(
                "Neo4j:Uri must not carry a user name or password; set Neo4j:User and Neo4j:Password instead.");
        }
        if (string.IsNullOrWhiteSpace(Database))
        {
            yield return new ValidationResult("Set Neo4j:Database to the database name, e.g. neo4j.");
        }
        var basic = !string.IsNullOrEmpty(User) && !string.IsNullOrEmpty(Password);
        if (!basic && string.IsNullOrEmpty(Token))
        {
            yield return new ValidationResult("Set Neo4j:User and Neo4j:Password (or Neo4j:Token for a bearer token).");
        }
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Set Neo4j:Timeout between 00:00:01 and 00:10:00.");
        }
        if (MaxRetries is < 0 or > 20)
        {
            yield return new ValidationResult("Set Neo4j:MaxRetries between 0 and 20.");
        }
        if (ImportRowsPerTransaction is < 100 or > 100_000)
        {
            yield return new ValidationResult("Set Neo4j:ImportRowsPerTransaction between 100 and 100000.");
        }
    }
}
