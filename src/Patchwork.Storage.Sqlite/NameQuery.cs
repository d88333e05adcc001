using System.Globalization;
using System.Text;

namespace Patchwork.Storage.Sqlite;

/// <summary>
/// Turns whatever a user typed into an FTS5 query that cannot be malformed. The text is cut into words
/// (runs of letters, digits, combining marks, apostrophes and hyphens; anything else separates words) and
/// each word becomes a quoted prefix term <c>"word"*</c>, all ANDed. A word can hold no quote, so FTS5
/// operators, column filters and brackets typed by the user are only ever separators or plain text.
/// </summary>
internal static class NameQuery
{
    /// <summary>Names have a few words; more terms only narrow the result, so the work per query stays bounded.</summary>
    public const int MaxTerms = 16;

    /// <summary>The FTS5 MATCH expression, or null when the text has no word to search for.</summary>
    public static string? ToMatchExpression(string text)
    {
        var terms = Words(text).Take(MaxTerms).Select(w => $"\"{w}\"*").ToList();
        return terms.Count == 0 ? null : string.Join(" AND ", terms);
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        var hasLetterOrDigit = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordPart(rune))
            {
                word.Append(rune.ToString());
                hasLetterOrDigit |= Rune.IsLetterOrDigit(rune);
                continue;
            }
            // A word of only apostrophes, hyphens or marks would give the tokenizer nothing to look for.
            if (hasLetterOrDigit)
            {
                yield return word.ToString();
            }
            word.Clear();
            hasLetterOrDigit = false;
        }
        if (hasLetterOrDigit)
        {
            yield return word.ToString();
        }
    }

    private static bool IsWordPart(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || IsMark(rune) || rune.Value is '\'' or '\u2019' or '-' or '\u2010';

    // Keeps a letter typed as a base letter plus a combining accent ("e" + U+0308) in one word.
    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
