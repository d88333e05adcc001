using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Seeding;

namespace Patchwork.Storage.Tests.Seeding;

public sealed partial class DemoNetworkTests
{
    private static readonly DateTimeOffset Now = At("2025-03-14T09:41:27.513+00:00");

    private static DateTimeOffset At(string when) => DateTimeOffset.Parse(when, CultureInfo.InvariantCulture);

    private static NetworkSnapshot Small(int seed, string now) => DemoNetwork.Generate(SeedSize.Small, seed, At(now));

    private static string Serialised(NetworkSnapshot snapshot) => JsonSerializer.Serialize(snapshot);

    // ---- Determinism ------------------------------------------------------------------------------------

    [Fact]
    public void The_same_seed_and_now_give_the_same_network()
    {
        var first = DemoNetwork.Generate(SeedSize.Small, 7, Now);
        var second = DemoNetwork.Generate(SeedSize.Small, 7, Now);

        Assert.Equal(Serialised(first), Serialised(second));
        Assert.Equal(first.Clients, second.Clients);
        Assert.Equal(first.Visits, second.Visits);
    }

    [Fact]
    public void Now_counts_only_to_the_minute()
    {
        var early = DemoNetwork.Generate(SeedSize.Small, 7, At("2025-03-14T09:41:00.000+00:00"));
        var late = DemoNetwork.Generate(SeedSize.Small, 7, At("2025-03-14T09:41:59.999+00:00"));
        var nextDay = DemoNetwork.Generate(SeedSize.Small, 7, At("2025-03-15T09:41:00.000+00:00"));

        Assert.Equal(Serialised(early), Serialised(late));
        Assert.NotEqual(Serialised(early), Serialised(nextDay));
    }

    [Fact]
    public void Different_seeds_give_different_networks()
    {
        var one = DemoNetwork.Generate(SeedSize.Small, 1, Now);
        var two = DemoNetwork.Generate(SeedSize.Small, 2, Now);

        Assert.NotEqual(Serialised(one), Serialised(two));
        Assert.Empty(one.Clients.Select(c => c.Id).Intersect(two.Clients.Select(c => c.Id)));
        Assert.NotEqual(
            one.Clients.Select(c => c.DisplayName).Skip(10).Take(50),
            two.Clients.Select(c => c.DisplayName).Skip(10).Take(50));
    }

    [Fact]
    public void Batches_add_up_to_the_whole_network()
    {
        var whole = DemoNetwork.Generate(SeedSize.Small, 11, Now);
        var batches = DemoNetwork.GenerateInBatches(SeedProfile.Small, 11, Now, familiesPerBatch: 30).ToList();

        Assert.Equal(7, batches.Count);
        Assert.All(batches.Skip(1), b => Assert.Empty(b.Agencies));
        Assert.All(batches.Skip(1), b => Assert.Empty(b.Practitioners));
        Assert.All(batches.SkipLast(1), b => Assert.Equal(30, b.Families.Count));
        var joined = new NetworkSnapshot(
            [.. batches.SelectMany(b => b.Agencies)],
            [.. batches.SelectMany(b => b.Practitioners)],
            [.. batches.SelectMany(b => b.Families)],
            [.. batches.SelectMany(b => b.Clients)],
            [.. batches.SelectMany(b => b.Involvements)],
            [.. batches.SelectMany(b => b.Visits)]);
        Assert.Equal(Serialised(whole), Serialised(joined));
    }

    // ---- Shape and counts -------------------------------------------------------------------------------

    public static TheoryData<int, string> Networks => new()
    {
        { 1, "2025-03-14T09:41:27.513+00:00" },
        { 42, "2025-07-06T23:59:59+01:00" },
        { 2024, "2024-12-31T12:00:00-05:00" },
        { -7, "2026-02-28T06:15:00+00:00" },
        { 123456789, "2025-11-02T14:30:00+13:00" },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Counts_are_those_of_a_small_district(int seed, string now)
    {
        var network = Small(seed, now);

        Assert.InRange(network.Agencies.Count, 18, 24);
        Assert.InRange(network.Practitioners.Count, 45, 55);
        Assert.Equal(2, network.Practitioners.Count(p => p.Status == PractitionerStatus.Left));
        Assert.InRange(network.Families.Count, 190, 210);
        var householdSizes = network.Clients.CountBy(c => c.FamilyId!).Select(g => g.Value).ToList();
        Assert.All(householdSizes, n => Assert.InRange(n, 1, 6));
        Assert.Contains(1, householdSizes);
        Assert.Contains(6, householdSizes);
        Assert.InRange(network.Clients.Count, 500, 900);
        Assert.InRange(network.Involvements.Count, 400, 1200);

        var pastPerInvolvement = network.Visits.Count(v => v.Status != VisitStatus.Planned) / (double)network.Involvements.Count;
        Assert.InRange(pastPerInvolvement, 2.5, 10);
        Assert.InRange(network.Visits.Count(v => v.Status == VisitStatus.Planned), 200, 1000);
    }

    [Fact]
    public void Every_kind_of_agency_is_there_with_restricted_services_and_one_suspended_agreement()
    {
        var network = DemoNetwork.Generate(SeedSize.Small, 5, Now);
        var today = DateOnly.FromDateTime(Now.DateTime);

        Assert.Equal(Enum.GetValues<AgencyKind>().Order(), network.Agencies.Select(a => a.Kind).Distinct().Order());
        Assert.True(network.Agencies.Count(a => a.RestrictedService) >= 2);
        Assert.Contains(network.Agencies, a => a.RestrictedService && a.Name.Contains("Sexual Health", StringComparison.Ordinal));
        Assert.Contains(network.Agencies, a => a.RestrictedService && a.Name.Contains("Women's Aid", StringComparison.Ordinal));

        var suspended = Assert.Single(network.Agencies, a => a.Agreement.Status != AgreementStatus.Active);
        Assert.Equal(AgreementStatus.Suspended, suspended.Agreement.Status);
        Assert.False(suspended.Agreement.IsInForce(today));
        Assert.Contains(network.Practitioners, p => p.AgencyId == suspended.Id);

        Assert.All(network.Agencies.Where(a => a != suspended), a =>
        {
            Assert.True(a.Agreement.IsInForce(today));
            Assert.True(a.Agreement.SignedOn < today);
            Assert.True(a.Agreement.ExpiresOn > today);
        });
        Assert.Equal(network.Agencies.Count, network.Agencies.Select(a => a.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_value_passes_the_domain_rules(int seed, string now) =>
        AssertValuesPassTheRules(Small(seed, now), At(now));

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_reference_is_to_something_in_the_network(int seed, string now) =>
        AssertReferencesHold(Small(seed, now));

    [Theory]
    [MemberData(nameof(Networks))]
    public void Preferred_contact_always_names_a_method_that_is_set(int seed, string now)
    {
        var network = Small(seed, now);

        Assert.All(network.Practitioners, p =>
        {
            var details = new ContactDetails(p.Email, p.Mobile, p.Landline, p.PreferredContact).Validated();
            Assert.Equal(new ContactDetails(p.Email, p.Mobile, p.Landline, p.PreferredContact), details);
        });
        // Not everybody prefers the same: the demo shows all three.
        Assert.Equal(3, network.Practitioners.Select(p => p.PreferredContact).Distinct().Count());
        Assert.Contains(network.Practitioners, p => p.Mobile is null);
        Assert.Contains(network.Practitioners, p => p.Landline is null);
    }

    [Fact]
    public void Names_include_diacritics_apostrophes_and_hyphens()
    {
        var names = Enumerable.Range(1, 3)
            .SelectMany(seed => DemoNetwork.Generate(SeedSize.Small, seed, Now).Clients)
            .SelectMany(c => new[] { c.GivenName, c.FamilyName })
            .ToList();

        Assert.Contains(names, n => n.Any(c => c > 127));
        Assert.Contains(names, n => n.Contains('\'', StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains('-', StringComparison.Ordinal));
        Assert.Contains(names, n => n == "Zoë" || n == "Chloë" || n == "Esmé" || n == "Renée");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Dates_of_birth_fit_the_relationships(int seed, string now)
    {
        var network = Small(seed, now);
        var today = DateOnly.FromDateTime(At(now).DateTime);
        static int Years(DateOnly older, DateOnly younger) =>
            younger.Year - older.Year - (younger < older.AddYears(younger.Year - older.Year) ? 1 : 0);

        Assert.All(network.Clients.GroupBy(c => c.FamilyId), family =>
        {
            var members = family.ToList();
            var children = members.Where(m => m.FamilyRelationship is "child" or "grandchild").ToList();
            var parents = members.Where(m => m.FamilyRelationship == "parent").ToList();
            var grandparents = members.Where(m => m.FamilyRelationship == "grandparent").ToList();
            Assert.All(children, c => Assert.True(Years(c.DateOfBirth, today) <= 21));
            Assert.All(parents, p => Assert.True(Years(p.DateOfBirth, today) >= 18));
            Assert.All(members.Where(m => m.FamilyRelationship == "householder"), h => Assert.True(Years(h.DateOfBirth, today) >= 18));
            foreach (var child in children.Where(c => c.FamilyRelationship == "child"))
            {
                Assert.All(parents, p => Assert.True(Years(p.DateOfBirth, child.DateOfBirth) >= 17,
                    $"{p.DisplayName} is too young to be {child.DisplayName}'s parent."));
            }
            foreach (var child in children)
            {
                Assert.All(grandparents, g => Assert.True(Years(g.DateOfBirth, child.DateOfBirth) >= 36,
                    $"{g.DisplayName} is too young to be {child.DisplayName}'s grandparent."));
            }
            Assert.All(grandparents, g => Assert.All(parents, p => Assert.True(Years(g.DateOfBirth, p.DateOfBirth) >= 19)));
        });
        Assert.Contains(network.Clients, c => c.FamilyRelationship == "grandparent");
        Assert.Contains(network.Clients, c => c.FamilyRelationship == "partner");
        Assert.Contains(network.Clients, c => Years(c.DateOfBirth, today) == 0);
        Assert.Contains(network.Clients, c => Years(c.DateOfBirth, today) >= 80);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_few_clients_are_shielded_and_most_have_an_nhs_number(int seed, string now)
    {
        var network = Small(seed, now);
        var shieldedFamilies = network.Clients.Where(c => c.Shielded).Select(c => c.FamilyId).Distinct().Count();

        Assert.InRange(shieldedFamilies, 1, network.Families.Count / 10);
        Assert.All(network.Clients.GroupBy(c => c.FamilyId), f => Assert.Single(f.Select(c => c.Shielded).Distinct()));
        Assert.InRange(network.Clients.Count(c => c.NhsNumber is not null), network.Clients.Count * 8 / 10, network.Clients.Count - 1);
    }

    // ---- Teams and visits -------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Networks))]
    public void Teams_are_skewed_as_in_real_districts(int seed, string now)
    {
        var network = Small(seed, now);
        var familyOf = network.Clients.ToDictionary(c => c.Id, c => c.FamilyId);
        var current = network.Involvements.Where(i => i.EndedOn is null).ToList();
        var teamSizes = network.Families.ToDictionary(f => f.Id, _ => 0);
        foreach (var team in current.GroupBy(i => familyOf[i.ClientId]!))
        {
            teamSizes[team.Key] = team.Select(i => i.PractitionerId).Distinct().Count();
        }

        Assert.True(teamSizes.Values.Count(n => n is >= 1 and <= 3) >= network.Families.Count * 6 / 10, "Most families have 1–3 practitioners.");
        Assert.Contains(teamSizes.Values, n => n >= 8);
        Assert.Contains(teamSizes.Values, n => n == 0);

        var caseloads = network.Practitioners
            .Select(p => current.Where(i => i.PractitionerId == p.Id).Select(i => i.ClientId).Distinct().Count())
            .Order()
            .ToList();
        var median = caseloads[caseloads.Count / 2];
        Assert.True(caseloads[^1] >= 2.5 * median, $"Largest caseload {caseloads[^1]}, median {median}.");

        Assert.InRange(network.Involvements.Count(i => i.Restricted), 1, network.Involvements.Count / 6);
        Assert.InRange(network.Involvements.Count(i => i.EndedOn is not null), 1, network.Involvements.Count / 4);
        Assert.All(network.Involvements.Where(i => i.EndedOn is not null), i => Assert.False(string.IsNullOrWhiteSpace(i.EndReason)));
        Assert.All(network.Involvements.Where(i => i.EndedOn is null), i => Assert.Null(i.EndReason));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Restricted_services_restrict_every_involvement_and_visit(int seed, string now)
    {
        var network = Small(seed, now);
        var agencyOf = network.Practitioners.ToDictionary(p => p.Id, p => network.Agencies.Single(a => a.Id == p.AgencyId));
        var involvementRestricted = network.Involvements
            .GroupBy(i => (i.PractitionerId, i.ClientId))
            .ToDictionary(g => g.Key, g => g.Any(i => i.Restricted));

        Assert.All(network.Involvements, i => Assert.Equal(agencyOf[i.PractitionerId].RestrictedService, i.Restricted));
        Assert.All(network.Visits, v => Assert.Equal(involvementRestricted[(v.PractitionerId, v.ClientId)], v.Restricted));
        Assert.Contains(network.Visits, v => v.Restricted);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Leavers_have_no_current_involvements_or_planned_visits(int seed, string now)
    {
        var network = Small(seed, now);
        var leavers = network.Practitioners.Where(p => p.Status == PractitionerStatus.Left).Select(p => p.Id).ToHashSet();

        Assert.NotEmpty(leavers);
        Assert.DoesNotContain(network.Involvements, i => leavers.Contains(i.PractitionerId) && i.EndedOn is null);
        Assert.DoesNotContain(network.Visits, v => leavers.Contains(v.PractitionerId) && v.Status == VisitStatus.Planned);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Visits_sit_where_they_should_relative_to_now(int seed, string now)
    {
        var network = Small(seed, now);
        var clock = At(now);
        var involvements = network.Involvements.ToLookup(i => (i.PractitionerId, i.ClientId));

        foreach (var visit in network.Visits)
        {
            var involvement = involvements[(visit.PractitionerId, visit.ClientId)].Single();
            var when = visit.CompletedAt ?? visit.ScheduledFor!.Value;
            Assert.True(when > involvement.Since, "A visit comes after the involvement began.");
            Assert.True(involvement.EndedOn is null || when < involvement.EndedOn, "A visit comes before the involvement ended.");
            switch (visit.Status)
            {
                case VisitStatus.Planned:
                    Assert.Null(visit.CompletedAt);
                    Assert.Null(involvement.EndedOn);
                    Assert.InRange(visit.ScheduledFor!.Value, clock, clock.AddDays(42));
                    Assert.NotEqual(VisitMode.Email, visit.Mode);
                    break;
                case VisitStatus.Completed:
                    Assert.NotNull(visit.CompletedAt);
                    Assert.InRange(visit.CompletedAt.Value, clock.AddDays(-366), clock);
                    Assert.True(visit.ScheduledFor is null || visit.ScheduledFor <= visit.CompletedAt);
                    break;
                default:
                    Assert.Null(visit.CompletedAt);
                    Assert.InRange(visit.ScheduledFor!.Value, clock.AddDays(-366), clock);
                    break;
            }
        }

        var past = network.Visits.Where(v => v.Status != VisitStatus.Planned).ToList();
        Assert.True(past.Count(v => v.Status == VisitStatus.Completed) >= past.Count * 7 / 10, "Most past visits took place.");
        Assert.Contains(past, v => v.Status == VisitStatus.Cancelled);
        Assert.Contains(past, v => v.Status == VisitStatus.Missed);
        Assert.Contains(past, v => v.Status == VisitStatus.Completed && v.ScheduledFor is null);
        Assert.Equal(VisitMode.HomeVisit, network.Visits.CountBy(v => v.Mode).MaxBy(m => m.Value).Key);
        Assert.Equal(6, network.Visits.Select(v => v.Mode).Distinct().Count());
        Assert.All(network.Visits.Where(v => v.Status == VisitStatus.Planned).Select(v => v.ScheduledFor!.Value),
            t => Assert.True(t.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_time_is_on_a_whole_minute_in_the_offset_of_now(int seed, string now)
    {
        var network = Small(seed, now);
        var offset = At(now).Offset;
        var times = network.Involvements.SelectMany(i => new[] { i.Since, i.EndedOn })
            .Concat(network.Visits.SelectMany(v => new[] { v.ScheduledFor, v.CompletedAt }))
            .OfType<DateTimeOffset>()
            .ToList();

        Assert.NotEmpty(times);
        Assert.All(times, t =>
        {
            Assert.Equal(0, t.Ticks % TimeSpan.TicksPerMinute);
            Assert.Equal(offset, t.Offset);
        });
    }

    // ---- The walk-through and the accounts --------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_walk_through_holds(int seed, string now)
    {
        var network = Small(seed, now);
        var clock = At(now);
        var today = DateOnly.FromDateTime(clock.DateTime);
        var tour = DemoNetwork.WalkThrough;

        var practitioner = Assert.Single(network.Practitioners, p => p.Email == tour.PractitionerEmail);
        Assert.Equal(tour.PractitionerName, practitioner.Name);
        Assert.Equal(tour.PractitionerSubject, practitioner.Subject);
        Assert.Equal(PractitionerStatus.Active, practitioner.Status);
        Assert.True(network.Agencies.Single(a => a.Id == practitioner.AgencyId).Agreement.IsInForce(today));

        // The search finds the client, and only the one family.
        var client = Assert.Single(network.Clients, c => c.DisplayName == tour.ClientName);
        var found = network.Clients.Where(c => c.DisplayName.Contains(tour.SearchText, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains(client, found);
        Assert.Single(found.Select(c => c.FamilyId).Distinct());
        var family = network.Families.Single(f => f.Id == client.FamilyId);
        Assert.Equal(tour.FamilyName, family.Name);
        var members = network.Clients.Where(c => c.FamilyId == family.Id).ToList();
        Assert.True(members.Count >= 3);
        Assert.DoesNotContain(members, m => m.Shielded);

        // The practitioner is not around this family, but around others.
        var memberIds = members.Select(m => m.Id).ToHashSet();
        Assert.DoesNotContain(network.Involvements, i => i.PractitionerId == practitioner.Id && memberIds.Contains(i.ClientId));
        Assert.True(network.Involvements.Count(i => i.PractitionerId == practitioner.Id && i.EndedOn is null) >= 3);

        // The family has a team worth seeing.
        var team = network.Involvements.Where(i => memberIds.Contains(i.ClientId) && i.EndedOn is null).ToList();
        var teamPractitioners = network.Practitioners.Where(p => team.Any(i => i.PractitionerId == p.Id)).ToList();
        Assert.True(teamPractitioners.Count >= 3);
        Assert.True(teamPractitioners.Select(p => p.AgencyId).Distinct().Count() >= 2);
        Assert.Contains(team, i => i.Restricted);
        Assert.Contains(team, i => !i.Restricted);
        Assert.All(teamPractitioners, p => Assert.Equal(PractitionerStatus.Active, p.Status));
        Assert.Contains(network.Visits, v => memberIds.Contains(v.ClientId) && v.Status == VisitStatus.Planned && v.ScheduledFor > clock);
        Assert.Contains(network.Visits, v => memberIds.Contains(v.ClientId) && v.Status == VisitStatus.Completed);
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Accounts_cover_every_role_and_sign_in_as_real_practitioners(int seed, string now)
    {
        var network = Small(seed, now);
        var accounts = DemoNetwork.Accounts(network);
        var today = DateOnly.FromDateTime(At(now).DateTime);

        Assert.Equal(DemoRoles.All.Order(), accounts.Select(a => a.Role).Distinct().Order());
        Assert.Equal(accounts.Count, accounts.Select(a => a.Email).Distinct().Count());
        Assert.Equal(accounts.Count, accounts.Select(a => a.Subject).Distinct().Count());
        Assert.All(accounts, a => Assert.Equal(a.Email, Check.Email(a.Email, "email")));
        Assert.Equal(DemoNetwork.WalkThrough.PractitionerEmail, accounts[0].Email);

        var practitionerAccounts = accounts.Where(a => a.Role == DemoRoles.Practitioner).ToList();
        Assert.InRange(practitionerAccounts.Count, 4, 6);
        var signedInAs = practitionerAccounts.Select(a =>
        {
            var practitioner = Assert.Single(network.Practitioners, p => p.Id == a.PractitionerId);
            Assert.Equal(practitioner.Subject, a.Subject);
            Assert.Equal(practitioner.Email, a.Email);
            Assert.Equal(PractitionerStatus.Active, practitioner.Status);
            Assert.Equal((practitioner.Name, practitioner.Role), (a.Name, a.Job));
            Assert.Contains(network.Involvements, i => i.PractitionerId == practitioner.Id && i.EndedOn is null);
            var agency = network.Agencies.Single(ag => ag.Id == practitioner.AgencyId);
            Assert.Equal(agency.Name, a.Agency);
            return (Practitioner: practitioner, Agency: agency);
        }).ToList();
        Assert.Contains(signedInAs, s => s.Practitioner.Role == "Social worker");
        Assert.Contains(signedInAs, s => s.Practitioner.Role == "District nurse");
        Assert.Contains(signedInAs, s => s.Practitioner.Role == "Firefighter (home safety)");
        Assert.Contains(signedInAs, s => s.Agency.RestrictedService);
        Assert.Contains(signedInAs, s => !s.Agency.Agreement.IsInForce(today));

        Assert.All(accounts.Where(a => a.Role != DemoRoles.Practitioner), a =>
        {
            Assert.Null(a.PractitionerId);
            Assert.Equal($"demo-{a.Role}", a.Subject);
            Assert.Equal($"{a.Role}@eastmere-council.example", a.Email);
            Assert.Equal("Eastmere County Council", a.Agency);
            Assert.False(string.IsNullOrWhiteSpace(a.Name) || string.IsNullOrWhiteSpace(a.Job));
        });
    }

    [Fact]
    public void Accounts_are_the_same_whatever_the_seed()
    {
        static IEnumerable<(string, string, string)> Sign(NetworkSnapshot n) =>
            DemoNetwork.Accounts(n).Select(a => (a.Email, a.Role, a.Subject));

        Assert.Equal(Sign(DemoNetwork.Generate(SeedSize.Small, 1, Now)), Sign(DemoNetwork.Generate(SeedSize.Small, 99, Now)));
    }

    [Fact]
    public void Accounts_refuse_a_network_without_the_demo_practitioners()
    {
        var network = DemoNetwork.Generate(SeedSize.Small, 1, Now);
        var without = network with { Practitioners = [.. network.Practitioners.Where(p => !p.Subject.StartsWith("demo-", StringComparison.Ordinal))] };

        Assert.Throws<ArgumentException>(() => DemoNetwork.Accounts(without));
    }

    // ---- Profiles ---------------------------------------------------------------------------------------

    [Fact]
    public void Each_size_has_a_profile()
    {
        Assert.All(Enum.GetValues<SeedSize>(), size => Assert.NotNull(SeedProfile.For(size)));
        Assert.Same(SeedProfile.Small, SeedProfile.For(SeedSize.Small));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedProfile.For((SeedSize)99));
    }

    [Fact]
    public void A_larger_profile_keeps_every_rule()
    {
        var profile = SeedProfile.Small with { Agencies = 60, Practitioners = 400, LeftPractitioners = 12, Families = 2_000 };
        var network = DemoNetwork.Generate(profile, 8, Now);

        Assert.Equal(60, network.Agencies.Count);
        Assert.Equal(400, network.Practitioners.Count);
        Assert.Equal(2_000, network.Families.Count);
        Assert.Equal(network.Agencies.Count, network.Agencies.Select(a => a.Name).Distinct().Count());
        Assert.Equal(network.Agencies.Count, network.Agencies.Select(a => a.DutyEmail).Distinct().Count());
        AssertValuesPassTheRules(network, Now);
        AssertReferencesHold(network);
    }

    [Fact]
    public void A_profile_that_cannot_hold_the_demo_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DemoNetwork.Generate(SeedProfile.Small with { Agencies = 5 }, 1, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DemoNetwork.Generate(SeedProfile.Small with { Practitioners = 10 }, 1, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DemoNetwork.Generate(SeedProfile.Small with { MembersPerFamily = (1, 9) }, 1, Now));
    }

    // ---- Shared assertions ------------------------------------------------------------------------------

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex GeneratedId();

    [GeneratedRegex("^(07700900[0-9]{3}|01632960[0-9]{3})$")]
    private static partial Regex DramaNumber();

    [GeneratedRegex("^EM[1-9]$")]
    private static partial Regex EastmereDistrict();

    private static void AssertValuesPassTheRules(NetworkSnapshot network, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.DateTime);
        static void Same(string value, Func<string, string> check) => Assert.Equal(value, check(value));
        static void Phone(string? value)
        {
            if (value is not null)
            {
                Assert.Equal(value, Check.UkPhone(value, "phone"));
                Assert.Matches(DramaNumber(), value);
            }
        }
        static void Email(string? value)
        {
            if (value is not null)
            {
                Assert.Equal(value, Check.Email(value, "email"));
                Assert.EndsWith(".example", value, StringComparison.Ordinal);
            }
        }

        Assert.All(network.Agencies, a =>
        {
            Same(a.Id, v => Check.Id(v, "id"));
            Same(a.Name, v => Check.Name(v, "name"));
            Phone(a.DutyPhone);
            Email(a.DutyEmail);
        });
        Assert.All(network.Practitioners, p =>
        {
            Same(p.Id, v => Check.Id(v, "id"));
            Same(p.Name, v => Check.Name(v, "name"));
            Same(p.Role, v => Check.Text(v, "role", 100));
            Same(p.Subject, v => Check.Text(v, "subject", 100));
            Email(p.Email);
            Phone(p.Mobile);
            Phone(p.Landline);
            Assert.True(p.Mobile is null || p.Mobile.StartsWith("07", StringComparison.Ordinal));
            Assert.True(p.Landline is null || p.Landline.StartsWith("01", StringComparison.Ordinal));
        });
        Assert.All(network.Families, f =>
        {
            Same(f.Id, v => Check.Id(v, "id"));
            Same(f.Name, v => Check.Text(v, "name", 100));
            Same(f.Area, v => Check.Text(v, "area", 100));
            Assert.Matches("^the .+ household$", f.Name);
            Assert.StartsWith("Eastmere / ", f.Area, StringComparison.Ordinal);
        });
        Assert.InRange(network.Families.Select(f => f.Area).Distinct().Count(), 6, 8);
        Assert.All(network.Clients, c =>
        {
            Same(c.Id, v => Check.Id(v, "id"));
            var registered = new NewClient(c.GivenName, c.FamilyName, c.DateOfBirth, c.Address, c.Postcode, c.NhsNumber,
                c.Shielded, "Seeded for the demo").Validated(today);
            Assert.Equal(registered, new NewClient(c.GivenName, c.FamilyName, c.DateOfBirth, c.Address, c.Postcode,
                c.NhsNumber, c.Shielded, "Seeded for the demo"));
            Assert.Matches(EastmereDistrict(), Check.PostcodeDistrict(c.Postcode));
            Assert.True(c.NhsNumber is null || c.NhsNumber.StartsWith("999", StringComparison.Ordinal));
            Same(c.FamilyRelationship!, v => Check.Text(v, "relationship", 50));
        });
        Assert.All(network.Involvements, i =>
        {
            Same(i.Reason, Check.Reason);
            if (i.EndReason is not null)
            {
                Same(i.EndReason, Check.Reason);
            }
        });
        Assert.All(network.Visits, v => Same(v.Id, id => Check.Id(id, "id")));
        Assert.All(network.Agencies.Select(a => a.Id)
            .Concat(network.Practitioners.Select(p => p.Id))
            .Concat(network.Families.Select(f => f.Id))
            .Concat(network.Clients.Select(c => c.Id))
            .Concat(network.Visits.Select(v => v.Id)), id => Assert.Matches(GeneratedId(), id));
    }

    private static void AssertReferencesHold(NetworkSnapshot network)
    {
        static void Unique<T>(IEnumerable<T> values)
        {
            var list = values.ToList();
            Assert.Equal(list.Count, list.Distinct().Count());
        }

        Unique(network.Agencies.Select(a => a.Id)
            .Concat(network.Practitioners.Select(p => p.Id))
            .Concat(network.Families.Select(f => f.Id))
            .Concat(network.Clients.Select(c => c.Id))
            .Concat(network.Visits.Select(v => v.Id)));
        Unique(network.Practitioners.Select(p => p.Subject));
        Unique(network.Practitioners.Select(p => p.Email).OfType<string>());
        Unique(network.Clients.Select(c => c.NhsNumber).OfType<string>());

        var agencies = network.Agencies.Select(a => a.Id).ToHashSet();
        var practitioners = network.Practitioners.Select(p => p.Id).ToHashSet();
        var families = network.Families.Select(f => f.Id).ToHashSet();
        var clients = network.Clients.Select(c => c.Id).ToHashSet();

        Assert.All(network.Practitioners, p => Assert.Contains(p.AgencyId, agencies));
        Assert.All(network.Agencies, a => Assert.Contains(network.Practitioners, p => p.AgencyId == a.Id));
        // Every client is in exactly one family (a client record holds one family id), and every family has members.
        Assert.All(network.Clients, c =>
        {
            Assert.NotNull(c.FamilyId);
            Assert.Contains(c.FamilyId, families);
            Assert.NotNull(c.FamilyRelationship);
        });
        Assert.Equal(families.Order(), network.Clients.Select(c => c.FamilyId!).Distinct().Order());

        Assert.All(network.Involvements, i =>
        {
            Assert.Contains(i.PractitionerId, practitioners);
            Assert.Contains(i.ClientId, clients);
            Assert.True(i.EndedOn is null || i.EndedOn > i.Since);
        });
        Assert.All(network.Involvements.Where(i => i.EndedOn is null).GroupBy(i => (i.PractitionerId, i.ClientId)),
            pair => Assert.Single(pair));

        var pairs = network.Involvements.Select(i => (i.PractitionerId, i.ClientId)).ToHashSet();
        Assert.All(network.Visits, v => Assert.Contains((v.PractitionerId, v.ClientId), pairs));
    }
}
