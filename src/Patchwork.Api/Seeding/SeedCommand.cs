using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Seeding;

namespace Patchwork.Api.Seeding;

/// <summary>
/// <c>seed --size small|county [--seed N]</c>: loads a generated network into the configured store, which must be
/// empty. The network is generated in pieces on one thread while the store loads the previous piece on another,
/// so a county never has to be held whole; progress is shown as it goes.
/// </summary>
public static class SeedCommand
{
    /// <summary>Families per piece: big enough to keep the store busy, small enough to keep memory flat.</summary>
    private const int FamiliesPerPiece = 2_000;

    public static bool IsRequested(string[] args) => args is ["seed", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var size = OptionValue(args, "--size") ?? "small";
        if (!Enum.TryParse<SeedSize>(size, ignoreCase: true, out var seedSize) || !Enum.IsDefined(seedSize))
        {
            await Console.Error.WriteLineAsync($"Unknown size '{size}'. Sizes: {string.Join(", ", Enum.GetNames<SeedSize>()).ToLowerInvariant()}.");
            return 2;
        }
        var seedText = OptionValue(args, "--seed");
        var seed = services.GetRequiredService<IOptions<DemoOptions>>().Value.RandomSeed;
        if (seedText is not null && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            await Console.Error.WriteLineAsync("--seed takes a whole number.");
            return 2;
        }
        var store = services.GetRequiredService<StorePorts>();
        if (!await store.Lifecycle.IsEmptyAsync(cancellationToken))
        {
            await Console.Error.WriteLineAsync("The store already holds a network; seed only into an empty store.");
            return 1;
        }

        var profile = SeedProfile.For(seedSize);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var name = seedSize.ToString().ToLowerInvariant();
        var display = new SeedProgress(name, profile.Families);
        var pieces = Generate(profile, seed, now, cancellationToken);
        await store.Import.ImportAsync(pieces.Reader.ReadAllAsync(cancellationToken), display, cancellationToken);
        display.Finish(profile.Agencies, profile.Practitioners);
        return 0;
    }

    /// <summary>Generates the pieces on a worker thread, at most two ahead of the store.</summary>
    private static Channel<NetworkSnapshot> Generate(SeedProfile profile, int seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<NetworkSnapshot>(new BoundedChannelOptions(2)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var piece in DemoNetwork.GenerateInBatches(profile, seed, now, FamiliesPerPiece))
                {
                    await channel.Writer.WriteAsync(piece, cancellationToken);
                }
                channel.Writer.TryComplete();
            }
            catch (Exception e)
            {
                // Whatever stopped the generator reaches the store's loop, which rolls the load back.
                channel.Writer.TryComplete(e);
            }
        }, cancellationToken);
        return channel;
    }

    private static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>
    /// Shows how far the load has got: one line redrawn in place on a terminal, or a line every tenth of the way
    /// when the output goes to a file or a pipe.
    /// </summary>
    private sealed class SeedProgress(string size, int familiesWanted) : IProgress<ImportProgress>
    {
        private const int BarWidth = 24;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly bool _redraw = !Console.IsOutputRedirected;
        private readonly Lock _gate = new();
        private ImportProgress _last = new(ImportStage.Loading, 0, 0, 0, 0);
        private int _lastTenth = -1;
        private TimeSpan _lastDrawn = TimeSpan.MinValue;

        public void Report(ImportProgress value)
        {
            lock (_gate)
            {
                _last = value;
                var elapsed = _clock.Elapsed;
                switch (value.Stage)
                {
                    case ImportStage.Loading:
                        var share = familiesWanted == 0 ? 1 : Math.Min(1, value.Families / (double)familiesWanted);
                        var tenth = (int)(share * 10);
                        if (_redraw ? elapsed - _lastDrawn >= TimeSpan.FromMilliseconds(200) || share >= 1 : tenth > _lastTenth)
                        {
                            Write(LoadingLine(value, share, elapsed), final: false);
                            (_lastTenth, _lastDrawn) = (tenth, elapsed);
                        }
                        break;
                    case ImportStage.Indexing:
                        if (_redraw || _lastTenth < 10)
                        {
                            Write(LoadingLine(value, 1, elapsed), final: true);
                        }
                        Write($"Building indexes and the name search for {value.Clients:N0} clients and {value.Visits:N0} visits …", final: true);
                        break;
                    default:
                        break;
                }
            }
        }

        public void Finish(int agencies, int practitioners)
        {
            lock (_gate)
            {
                Write($"Seeded {size} in {Clock(_clock.Elapsed)}: {agencies:N0} agencies, {practitioners:N0} practitioners, " +
                    $"{_last.Families:N0} families, {_last.Clients:N0} clients, {_last.Involvements:N0} involvements, " +
                    $"{_last.Visits:N0} visits.", final: true);
            }
        }

        private static string LoadingLine(ImportProgress value, double share, TimeSpan elapsed)
        {
            var filled = (int)Math.Round(share * BarWidth);
            var left = share is > 0.02 and < 1 ? $", about {Clock(elapsed * ((1 - share) / share))} to go" : "";
            return $"Loading [{new string('#', filled)}{new string('.', BarWidth - filled)}] {share,4:P0}  " +
                $"{value.Families:N0} families, {value.Clients:N0} clients, {value.Visits:N0} visits  {Clock(elapsed)}{left}";
        }

        private void Write(string line, bool final)
        {
            if (_redraw)
            {
                Console.Write($"\r{line}\u001b[K{(final ? Environment.NewLine : "")}");
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        private static string Clock(TimeSpan time) => time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
    }
}
