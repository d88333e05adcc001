using System.ComponentModel.DataAnnotations;
using Patchwork.Reports;

namespace Patchwork.Api.Reports;

/// <summary>Settings of the analysts' and commissioners' reports.</summary>
public sealed class ReportOptions : IValidatableObject
{
    public const string Section = "Reports";
    public const int MinimumKeyLength = 32;

    /// <summary>
    /// The server's secret behind pseudonymous family references (HMAC-SHA256 of the family id). Without it nobody can
    /// tell which family a reference names; changing it changes every reference (old ones stop resolving).
    /// </summary>
    public string? PseudonymKey { get; set; }

    /// <summary>How many reports may be computed at once across every user (<see cref="ReportGate"/>).</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>The fewest families a published family-network group may have (<see cref="FamilyNetworkGroups"/>).</summary>
    public int MinimumGroup { get; set; } = FamilyNetworkGroups.DefaultMinimum;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(PseudonymKey) || PseudonymKey.Length < MinimumKeyLength)
        {
            yield return new ValidationResult(
                $"Set Reports:PseudonymKey to a secret of at least {MinimumKeyLength} characters: it keys the pseudonymous " +
                "family references analysts and commissioners see.");
        }
        if (MaxConcurrent is < 1 or > 64)
        {
            yield return new ValidationResult("Set Reports:MaxConcurrent between 1 and 64: how many reports may run at once.");
        }
        if (MinimumGroup is < 5 or > 1000)
        {
            yield return new ValidationResult(
                "Set Reports:MinimumGroup between 5 and 1000: the fewest families a published family-network group may have.");
        }
    }
}
