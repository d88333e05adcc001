using System.Globalization;
using System.Text;

namespace Patchwork.Api.Reports;

/// <summary>
/// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, fields with a comma, quote or line break quoted and
/// quotes doubled), in UTF-8 with a byte-order mark so spreadsheets read the encoding right. A text cell starting with
/// = + - @ (or a tab or carriage return) is prefixed with an apostrophe, so a spreadsheet never runs it as a formula.
/// </summary>
public sealed class Csv
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
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
