using System.ComponentModel.DataAnnotations;

namespace Patchwork.Api.Storage;

/// <summary>Which store holds the network. Chosen by configuration only, never by sniffing the environment.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";
    public const string Sqlite = Patchwork.Storage.Sqlite.SqliteStoreServices.Provider;
    public const string Neo4j = Patchwork.Storage.Neo4j.Neo4jStoreServices.Provider;

    /// <summary>"sqlite" (the embedded default) or "neo4j" (a Neo4j server, configured under the Neo4j section).</summary>
    public string Provider { get; set; } = Sqlite;

    public bool IsNeo4j => string.Equals(Provider, Neo4j, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase) && !IsNeo4j)
        {
            yield return new ValidationResult(
                $"Storage:Provider '{Provider}' is not supported. Set Storage:Provider to \"sqlite\" or \"neo4j\".");
        }
    }
}
