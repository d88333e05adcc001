using System.ComponentModel.DataAnnotations;

namespace Patchwork.Api.Storage;

/// <summary>Which store holds the network. Chosen by configuration only, never by sniffing the environment.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";
    public const string Sqlite = "sqlite";

    /// <summary>"sqlite" (the embedded default).</summary>
    public string Provider { get; set; } = Sqlite;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"Storage:Provider '{Provider}' is not supported. Set Storage:Provider to \"sqlite\".");
        }
    }
}
