using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Patchwork.Reports;

namespace Patchwork.Api.Reports;

/// <summary>
/// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, fields with a comma, quote or line break quoted and
/// quotes doubled), in UTF-8 with a byte-order mark so spreadsheets read the encoding right. Text is defused so that no
/// spreadsheet runs any of it as a formula, whatever separator its locale splits cells on (see <see cref="Defused"/>).
/// </summary>
public sealed partial class Csv
{
    private readonly StringBuilder _text = new();

    public Csv Row(params object?[] cells)
    {
        _text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public override string ToString() => _text.ToString();

    public static string Cell(object? value) => value switch
    {
        null => "",
        PublishedCount count => count.ToString(),
        bool flag => flag ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double number => number.ToString("0.###", CultureInfo.InvariantCulture),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Text(string text)
    {
        var safe = Defused(text);
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    /// <summary>
    /// The text with an apostrophe before every formula trigger (= + - @, or their full-width forms) that could begin a
    /// cell. A spreadsheet whose locale splits cells on another separator than the comma (; in much of Europe, tab when
    /// pasted, | when chosen on import) starts one after each of those, after a quote or a line break, and may trim
    /// spaces first; one that splits on commas sees a cell that starts with a trigger, a space or a control character.
    /// </summary>
    private static string Defused(string text)
    {
        var segments = TriggerAfterASeparator().Replace(text, "'");
        return StartsLikeAFormula().IsMatch(segments) ? "'" + segments : segments;
    }

    [GeneratedRegex(@"(?<=[,;|""，；｜＂\p{Cc}]\s*)(?=[=+\-@＝＋－＠])")]
    private static partial Regex TriggerAfterASeparator();

    [GeneratedRegex(@"^[\s\p{Cc}=+\-@＝＋－＠]")]
    private static partial Regex StartsLikeAFormula();
}
