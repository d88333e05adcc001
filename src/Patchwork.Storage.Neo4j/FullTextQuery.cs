using System.Globalization;
using System.Text;

namespace Patchwork.Storage.Neo4j;

/// <summary>
/// Turns whatever a user typed into a Lucene query for the <c>client_names</c> full-text index that cannot be
/// malformed. The text is cut into words as the embedded store cuts it (letters, digits, combining marks,
/// apostrophes; hyphens and anything else separate words), each word is folded the way the index's
/// <c>standard-folding</c> analyzer folds names (accents removed, lower case, ’ as '), and becomes a required
/// prefix term <c>+word*</c>. A term holds only letters, digits and apostrophes, none of which Lucene treats as
/// syntax, so operators typed by the user are only separators or plain words.
/// </summary>
public static class FullTextQuery
{
    public const int MaxTerms = 16;

    /// <summary>The query, or null when the text has no word to search for.</summary>
    public static string? From(string text)
    {
        var terms = Words(text).Select(Fold).Where(w => w.Any(char.IsLetterOrDigit)).Take(MaxTerms).Select(w => $"+{w}*").ToList();
        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordPart(rune))
            {
                word.Append(rune.ToString());
                continue;
            }
            if (word.Length > 0)
            {
                yield return word.ToString();
            }
            word.Clear();
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>Accents off (by decomposing and dropping the marks), lower case, the typographic apostrophe as '.</summary>
    private static string Fold(string word)
    {
        var folded = new StringBuilder();
        foreach (var rune in word.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (IsMark(rune))
            {
                continue;
            }
            folded.Append(rune.Value is '\u2019' ? "'" : Rune.ToLowerInvariant(rune).ToString());
        }
        // A leading or trailing apostrophe belongs to no indexed token.
        return folded.ToString().Trim('\'');
    }

    private static bool IsWordPart(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || IsMark(rune) || rune.Value is '\'' or '\u2019';

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
