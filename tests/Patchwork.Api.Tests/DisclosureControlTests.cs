using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Patchwork.Api.Reports;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;

namespace Patchwork.Api.Tests;

/// <summary>
/// The reports played as an analyst or commissioner trying to undo them: every filter combination and date the API
/// takes, on the demo district, collected and differenced. GraphQL and CSV both answer from <see cref="ReportQueries"/>
/// (ReportsTests holds them to it), so this asks it directly and can move the clock day by day.
/// </summary>
public sealed class DisclosureControlTests : IAsyncLifetime
{
    // A Wednesday afternoon: the week started two and a half days ago, the month ten days before that.
    private static readonly DateTimeOffset Start = new(2026, 11, 11, 15, 30, 0, TimeSpan.Zero);

    private readonly Clock _clock = new(Start);
    private readonly PatchworkApp _app;
    private ReportQueries _reports = null!;
    private IReadOnlyList<string> _areas = [];

    public DisclosureControlTests() =>
        _app = new PatchworkApp { ReplaceServices = services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)) };

    public async Task InitializeAsync()
    {
        _ = _app.Services;
        await _app.Services.GetRequiredService<IStoreLifecycle>().IsReadyAsync(default);
        _reports = _app.Services.GetRequiredService<ReportQueries>();
        _areas = [.. (await FamiliesAsync(Start)).Select(f => f.Area).Distinct().Order(StringComparer.Ordinal)];
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private static IEnumerable<AgencyKind?> Kinds => [null, .. Enum.GetValues<AgencyKind>().Cast<AgencyKind?>()];

    private IEnumerable<string?> Areas => [null, .. _areas];

    /// <summary>Every month end the reports take over the past year, and "now".</summary>
    private static IEnumerable<DateOnly?> AsOfDates()
    {
        var lastMonthEnd = DateOnly.FromDateTime(ReportArguments.MonthStart(Start).UtcDateTime).AddDays(-1);
        return [null, .. Enumerable.Range(0, 13).Select(m => (DateOnly?)lastMonthEnd.AddDays(1).AddMonths(-m).AddDays(-1))];
    }

    [Fact]
    public async Task No_published_count_under_any_filter_and_date_differences_into_a_count_of_one_to_four()
    {
        // What there is to hide: the district has groups of families, and areas under a kind of agency, of 1 to 4.
        var truth = await FamiliesAsync(Start);
        Assert.Contains(truth.GroupBy(f => (f.Area, FamilyNetworkGroups.Band(f.Agencies), Recency.Of(Start, f.LastContactAt))),
            g => g.Count() is >= 1 and <= 4);

        var counts = new List<(string Where, int Value)>();
        foreach (var area in Areas)
        {
            foreach (var kind in Kinds)
            {
                foreach (var asOf in AsOfDates())
                {
                    var arguments = new ReportArguments(area, kind, asOf);
                    counts.AddRange(CountsIn($"density {arguments.Describe()}", await _reports.DensityAsync(arguments, default)));
                    counts.AddRange(CountsIn($"pairs {arguments.Describe()}", await _reports.AgencyPairsAsync(arguments, default)));
                    counts.AddRange(CountsIn($"caseloads {arguments.Describe()}", await _reports.CaseloadsAsync(arguments, default)));
                    var groups = await _reports.FamilyNetworksAsync(arguments, default);
                    counts.AddRange(CountsIn($"family networks {arguments.Describe()}", groups));
                    // Counting rows is no count of families: each row is a group of at least the minimum.
                    Assert.All(groups, g => Assert.True(g.Families.Value >= FamilyNetworkGroups.DefaultMinimum, $"{arguments.Describe()}: {g}"));
                }
            }
        }

        Assert.NotEmpty(counts);
        // Every published count is a multiple of five, so every sum or difference of any of them is one too: no
        // combination of answers equals a count of 1 to 4.
        Assert.All(counts, c => Assert.True(c.Value % SmallCounts.Base == 0, $"{c.Where}: {c.Value}"));
    }

    [Fact]
    public async Task Polling_the_reports_every_day_tells_no_day_finer_than_the_week_or_the_month()
    {
        var answers = new Dictionary<DateOnly, (string FamilyNetworks, string NoContact)>();
        for (var day = 0; day < 40; day++)
        {
            _clock.Now = Start.AddDays(day);
            answers[DateOnly.FromDateTime(_clock.Now.UtcDateTime)] = (await FamilyNetworksEverywhereAsync(), await NoContactEverywhereAsync());
        }

        // Within a month the family networks never change, and within a week neither does the no-contact list, so
        // no answer can be differenced into the day a family was last contacted or an involvement began or ended.
        foreach (var month in answers.GroupBy(a => (a.Key.Year, a.Key.Month)))
        {
            Assert.Single(month.Select(a => a.Value.FamilyNetworks).Distinct());
        }
        foreach (var week in answers.GroupBy(a => DateOnly.FromDateTime(ReportArguments.WeekStart(new DateTimeOffset(a.Key.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)).UtcDateTime)))
        {
            Assert.Single(week.Select(a => a.Value.NoContact).Distinct());
        }
        // The answers do move, at the boundaries: the test is not looking at a frozen report.
        Assert.True(answers.Values.Select(a => a.NoContact).Distinct().Count() > 1);
        Assert.True(answers.Values.Select(a => a.FamilyNetworks).Distinct().Count() > 1);
    }

    [Fact]
    public async Task A_contact_or_a_new_involvement_mid_week_moves_the_no_contact_list_only_at_the_next_week_start()
    {
        var store = _app.Services.GetRequiredService<IBatchReads>();
        var changes = _app.Services.GetRequiredService<NetworkChanges>();
        var listed = await _reports.FamiliesWithoutContactAsync(new ReportArguments(Days: 30), default);
        var pseudonyms = _app.Services.GetRequiredService<Pseudonyms>();
        var reports = _app.Services.GetRequiredService<INetworkReports>();
        var (familyId, member, practitioner) = await ContactableFamilyAsync(store, listed, pseudonyms, reports);
        var before = await NoContactEverywhereAsync();

        _clock.Now = Start.AddHours(2);
        await changes.RecordContactAsync(new NewContact(member, _clock.Now, VisitMode.Phone, null),
            new Actor("attack-test", practitioner, "attack-test"), default);
        var orphan = listed.First(r => !r.HasActiveInvolvement && r.Reference != pseudonyms.Reference(familyId));
        var orphanMember = (await store.GetFamilyMembersAsync([await pseudonyms.ResolveAsync(reports, orphan.Reference, default)], default)).SelectMany(m => m.Value).First();
        await changes.JoinTeamAsync(orphanMember.Id, "Referred by the school nurse", restricted: false, new Actor("attack-test", practitioner, "attack-test"), default);

        // The rest of the week: the same list, to the byte.
        var nextWeek = ReportArguments.WeekStart(Start).AddDays(7);
        for (var t = Start.AddHours(3); t < nextWeek; t = t.AddHours(12))
        {
            _clock.Now = t;
            Assert.Equal(before, await NoContactEverywhereAsync());
        }
        // The next week, both have moved on: contacted, and supported (or off the list for good).
        _clock.Now = nextWeek.AddMinutes(1);
        var after = await _reports.FamiliesWithoutContactAsync(new ReportArguments(Days: 30), default);
        Assert.DoesNotContain(after, r => r.Reference == pseudonyms.Reference(familyId) && r.Reasons.Contains(NoContactReason.NoRecentContact));
        Assert.DoesNotContain(after, r => r.Reference == orphan.Reference && !r.HasActiveInvolvement);
    }

    [Fact]
    public async Task No_days_argument_or_band_pins_a_last_contact_closer_than_a_band()
    {
        // At one moment, every days value the list takes: what a family's listings and band allow its last contact to
        // be is a range as wide as a band, never a day.
        var at = ReportArguments.WeekStart(Start);
        var listings = new Dictionary<string, List<(int Days, ContactRecency Band)>>();
        foreach (var days in Recency.BandDays)
        {
            foreach (var row in await _reports.FamiliesWithoutContactAsync(new ReportArguments(Days: days, Reasons: [NoContactReason.NoRecentContact]), default))
            {
                (listings.TryGetValue(row.Reference, out var seen) ? seen : listings[row.Reference] = []).Add((days, row.LastContact));
            }
        }
        Assert.NotEmpty(listings);
        foreach (var (reference, seen) in listings)
        {
            var band = Assert.Single(seen.Select(s => s.Band).Distinct());
            var (from, to) = Bounds(band);
            // Listed at d means more than d days; not listed at a larger d (with a contact) means at most that.
            var latest = seen.Max(s => s.Days);
            var earliestNotListed = Recency.BandDays.Where(d => d > latest).DefaultIfEmpty(int.MaxValue).Min();
            var low = Math.Max(from, latest);
            var high = Math.Min(to, earliestNotListed);
            Assert.True(band == ContactRecency.Never || high - low >= 30, $"{reference}: between {low} and {high} days before {at:yyyy-MM-dd}");
        }
    }

    private static (int From, int To) Bounds(ContactRecency band) => band switch
    {
        ContactRecency.Never or ContactRecency.OverAYear => (365, int.MaxValue),
        _ => ((int)band == 0 ? 0 : Recency.BandDays[(int)band - 1], Recency.BandDays[(int)band]),
    };

    private async Task<string> FamilyNetworksEverywhereAsync()
    {
        var answers = new List<object>();
        foreach (var area in Areas)
        {
            answers.Add(await _reports.FamilyNetworksAsync(new ReportArguments(area), default));
        }
        foreach (var kind in Kinds.OfType<AgencyKind>())
        {
            answers.Add(await _reports.FamilyNetworksAsync(new ReportArguments(null, kind), default));
        }
        return JsonSerializer.Serialize(answers);
    }

    private async Task<string> NoContactEverywhereAsync()
    {
        var answers = new List<object>();
        foreach (var days in Recency.BandDays)
        {
            foreach (var area in Areas)
            {
                answers.Add(await _reports.FamiliesWithoutContactAsync(new ReportArguments(area, null, Days: days), default));
            }
            foreach (var kind in Kinds.OfType<AgencyKind>())
            {
                answers.Add(await _reports.FamiliesWithoutContactAsync(new ReportArguments(null, kind, Days: days), default));
            }
        }
        return JsonSerializer.Serialize(answers);
    }

    /// <summary>A listed family with someone in a member's team who can record a contact with that member.</summary>
    private static async Task<(string FamilyId, string Member, string Practitioner)> ContactableFamilyAsync(
        IBatchReads store, IReadOnlyList<NoContactRow> listed, Pseudonyms pseudonyms, INetworkReports reports)
    {
        foreach (var row in listed.Where(r => r.HasActiveInvolvement && r.Reasons.Contains(NoContactReason.NoRecentContact)))
        {
            var familyId = await pseudonyms.ResolveAsync(reports, row.Reference, default);
            var members = (await store.GetFamilyMembersAsync([familyId], default))[familyId].Select(m => m.Id).ToList();
            var teams = await store.GetClientTeamsAsync(members, default);
            foreach (var member in members)
            {
                if (teams[member].FirstOrDefault(t => !t.Restricted) is { } worker)
                {
                    return (familyId, member, worker.Practitioner.Id);
                }
            }
        }
        throw new InvalidOperationException("The demo district has no listed family with a team to contact it.");
    }

    private Task<IReadOnlyList<FamilyNetwork>> FamiliesAsync(DateTimeOffset at) =>
        _app.Services.GetRequiredService<INetworkReports>().GetFamilyNetworksAsync(new ReportFilter(null, null, at), withVisits: true, default);

    private static IEnumerable<(string, int)> CountsIn(string where, object report) =>
        Published(JsonSerializer.SerializeToElement(report)).Select(v => (where, v));

    // Every PublishedCount in a report, found by its shape ({"Value": n}) wherever it sits.
    private static IEnumerable<int> Published(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("Value", out var value) && value.ValueKind == JsonValueKind.Number
            && element.EnumerateObject().Count() <= 2 => [value.GetInt32()],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Published(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Published),
        _ => [],
    };

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
