using System.Globalization;
using Patchwork.Network;

namespace Patchwork.Seeding;

/// <summary>A practitioner as the generator sees them: their agency's and role's make-up and how busy they are.</summary>
internal sealed record Staff(
    Practitioner Practitioner,
    AgencySpec Agency,
    RoleSpec Role,
    double CaseloadWeight,
    int? LeftDaysAgo)
{
    public bool HasLeft => LeftDaysAgo is not null;
}

/// <summary>The agencies and practitioners of a demo network.</summary>
internal sealed record DemoDirectory(IReadOnlyList<Agency> Agencies, IReadOnlyList<Staff> Staff)
{
    public static DemoDirectory Build(SeedProfile profile, SeedRandom random, Timeline time)
    {
        var specs = AgencySpecs(profile.Agencies);
        var mobiles = NumberPool.Mobiles(random, Eastmere.Named.Select(n => n.Mobile));
        var landlines = NumberPool.Landlines(random, Eastmere.Named.Select(n => n.Landline));

        var agencies = new List<Agency>(specs.Count);
        foreach (var spec in specs)
        {
            var signed = time.Today.AddDays(-random.Between(120, 1100));
            var expires = time.Today.AddDays(random.Between(60, 1000));
            var status = spec.Suspended ? AgreementStatus.Suspended : AgreementStatus.Active;
            agencies.Add(new Agency(random.NextId(), spec.Name, spec.Kind, landlines.Next(),
                $"{spec.DutyMailbox}@{spec.Domain}", spec.Restricted, new DataSharingAgreement(status, signed, expires)));
        }

        var staff = new List<Staff>(profile.Practitioners);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var named in Eastmere.Named)
        {
            emails.Add(NamedEmail(named));
        }
        var perAgency = StaffPerAgency(profile, specs, random);
        for (var a = 0; a < specs.Count; a++)
        {
            var spec = specs[a];
            var named = Eastmere.Named.Where(n => n.AgencyKey == spec.Key).ToList();
            foreach (var person in named)
            {
                var practitioner = new Practitioner(random.NextId(), agencies[a].Id, $"{person.GivenName} {person.FamilyName}",
                    person.Role, NamedEmail(person), person.Mobile, person.Landline, person.PreferredContact,
                    PractitionerStatus.Active, person.Subject);
                staff.Add(new Staff(practitioner, spec, spec.Roles.Single(r => r.Title == person.Role), 1, null));
            }
            for (var i = named.Count; i < perAgency[a]; i++)
            {
                staff.Add(RandomStaff(spec, agencies[a], random, emails, mobiles, landlines));
            }
        }

        MarkLeavers(profile, staff, random);
        MarkHeavyCaseloads(profile, staff, random);
        return new DemoDirectory(agencies, staff);
    }

    public static string NamedEmail(NamedPractitioner named)
    {
        var domain = Eastmere.Agencies.Single(a => a.Key == named.AgencyKey).Domain;
        return $"{Names.EmailLocalPart(named.GivenName, named.FamilyName)}@{domain}";
    }

    /// <summary>The Eastmere core, then more schools, practices and the like named after the district's places.</summary>
    private static List<AgencySpec> AgencySpecs(int count)
    {
        var specs = new List<AgencySpec>(Eastmere.Agencies);
        if (count < specs.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"A demo network needs at least the {specs.Count} Eastmere core agencies.");
        }
        for (var i = 0; specs.Count < count; i++)
        {
            var (pattern, coreKey) = Eastmere.MoreAgencies[i % Eastmere.MoreAgencies.Count];
            var placeIndex = i / Eastmere.MoreAgencies.Count;
            var place = Eastmere.Places[placeIndex % Eastmere.Places.Count];
            var lap = placeIndex / Eastmere.Places.Count;
            var name = string.Format(CultureInfo.InvariantCulture, pattern, place) +
                (lap == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({lap + 1})"));
            var core = Eastmere.Agencies.Single(a => a.Key == coreKey);
            specs.Add(core with
            {
                Key = $"{coreKey}-{i}",
                Name = name,
                Domain = $"{Names.Slug(name)}.example",
                Size = 1,
            });
        }
        return specs;
    }

    /// <summary>Every agency gets at least one practitioner (and its named ones); the rest go by agency size.</summary>
    private static int[] StaffPerAgency(SeedProfile profile, List<AgencySpec> specs, SeedRandom random)
    {
        var counts = new int[specs.Count];
        for (var a = 0; a < specs.Count; a++)
        {
            counts[a] = Math.Max(1, Eastmere.Named.Count(n => n.AgencyKey == specs[a].Key));
        }
        var remaining = profile.Practitioners - counts.Sum();
        if (remaining < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile.Practitioners,
                "Too few practitioners for one per agency plus the named demo practitioners.");
        }
        var bySize = new WeightedSampler([.. specs.Select(s => s.Size)]);
        for (var i = 0; i < remaining; i++)
        {
            counts[bySize.Next(random)]++;
        }
        return counts;
    }

    private static Staff RandomStaff(AgencySpec spec, Agency agency, SeedRandom random, HashSet<string> emails,
        NumberPool mobiles, NumberPool landlines)
    {
        var role = spec.Roles[random.PickWeighted([.. spec.Roles.Select(r => r.Weight)])];
        // Mostly a name from one tradition; now and then, as in any workforce, given and family names from two.
        var pool = Names.Pools[random.PickWeighted(Names.PoolWeights)];
        var givenName = random.Pick(pool.Adults);
        var familyName = random.Chance(0.8) ? random.Pick(pool.FamilyNames) : random.Pick(Names.AllFamilyNames);

        // Field workers live on their mobiles; school and clinic staff are reached at their desks.
        var mobile = random.Chance(role.Field ? 0.95 : 0.25) ? mobiles.Next() : null;
        var landline = random.Chance(role.Field ? 0.45 : 0.9) ? landlines.Next() : null;
        var hasEmail = random.Chance(role.Field ? 0.97 : 1) || (mobile is null && landline is null);
        string? email = null;
        if (hasEmail)
        {
            var local = Names.EmailLocalPart(givenName, familyName);
            email = $"{local}@{spec.Domain}";
            for (var n = 2; !emails.Add(email); n++)
            {
                email = string.Create(CultureInfo.InvariantCulture, $"{local}{n}@{spec.Domain}");
            }
        }

        double[] preference = role.Field ? [70, 10, 20] : [5, 45, 50];
        ContactMethod[] methods = [ContactMethod.Mobile, ContactMethod.Landline, ContactMethod.Email];
        string?[] values = [mobile, landline, email];
        for (var i = 0; i < values.Length; i++)
        {
            preference[i] = values[i] is null ? 0 : preference[i];
        }
        var preferred = methods[random.PickWeighted(preference)];

        var practitioner = new Practitioner(random.NextId(), agency.Id, $"{givenName} {familyName}", role.Title,
            email, mobile, landline, preferred, PractitionerStatus.Active, random.NextId());
        return new Staff(practitioner, spec, role, 1, null);
    }

    /// <summary>Leavers come from agencies in good standing, never the named demo practitioners.</summary>
    private static void MarkLeavers(SeedProfile profile, List<Staff> staff, SeedRandom random)
    {
        var candidates = Enumerable.Range(0, staff.Count)
            .Where(i => !IsNamed(staff[i]) && !staff[i].Agency.Suspended)
            .ToList();
        for (var n = 0; n < profile.LeftPractitioners && candidates.Count > 0; n++)
        {
            var pick = random.Next(candidates.Count);
            var index = candidates[pick];
            candidates[pick] = candidates[^1];
            candidates.RemoveAt(candidates.Count - 1);
            staff[index] = staff[index] with
            {
                Practitioner = staff[index].Practitioner with { Status = PractitionerStatus.Left },
                LeftDaysAgo = random.Between(30, 200),
            };
        }
    }

    /// <summary>
    /// Sets how likely each practitioner is to be in any one team: a few carry large caseloads, restricted
    /// services and leavers fewer.
    /// </summary>
    private static void MarkHeavyCaseloads(SeedProfile profile, List<Staff> staff, SeedRandom random)
    {
        var heavy = new HashSet<int>();
        var wanted = Math.Max(2, (int)Math.Round(staff.Count * profile.HeavyCaseloadShare));
        var candidates = Enumerable.Range(0, staff.Count)
            .Where(i => !IsNamed(staff[i]) && !staff[i].HasLeft && !staff[i].Agency.Restricted)
            .ToList();
        while (heavy.Count < wanted && heavy.Count < candidates.Count)
        {
            heavy.Add(candidates[random.Next(candidates.Count)]);
        }
        for (var i = 0; i < staff.Count; i++)
        {
            var weight = heavy.Contains(i) ? profile.HeavyCaseloadWeight : 1.0;
            weight *= staff[i].Agency.Restricted ? 0.6 : 1.0;
            weight *= staff[i].HasLeft ? 0.6 : 1.0;
            staff[i] = staff[i] with { CaseloadWeight = weight };
        }
    }

    private static bool IsNamed(Staff staff) =>
        Eastmere.Named.Any(n => n.Subject == staff.Practitioner.Subject);
}
