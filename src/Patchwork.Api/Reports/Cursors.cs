using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Patchwork.Api.Reports;

/// <summary>
/// Opaque cursors over lists ordered by a rank (descending) and then a pseudonymous reference. A cursor holds only
/// what the caller has already been shown (the rank and the reference of the last row), so it discloses nothing, and
/// a page starts after that position rather than at an offset, so rows added or removed between pages shift nothing.
/// </summary>
public static class Cursors
{
    private const string Version = "r1";

    public readonly record struct Position(long Rank, string Reference) : IComparable<Position>
    {
        // Higher ranks first, then references in ordinal order.
        public int CompareTo(Position other) =>
            Rank != other.Rank ? other.Rank.CompareTo(Rank) : string.CompareOrdinal(Reference, other.Reference);

        public static bool operator <(Position a, Position b) => a.CompareTo(b) < 0;

        public static bool operator >(Position a, Position b) => a.CompareTo(b) > 0;

        public static bool operator <=(Position a, Position b) => a.CompareTo(b) <= 0;

        public static bool operator >=(Position a, Position b) => a.CompareTo(b) >= 0;
    }

    public static CursorPage<T> Page<T>(IEnumerable<T> rows, Func<T, Position> positionOf, int first, string? after)
    {
        var start = after is null ? (Position?)null : Decode(after);
        var ordered = rows.Select(r => (Row: r, At: positionOf(r))).OrderBy(r => r.At);
        var page = ordered.Where(r => start is null || r.At > start.Value).Take(first + 1).ToList();
        var shown = page.Take(first).ToList();
        return new CursorPage<T>([.. shown.Select(r => r.Row)], shown.Count == 0 ? null : Encode(shown[^1].At), page.Count > first);
    }

    public static string Encode(Position position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Version}:{position.Rank}:{position.Reference}")));

    public static Position Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':', 3);
            if (parts is [Version, var rank, var reference]
                && long.TryParse(rank, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && reference.Length is > 0 and <= 64)
            {
                return new Position(value, reference);
            }
        }
        catch (FormatException)
        {
        }
        throw PatchworkException.BadInput("after is not a cursor this list gave out.");
    }
}
