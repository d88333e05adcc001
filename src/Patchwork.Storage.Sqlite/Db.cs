using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

/// <summary>
/// How domain values are stored: times as unix milliseconds (UTC), dates as 'yyyy-MM-dd', enums by name,
/// and lists of ids as a JSON array that SQL unpacks with <c>json_each</c>, so the query text stays constant
/// however many ids are asked for.
/// </summary>
internal static class Db
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Sets a parameter, adding it the first time, so a prepared command can be rebound row after row.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var index = command.Parameters.IndexOf(name);
        if (index >= 0)
        {
            command.Parameters[index].Value = ToDb(value);
        }
        else
        {
            command.Parameters.AddWithValue(name, ToDb(value));
        }
        return command;
    }

    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.ToUnixTimeMilliseconds(),
        DateOnly date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
        Enum name => name.ToString(),
        IReadOnlyCollection<string> ids => JsonSerializer.Serialize(ids),
        _ => value,
    };

    /// <summary>The precision the store keeps, so what a write returns equals what a later read returns.</summary>
    public static DateTimeOffset Stored(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    public static DateTimeOffset Time(this SqliteDataReader row, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(ordinal));

    public static DateTimeOffset? TimeOrNull(this SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.Time(ordinal);

    public static DateOnly Date(this SqliteDataReader row, int ordinal) =>
        DateOnly.ParseExact(row.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? DateOrNull(this SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.Date(ordinal);

    public static string? TextOrNull(this SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public static T Name<T>(this SqliteDataReader row, int ordinal) where T : struct, Enum =>
        Enum.Parse<T>(row.GetString(ordinal));
}
