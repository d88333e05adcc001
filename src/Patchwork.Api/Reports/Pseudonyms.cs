using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Patchwork.Ports;

namespace Patchwork.Api.Reports;

/// <summary>
/// Pseudonymous family references: "F-" and ten Crockford base-32 characters (50 bits) of HMAC-SHA256(key, family id).
/// Stable for as long as the key is, and not derivable from the id without it. A reference is resolved by computing it
/// for every family (about 50 ms for a county's 80,000): nothing stores the link, so rotating the key leaves no
/// table behind to rewrite, and a reference from before the rotation simply names no family.
/// </summary>
public sealed class Pseudonyms(IOptions<ReportOptions> options)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Characters = 10;
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.PseudonymKey ?? "");

    public string Reference(string familyId)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(familyId), hash);
        var bits = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
        Span<char> text = stackalloc char[2 + Characters];
        text[0] = 'F';
        text[1] = '-';
        for (var i = 0; i < Characters; i++)
        {
            text[2 + i] = Alphabet[(int)(bits >> (64 - 5 * (i + 1))) & 31];
        }
        return new string(text);
    }

    /// <summary>The family a reference names, or NOT_FOUND (also for a reference made under an earlier key).</summary>
    public async Task<string> ResolveAsync(INetworkReports reports, string reference, CancellationToken cancellationToken)
    {
        var wanted = Normalise(reference);
        var matches = (await reports.GetFamilyIdsAsync(cancellationToken)).Where(id => Reference(id) == wanted).Take(2).ToList();
        return matches switch
        {
            [var id] => id,
            [] => throw new PatchworkException(ErrorCode.NotFound, $"No family has the reference '{wanted}'."),
            _ => throw PatchworkException.Conflict($"The reference '{wanted}' is ambiguous; ask an administrator."),
        };
    }

    private static string Normalise(string reference)
    {
        var text = reference.Trim().ToUpperInvariant();
        return text.Length == 2 + Characters && text.StartsWith("F-", StringComparison.Ordinal) && text[2..].All(Alphabet.Contains)
            ? text
            : throw PatchworkException.BadInput("reference must look like F-0123456789 (as the reports show it).");
    }
}
