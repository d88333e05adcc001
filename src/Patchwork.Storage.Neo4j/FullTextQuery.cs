using System.Globalization;
using System.Text;

namespace Patchwork.Storage.Neo4j;

/// <summary>
/// Turns whatever a user typed into a Lucene query for the <c>client_names</c> full-text index that cannot be
/// malformed. The text is cut into words as the embedded store cuts it (letters, digits, combining marks,
/// apostrophes; hyphens and anything else separate words), each word is folded the way the index's
/// <c>standard-folding</c> analyzer folds names (accents removed, lower case, ’ as '), and becomes a required
/// prefix term <c>+word*</c>. A term holds only letters, digits and apostrophes, none of which Lucene treats as
/// syntax, so operators typed by the user are only separators or plain words. A word longer than any name can be
/// matches nothing (and Lucene refuses a prefix automaton of over a thousand states), so the query is then none.
/// </summary>
public static class FullTextQuery
{
    public const int MaxTerms = 16;

    /// <summary>The longest name a client can have (<c>Check.Name</c>), so the longest word a match can start with.</summary>
    public const int MaxWordLength = 100;

    /// <summary>The query, or null when the text has no word to search for, or a word no name can start with.</summary>
    public static string? From(string text)
    {
        var words = Words(text).Select(Fold).Where(w => w.Any(char.IsLetterOrDigit)).Take(MaxTerms).ToList();
        return words.Count == 0 || words.Any(w => w.Length > MaxWordLength) ? null : string.Join(' ', words.Select(w => $"+{w}*"));
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

    /// <summary>
    /// Lower case, accents off, the typographic apostrophe as '. The service runs with invariant globalization (no
    /// Unicode normalisation tables), so accented Latin letters are folded by <see cref="LatinBase"/> and combining
    /// marks typed separately are dropped.
    /// </summary>
    private static string Fold(string word)
    {
        var folded = new StringBuilder();
        foreach (var rune in word.EnumerateRunes())
        {
            if (IsMark(rune))
            {
                continue;
            }
            var lower = Rune.ToLowerInvariant(rune);
            folded.Append(lower.Value switch
            {
                '\u2019' => "'",
                >= 0xDF and <= 0x17F => LatinBase(lower.Value),
                _ => lower.ToString(),
            });
        }
        // A leading or trailing apostrophe belongs to no indexed token.
        return folded.ToString().Trim('\'');
    }

    /// <summary>The base letters of Latin-1 and Latin Extended-A (U+00E0–U+017F), as Lucene's ASCII folding gives them.</summary>
    private static string LatinBase(int letter) => letter switch
    {
        >= 0xE0 and <= 0xE5 or >= 0x100 and <= 0x105 => "a",
        0xE6 => "ae",
        0xE7 or >= 0x106 and <= 0x10D => "c",
        0xF0 or >= 0x10E and <= 0x111 => "d",
        >= 0xE8 and <= 0xEB or >= 0x112 and <= 0x11B => "e",
        >= 0x11C and <= 0x123 => "g",
        >= 0x124 and <= 0x127 => "h",
        >= 0xEC and <= 0xEF or >= 0x128 and <= 0x131 => "i",
        0x132 or 0x133 => "ij",
        0x134 or 0x135 => "j",
        >= 0x136 and <= 0x138 => "k",
        >= 0x139 and <= 0x142 => "l",
        0xF1 or >= 0x143 and <= 0x14B => "n",
        >= 0xF2 and <= 0xF6 or 0xF8 or >= 0x14C and <= 0x151 => "o",
        0x152 or 0x153 => "oe",
        >= 0x154 and <= 0x159 => "r",
        0xDF => "ss",
        >= 0x15A and <= 0x161 or 0x17F => "s",
        >= 0x162 and <= 0x167 => "t",
        0xFE => "th",
        >= 0xF9 and <= 0xFC or >= 0x168 and <= 0x173 => "u",
        0x174 or 0x175 => "w",
        0xFD or 0xFF or >= 0x176 and <= 0x178 => "y",
        >= 0x179 and <= 0x17E => "z",
        _ => char.ConvertFromUtf32(letter),
    };

    private static bool IsWordPart(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || IsMark(rune) || rune.Value is '\'' or '\u2019';

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
