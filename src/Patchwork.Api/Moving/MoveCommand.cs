using Microsoft.Extensions.Options;

namespace Patchwork.Api.Moving;

/// <summary>
/// <c>move --from sqlite --to neo4j</c> (or back): copies everything one store holds into another, with progress, and
/// checks the counts of both sides at the end. Each side is opened from the app's own settings (Storage:Sqlite:Path,
/// Neo4j:*), with <c>Move:From:*</c> / <c>Move:To:*</c> laid over them for that side alone, which is how a move between
/// two stores of one kind names the second (<c>--Move:To:Storage:Sqlite:Path=copy.db</c>). Exit codes: 0 moved and
/// every count agrees, 1 refused or the counts differ, 2 the command line is wrong.
/// </summary>
public static class MoveCommand
{
    public const string From = "From";
    public const string To = "To";

    public static bool IsRequested(string[] args) => args is ["move", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var (from, to) = (OptionValue(args, "--from"), OptionValue(args, "--to"));
        if (from is null || to is null)
        {
            await Console.Error.WriteLineAsync(
                "Usage: move --from <provider> --to <provider>, e.g. move --from sqlite --to neo4j. Each side's settings are the " +
                "app's own (Storage:Sqlite:Path, Neo4j:*), overridden for one side by Move:From:* or Move:To:*.");
            return 2;
        }
        try
        {
            await using var source = await MoveEnd.OpenAsync(services, From, from, cancellationToken);
            await using var target = await MoveEnd.OpenAsync(services, To, to, cancellationToken);
            if (SameSettings(source.Settings, target.Settings))
            {
                throw new MoveRefusedException(
                    "--from and --to are the same store. Point one side elsewhere with Move:From:* or Move:To:* settings.");
            }
            var display = new MoveDisplay(Console.Out);
            display.Describe(source, target);
            return await new NetworkMove(source, target, display).RunAsync(cancellationToken) ? 0 : 1;
        }
        catch (Exception refused) when (refused is MoveRefusedException or OptionsValidationException)
        {
            var reason = refused is OptionsValidationException invalid ? string.Join(" ", invalid.Failures) : refused.Message;
            await Console.Error.WriteLineAsync($"The move did not run: {reason}");
            return 1;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync(
                $"The move failed: {failure.Message} Running it again is safe: it merges what is already in the target.");
            return 1;
        }
    }

    private static bool SameSettings(IConfiguration one, IConfiguration other)
    {
        static Dictionary<string, string?> Flat(IConfiguration settings) =>
            settings.AsEnumerable().Where(p => !p.Key.StartsWith("Move:", StringComparison.OrdinalIgnoreCase) && p.Key != "Move")
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var (a, b) = (Flat(one), Flat(other));
        return a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var value) && value == p.Value);
    }

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
