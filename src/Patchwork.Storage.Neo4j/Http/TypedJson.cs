using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace Patchwork.Storage.Neo4j.Http;

/// <summary>
/// Neo4j's typed JSON (<c>application/vnd.neo4j.query</c>): every returned value is <c>{"$type": …, "_value": …}</c>.
/// Values decode to String → string, Integer (sent as a string, being 64-bit) → long, Float → double,
/// Boolean → bool, Null → null, List → List&lt;object?&gt;, Map → Dictionary&lt;string, object?&gt;, Date → DateOnly,
/// OffsetDateTime / ZonedDateTime / LocalDateTime (as UTC) → DateTimeOffset, Duration → TimeSpan, Base64 → byte[],
/// and a Node to the map of its properties. Parameters go out as plain JSON, temporal values as ISO-8601 text that
/// each statement converts with <c>date()</c> / <c>datetime()</c>, so every conversion is visible in the Cypher.
/// </summary>
public static class TypedJson
{
    public static object? Decode(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("$type", out var typeElement))
        {
            throw new FormatException($"Expected a typed value {{\"$type\", \"_value\"}}, got {value.ValueKind}.");
        }
        var type = typeElement.GetString();
        var raw = value.TryGetProperty("_value", out var v) ? v : default;
        return type switch
        {
            "Null" => null,
            "String" => raw.GetString(),
            "Boolean" => raw.GetBoolean(),
            "Integer" => raw.ValueKind == JsonValueKind.String
                ? long.Parse(raw.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
                : raw.GetInt64(),
            "Float" => raw.ValueKind == JsonValueKind.String ? ParseFloat(raw.GetString()!) : raw.GetDouble(),
            "List" => raw.EnumerateArray().Select(Decode).ToList(),
            "Map" => DecodeMap(raw),
            "Date" => DateOnly.ParseExact(raw.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "OffsetDateTime" or "ZonedDateTime" => ParseDateTime(raw.GetString()!),
            "LocalDateTime" => ParseDateTime(raw.GetString()! + "Z"),
            "Duration" => XmlConvert.ToTimeSpan(raw.GetString()!),
            "Base64" => Convert.FromBase64String(raw.GetString()!),
            "Node" => DecodeMap(raw.GetProperty("_properties")),
            _ => throw new FormatException($"The Neo4j store does not read values of type '{type}'."),
        };
    }

    private static Dictionary<string, object?> DecodeMap(JsonElement map)
    {
        var decoded = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            decoded[property.Name] = Decode(property.Value);
        }
        return decoded;
    }

    private static double ParseFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// "2024-01-01T21:40:32.123456789-01:00[Europe/London]": the zone name is dropped (the offset fixes the
    /// instant), and a fraction beyond .NET's seven digits is cut.
    /// </summary>
    public static DateTimeOffset ParseDateTime(string text)
    {
        var zone = text.IndexOf('[', StringComparison.Ordinal);
        var instant = zone >= 0 ? text[..zone] : text;
        var dot = instant.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < instant.Length && char.IsAsciiDigit(instant[end]))
            {
                end++;
            }
            if (end - dot - 1 > 7)
            {
                instant = instant[..(dot + 8)] + instant[end..];
            }
        }
        return DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Writes one parameter value as plain JSON.</summary>
    public static void WriteParameter(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(IsoTime(time));
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case Enum name:
                writer.WriteStringValue(name.ToString());
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteParameter(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteParameter(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} cannot be sent as a Neo4j parameter.", nameof(value));
        }
    }

    /// <summary>UTC, to the millisecond: the precision both stores keep.</summary>
    public static string IsoTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
