using System.Globalization;
using Patchwork.Network;

namespace Patchwork.Seeding;

/// <summary>One household with everything hanging off it: its members, their involvements and visits.</summary>
internal sealed record FamilyBundle(
    Family Family,
    IReadOnlyList<Client> Clients,
    IReadOnlyList<Involvement> Involvements,
    IReadOnlyList<Visit> Visits);

/// <summary>
/// Generates a demo network one family at a time. The directory (agencies, practitioners) comes first; each
/// family then draws from its own random stream, and the practitioners around it are drawn by caseload weight
/// in logarithmic time, so the work grows linearly with the number of families and nothing is held beyond the
/// family being made (and the set of NHS numbers already used).
/// </summary>
internal sealed class NetworkGenerator
{
    private const ulong DirectoryStream = 1;
    private const ulong WalkThroughStream = 2;
    private const ulong FamilyStreams = 1_000;
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";
    private const string LeftReason = "Practitioner left the agency";

    private static readonly string[] EndReasons =
    [
        "Case closed: goals of the plan met",
        "Family moved out of the area",
        "Stepped down to universal services",
        "Referred on to another service",
        "Family declined further support",
    ];

    private static readonly VisitMode[] Modes =
        [VisitMode.HomeVisit, VisitMode.Office, VisitMode.Phone, VisitMode.Video, VisitMode.Email, VisitMode.Other];

    private readonly SeedProfile _profile;
    private readonly int _seed;
    private readonly Timeline _time;
    private readonly WeightedSampler _byCaseload;
    private readonly Dictionary<string, int> _namedStillToPlace;
    private readonly Dictionary<string, Staff> _bySubject;
    private readonly HashSet<int> _nhsNumbersUsed = [];
    private ulong _nextVisit;

    public NetworkGenerator(SeedProfile profile, int seed, DateTimeOffset now)
    {
        Validate(profile);
        _profile = profile;
        _seed = seed;
        _time = new Timeline(now);
        Directory = DemoDirectory.Build(profile, new SeedRandom(seed, DirectoryStream), _time);
        _byCaseload = new WeightedSampler([.. Directory.Staff.Select(s => s.CaseloadWeight)]);
        _bySubject = Directory.Staff.ToDictionary(s => s.Practitioner.Subject, StringComparer.Ordinal);
        _namedStillToPlace = Eastmere.Named.ToDictionary(n => n.Subject, n => n.OtherFamilies, StringComparer.Ordinal);
    }

    public DemoDirectory Directory { get; }

    /// <summary>The walk-through family first, then the rest, in a fixed order.</summary>
    public IEnumerable<FamilyBundle> Families()
    {
        yield return WalkThroughFamily();
        for (var i = 1; i < _profile.Families; i++)
        {
            yield return RandomFamily(i);
        }
    }

    private static void Validate(SeedProfile profile)
    {
        if (profile.Families < 1 || profile.Wards < 1 || profile.Wards > Eastmere.Wards.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile,
                $"A demo network needs at least one family and between 1 and {Eastmere.Wards.Count} wards.");
        }
        var (min, max) = profile.MembersPerFamily;
        if (min < 1 || max < min || profile.MemberCountWeights.Count != max - min + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile,
                "MembersPerFamily must start at 1 or more and have one weight per household size.");
        }
        if (profile.TeamSizeWeights.Count == 0 || profile.PlannedVisitWeights.Count == 0 ||
            profile.PastVisitsPerInvolvement.Min < 0 || profile.PastVisitsPerInvolvement.Max < profile.PastVisitsPerInvolvement.Min ||
            profile.HistoryDays < 30 || profile.PlanningHorizonDays < 7)
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "The profile's visit and team settings are out of range.");
        }
    }

    // ---- Random families -------------------------------------------------------------------------------

    private FamilyBundle RandomFamily(int index)
    {
        var random = new SeedRandom(_seed, FamilyStreams + (ulong)index);
        _nextVisit = VisitOrder(index);
        var ward = Eastmere.Wards[random.Next(_profile.Wards)];
        var (address, postcode) = Address(ward, random);
        var size = _profile.MembersPerFamily.Min + random.PickWeighted(_profile.MemberCountWeights);
        var members = Household.Compose(size, random);
        var family = new Family(random.NextId(), $"the {members[0].FamilyName} household", Eastmere.Area(ward));

        var people = members
            .Select(m => new Person(random.NextId(), m, DateOfBirth(m.AgeYears, random)))
            .ToList();
        var team = ChooseTeam(index, people, random);

        var involvements = new List<Involvement>();
        var visits = new List<Visit>();
        foreach (var (staff, supported) in team)
        {
            AddInvolvement(staff, supported, random, involvements, visits);
        }

        var shielded = random.Chance(_profile.ShieldedFamilyShare) ||
            (team.Any(t => t.Staff.Agency.Key == "womensaid") && random.Chance(0.2));
        var clients = people
            .Select(p => ToClient(p, family, address, postcode, shielded, random))
            .ToList();
        return new FamilyBundle(family, clients, involvements, visits);
    }

    private sealed record Person(string Id, Member Member, DateOnly DateOfBirth);

    private DateOnly DateOfBirth(int ageYears, SeedRandom random)
    {
        // Nobody is younger than a month: a newborn is registered with their family soon after, not before.
        var days = ageYears == 0 ? random.Between(30, 364) : random.Between(0, 364);
        return _time.Today.AddYears(-ageYears).AddDays(-days);
    }

    private static (string Address, string Postcode) Address(Ward ward, SeedRandom random)
    {
        var street = random.Pick(ward.Streets);
        var address = random.Chance(0.2)
            ? string.Create(CultureInfo.InvariantCulture,
                $"Flat {random.Between(1, 40)}, {random.Pick(ward.Blocks)}, {street}, {ward.Name}, {Eastmere.District}")
            : string.Create(CultureInfo.InvariantCulture,
                $"{random.Between(1, 140)} {street}, {ward.Name}, {Eastmere.District}");
        var postcode = string.Create(CultureInfo.InvariantCulture,
            $"{random.Pick(ward.Districts)} {random.Between(1, 9)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}");
        return (address, postcode);
    }

    private Client ToClient(Person person, Family family, string address, string postcode, bool shielded, SeedRandom random) =>
        new(person.Id, person.Member.GivenName, person.Member.FamilyName, person.DateOfBirth, address, postcode,
            random.Chance(_profile.NhsNumberShare) ? NhsNumber(random) : null, shielded, family.Id,
            person.Member.Relationship);

    /// <summary>
    /// A ten-digit NHS number in the 999 range the NHS keeps for testing, so none is a real patient's, with a
    /// valid modulus-11 check digit, and unique in the network.
    /// </summary>
    private string NhsNumber(SeedRandom random)
    {
        while (true)
        {
            var body = random.Next(1_000_000);
            var digits = string.Create(CultureInfo.InvariantCulture, $"999{body:000000}");
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }
            var check = 11 - (sum % 11);
            if (check == 10 || !_nhsNumbersUsed.Add(body))
            {
                continue;
            }
            return digits + (check == 11 ? 0 : check).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Who is around the family: first any named demo practitioner still owed families, then practitioners
    /// drawn by caseload until the family's team size is reached. A practitioner joins only when their role
    /// has someone to work with in the household (a health visitor needs an under-five).
    /// </summary>
    private List<(Staff Staff, List<Person> Supported)> ChooseTeam(int index, List<Person> people, SeedRandom random)
    {
        var size = random.PickWeighted(_profile.TeamSizeWeights);
        var team = new List<(Staff Staff, List<Person> Supported)>();
        var chosen = new HashSet<Staff>(ReferenceEqualityComparer.Instance);

        for (var n = 0; n < Eastmere.Named.Count; n++)
        {
            var subject = Eastmere.Named[n].Subject;
            if (index % 5 != n % 5 || _namedStillToPlace[subject] == 0)
            {
                continue;
            }
            var staff = _bySubject[subject];
            var supported = Supported(staff.Role.Audience, people, random);
            if (supported.Count > 0 && chosen.Add(staff))
            {
                team.Add((staff, supported));
                _namedStillToPlace[subject]--;
            }
        }

        for (var attempt = 0; team.Count < size && attempt < size * 12; attempt++)
        {
            var staff = Directory.Staff[_byCaseload.Next(random)];
            if (chosen.Contains(staff))
            {
                continue;
            }
            var supported = Supported(staff.Role.Audience, people, random);
            if (supported.Count > 0)
            {
                chosen.Add(staff);
                team.Add((staff, supported));
            }
        }
        return team;
    }

    private static List<Person> Supported(Audience audience, List<Person> people, SeedRandom random)
    {
        var inRange = people.Where(p => Age(p) >= audience.MinAge && Age(p) <= audience.MaxAge).ToList();
        switch (audience.Reach)
        {
            case Reach.One:
                return inRange.Count == 0 ? [] : [random.Pick(inRange)];
            case Reach.First:
                return [.. inRange.Take(1)];
            case Reach.All:
                return inRange;
            default:
                var children = people.Where(p => Age(p) < 18).ToList();
                var householder = people.Where(p => Age(p) >= 18).Take(1);
                return children.Count == 0 ? [] : [.. householder, .. children];
        }
    }

    private static int Age(Person person) => person.Member.AgeYears;

    // ---- Involvements and visits ------------------------------------------------------------------------

    // Visit ids are made in order, family by family, as time-ordered ids are in production: a network's visits
    // then go into the store's id index at its end instead of all over it, which keeps a county's load fast.
    private static ulong VisitOrder(int familyIndex) => (ulong)familyIndex << 16;

    private string NextVisitId(SeedRandom random) => random.NextOrderedId(_nextVisit++);

    /// <summary>
    /// A practitioner's involvement with each supported member, all begun and (if so) ended together, and the
    /// visits that go with it: a household visit is recorded against every member it was with.
    /// </summary>
    private void AddInvolvement(Staff staff, List<Person> supported, SeedRandom random,
        List<Involvement> involvements, List<Visit> visits)
    {
        var u = random.NextDouble();
        var sinceDays = 3 + (int)(u * u * 1000);
        int? endedDays = null;
        var endReason = (string?)null;
        if (staff.LeftDaysAgo is int left)
        {
            sinceDays = Math.Max(sinceDays, left + random.Between(20, 500));
            endedDays = left;
            endReason = LeftReason;
        }

        // Nobody is supported from before they were born: a baby's involvement starts after their birth.
        var members = supported
            .Select(p => (Person: p, Since: Math.Min(sinceDays, _time.AgeInDays(p.DateOfBirth) - 7)))
            .Where(m => endedDays is null || m.Since > endedDays + 1)
            .ToList();
        if (members.Count == 0)
        {
            return;
        }
        var earliestStart = members.Min(m => m.Since);
        if (endedDays is null && earliestStart >= 16 && random.Chance(_profile.EndedInvolvementShare))
        {
            endedDays = random.Between(1, earliestStart - 14);
            endReason = random.Pick(EndReasons);
        }

        var reason = random.Pick(staff.Role.Reasons);
        var restricted = staff.Agency.Restricted;
        var endedOn = endedDays is int ended ? _time.DaysAgo(ended, Timeline.OfficeMinute(random)) : (DateTimeOffset?)null;
        var starts = new List<(Person Person, DateTimeOffset Since)>(members.Count);
        var startMinute = Timeline.OfficeMinute(random);
        foreach (var (person, since) in members)
        {
            var start = _time.DaysAgo(since, startMinute);
            starts.Add((person, start));
            involvements.Add(new Involvement(staff.Practitioner.Id, person.Id, start, reason, restricted, endedOn, endReason));
        }

        AddPastVisits(staff, starts, members.Max(m => m.Since), endedDays ?? 0, endedOn, random, visits);
        if (endedOn is null)
        {
            AddPlannedVisits(staff, starts, random, visits);
        }
    }

    private void AddPastVisits(Staff staff, List<(Person Person, DateTimeOffset Since)> starts, int sinceDays, int endedDays,
        DateTimeOffset? endedOn, SeedRandom random, List<Visit> visits)
    {
        var (min, max) = _profile.PastVisitsPerInvolvement;
        var latest = endedDays + 1;
        // Two days' margin: a contact drawn for a weekend moves back to the Friday, still within the history.
        var earliest = Math.Min(sinceDays - 1, _profile.HistoryDays - 2);
        if (earliest < latest)
        {
            return;
        }
        var u = random.NextDouble();
        var count = min + (int)(Math.Pow(u, 1.6) * (max - min + 1));
        count = Math.Min(count, 1 + ((earliest - latest) / 10));

        // One contact in each of `count` equal stretches of the involvement, so contacts are spread out, never
        // two on one day.
        var stretch = (earliest - latest + 1) / (double)count;
        for (var i = 0; i < count; i++)
        {
            var from = latest + (int)(i * stretch);
            var to = Math.Max(from, latest + (int)((i + 1) * stretch) - 1);
            var slot = _time.PastWorkday(random.Between(from, to), Timeline.OfficeMinute(random));
            var mode = Mode(staff.Role.Style, random);
            DateTimeOffset? scheduled = slot;
            DateTimeOffset? completed = null;
            var status = VisitStatus.Completed;
            if (mode == VisitMode.Email || (mode == VisitMode.Phone && random.Chance(0.5)))
            {
                // A call or an email that simply happened, with nothing booked beforehand.
                scheduled = null;
                completed = slot;
            }
            else
            {
                status = random.PickWeighted([80, 10, 10]) switch
                {
                    0 => VisitStatus.Completed,
                    1 => VisitStatus.Cancelled,
                    _ => VisitStatus.Missed,
                };
                completed = status == VisitStatus.Completed ? slot.AddMinutes(5 * random.Between(0, 6)) : null;
            }
            foreach (var (person, since) in starts)
            {
                if (slot > since && (endedOn is null || slot < endedOn) && slot < _time.Now)
                {
                    visits.Add(new Visit(NextVisitId(random), person.Id, staff.Practitioner.Id, mode, status, scheduled,
                        completed, staff.Agency.Restricted));
                }
            }
        }
    }

    private void AddPlannedVisits(Staff staff, List<(Person Person, DateTimeOffset Since)> starts, SeedRandom random,
        List<Visit> visits)
    {
        if (staff.HasLeft)
        {
            return;
        }
        var count = random.PickWeighted(_profile.PlannedVisitWeights);
        for (var i = 0; i < count; i++)
        {
            // Weekends move on to the Monday, so the last day drawn leaves room inside the horizon.
            var slot = _time.FutureWorkday(random.Between(1, _profile.PlanningHorizonDays - 3), Timeline.OfficeMinute(random));
            var mode = Mode(staff.Role.Style, random);
            mode = mode == VisitMode.Email ? VisitMode.Phone : mode;
            foreach (var (person, _) in starts)
            {
                visits.Add(new Visit(NextVisitId(random), person.Id, staff.Practitioner.Id, mode, VisitStatus.Planned, slot,
                    null, staff.Agency.Restricted));
            }
        }
    }

    /// <summary>How a role's contacts are spread over home visits, office, phone, video, email and elsewhere.</summary>
    private static VisitMode Mode(ContactStyle style, SeedRandom random)
    {
        double[] weights = style switch
        {
            ContactStyle.Home => [70, 5, 18, 4, 3, 0],
            ContactStyle.Clinic => [5, 60, 25, 8, 2, 0],
            ContactStyle.School => [0, 70, 20, 0, 10, 0],
            ContactStyle.Outreach => [45, 10, 30, 0, 5, 10],
            ContactStyle.Confidential => [0, 45, 45, 10, 0, 0],
            ContactStyle.FireSafety => [90, 0, 10, 0, 0, 0],
            _ => [50, 20, 30, 0, 0, 0],
        };
        return Modes[random.PickWeighted(weights)];
    }

    // ---- The walk-through family ------------------------------------------------------------------------

    /// <summary>
    /// The Okafor household, made by hand so the demo's walk-through always works: four members, five
    /// practitioners from five agencies (one a restricted domestic-abuse service), visits past and planned,
    /// and the walk-through practitioner not among them.
    /// </summary>
    private FamilyBundle WalkThroughFamily()
    {
        var random = new SeedRandom(_seed, WalkThroughStream);
        _nextVisit = VisitOrder(0);
        var ward = Eastmere.Wards.Single(w => w.Name == "Millbrook");
        var family = new Family(random.NextId(), DemoNetwork.WalkThrough.FamilyName, Eastmere.Area(ward));
        var mother = WalkThroughMember(random, "Ngozi", 34, 120, Household.Parent);
        var grace = WalkThroughMember(random, "Grace", 10, 45, Household.Child);
        var chidi = WalkThroughMember(random, "Chidi", 6, 200, Household.Child);
        var amara = WalkThroughMember(random, "Amara", 1, 60, Household.Child);
        Person[] people = [mother, grace, chidi, amara];

        var involvements = new List<Involvement>();
        var visits = new List<Visit>();
        void Around(string subject, Person[] supported, int sinceDays, string reason,
            (int DaysAgo, VisitMode Mode, VisitStatus Status)[] past, (int DaysAhead, VisitMode Mode)[] planned)
        {
            var staff = _bySubject[subject];
            var since = _time.DaysAgo(sinceDays, 10 * 60);
            foreach (var person in supported)
            {
                involvements.Add(new Involvement(staff.Practitioner.Id, person.Id, since, reason, staff.Agency.Restricted, null, null));
                foreach (var (daysAgo, mode, status) in past)
                {
                    var slot = _time.PastWorkday(daysAgo, 11 * 60);
                    var adHoc = mode == VisitMode.Phone && status == VisitStatus.Completed;
                    visits.Add(new Visit(NextVisitId(random), person.Id, staff.Practitioner.Id, mode, status,
                        adHoc ? null : slot, status == VisitStatus.Completed ? slot.AddMinutes(10) : null,
                        staff.Agency.Restricted));
                }
                foreach (var (daysAhead, mode) in planned)
                {
                    visits.Add(new Visit(NextVisitId(random), person.Id, staff.Practitioner.Id, mode, VisitStatus.Planned,
                        _time.FutureWorkday(daysAhead, (10 * 60) + 30), null, staff.Agency.Restricted));
                }
            }
        }

        Around("demo-health-visitor", [amara], 300, "Universal partnership plus: safeguarding",
            [(210, VisitMode.HomeVisit, VisitStatus.Completed), (120, VisitMode.HomeVisit, VisitStatus.Completed),
             (75, VisitMode.HomeVisit, VisitStatus.Missed), (40, VisitMode.HomeVisit, VisitStatus.Completed)],
            [(4, VisitMode.HomeVisit)]);
        Around("demo-safeguarding-lead", [grace, chidi], 150, "Safeguarding concerns raised in school",
            [(60, VisitMode.Office, VisitStatus.Completed), (20, VisitMode.Office, VisitStatus.Completed)],
            [(9, VisitMode.Office)]);
        Around("demo-family-support-worker", [mother, amara], 90, "Support with a new baby",
            [(84, VisitMode.HomeVisit, VisitStatus.Completed), (70, VisitMode.HomeVisit, VisitStatus.Completed),
             (56, VisitMode.HomeVisit, VisitStatus.Completed), (42, VisitMode.HomeVisit, VisitStatus.Completed),
             (28, VisitMode.HomeVisit, VisitStatus.Completed), (21, VisitMode.HomeVisit, VisitStatus.Cancelled),
             (14, VisitMode.HomeVisit, VisitStatus.Completed), (7, VisitMode.HomeVisit, VisitStatus.Completed)],
            [(7, VisitMode.HomeVisit)]);
        Around("demo-domestic-abuse-advocate", [mother], 60, "Domestic abuse support after a MARAC referral",
            [(58, VisitMode.Phone, VisitStatus.Completed), (45, VisitMode.Office, VisitStatus.Completed),
             (30, VisitMode.Phone, VisitStatus.Completed), (10, VisitMode.Phone, VisitStatus.Completed)],
            [(3, VisitMode.Phone)]);
        Around("demo-firefighter", [mother], 100, "Home fire safety visit after referral",
            [(95, VisitMode.HomeVisit, VisitStatus.Completed)], []);

        var clients = people
            .Select(p => new Client(p.Id, p.Member.GivenName, p.Member.FamilyName, p.DateOfBirth,
                "27 Brook Street, Millbrook, Eastmere", "EM3 5QT", NhsNumber(random), false, family.Id, p.Member.Relationship))
            .ToList();
        return new FamilyBundle(family, clients, involvements, visits);
    }

    private Person WalkThroughMember(SeedRandom random, string givenName, int ageYears, int extraDays, string relationship) =>
        new(random.NextId(), new Member(givenName, DemoNetwork.WalkThroughSurname, ageYears, relationship),
            _time.Today.AddYears(-ageYears).AddDays(-extraDays));
}
