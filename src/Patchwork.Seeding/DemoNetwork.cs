using Patchwork.Network;

namespace Patchwork.Seeding;

/// <summary>
/// A deterministic, believable demo network: the fictional district of Eastmere, its agencies, practitioners,
/// families, involvements and visits. The same size, seed and now always give the same network; nothing in it
/// is real (names are made up, phone numbers are Ofcom's drama ranges, NHS numbers the NHS's test range,
/// emails at <c>.example</c> domains).
/// </summary>
public static class DemoNetwork
{
    internal const string WalkThroughSurname = "Okafor";

    /// <summary>The guided tour the README walks through; it holds in every generated Eastmere network.</summary>
    public static DemoWalkThrough WalkThrough { get; } = new(
        DemoDirectory.NamedEmail(Eastmere.Named[0]),
        $"{Eastmere.Named[0].GivenName} {Eastmere.Named[0].FamilyName}",
        Eastmere.Named[0].Subject,
        $"Grace {WalkThroughSurname}",
        WalkThroughSurname,
        $"the {WalkThroughSurname} household");

    public static NetworkSnapshot Generate(SeedSize size, int seed, DateTimeOffset now) =>
        Generate(SeedProfile.For(size), seed, now);

    public static NetworkSnapshot Generate(SeedProfile profile, int seed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Batches(new NetworkGenerator(profile, seed, now), familiesPerBatch: int.MaxValue).Single();
    }

    /// <summary>
    /// The same network as <see cref="Generate(SeedProfile, int, DateTimeOffset)"/>, in loadable pieces of
    /// <paramref name="familiesPerBatch"/> families each, generated as they are asked for. The first piece holds
    /// the agencies and practitioners; every later piece only families, their members, involvements and visits,
    /// which refer to nothing outside the pieces before it. A county-sized network is loaded this way without
    /// ever being held whole.
    /// </summary>
    public static IEnumerable<NetworkSnapshot> GenerateInBatches(SeedProfile profile, int seed, DateTimeOffset now,
        int familiesPerBatch)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(familiesPerBatch, 1);
        return Batches(new NetworkGenerator(profile, seed, now), familiesPerBatch);
    }

    private static IEnumerable<NetworkSnapshot> Batches(NetworkGenerator generator, int familiesPerBatch)
    {
        IReadOnlyList<Agency> agencies = generator.Directory.Agencies;
        IReadOnlyList<Practitioner> practitioners = [.. generator.Directory.Staff.Select(s => s.Practitioner)];
        var families = new List<Family>();
        var clients = new List<Client>();
        var involvements = new List<Involvement>();
        var visits = new List<Visit>();
        foreach (var bundle in generator.Families())
        {
            families.Add(bundle.Family);
            clients.AddRange(bundle.Clients);
            involvements.AddRange(bundle.Involvements);
            visits.AddRange(bundle.Visits);
            if (families.Count == familiesPerBatch)
            {
                yield return new NetworkSnapshot(agencies, practitioners, families, clients, involvements, visits);
                (agencies, practitioners) = ([], []);
                (families, clients, involvements, visits) = ([], [], [], []);
            }
        }
        if (families.Count > 0)
        {
            yield return new NetworkSnapshot(agencies, practitioners, families, clients, involvements, visits);
        }
    }

    /// <summary>
    /// The demo's sign-ins: practitioners (a social worker, a district nurse, a firefighter, a restricted-service
    /// advocate, a health visitor and a housing officer whose agency's agreement is suspended), then an analyst,
    /// a commissioner and an administrator. The first is the walk-through's practitioner.
    /// </summary>
    /// <exception cref="ArgumentException">The snapshot is not a generated demo network.</exception>
    public static IReadOnlyList<DemoAccount> Accounts(NetworkSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var bySubject = new Dictionary<string, Practitioner>(StringComparer.Ordinal);
        foreach (var practitioner in snapshot.Practitioners)
        {
            bySubject.TryAdd(practitioner.Subject, practitioner);
        }
        var agencies = snapshot.Agencies.ToDictionary(a => a.Id, a => a.Name);
        var accounts = new List<DemoAccount>();
        foreach (var subject in AccountHolders)
        {
            var practitioner = bySubject.GetValueOrDefault(subject)
                ?? throw new ArgumentException($"The snapshot has no demo practitioner '{subject}'.", nameof(snapshot));
            accounts.Add(new DemoAccount(practitioner.Email ?? DemoDirectory.NamedEmail(Eastmere.Named.Single(n => n.Subject == subject)),
                DemoRoles.Practitioner, practitioner.Subject, practitioner.Id,
                practitioner.Name, practitioner.Role, agencies.GetValueOrDefault(practitioner.AgencyId, "")));
        }
        accounts.Add(CouncilAccount(DemoRoles.Analyst, "Analyst", "Network reports, with no names"));
        accounts.Add(CouncilAccount(DemoRoles.Commissioner, "Commissioner", "Reports, and the families nobody has contacted"));
        accounts.Add(CouncilAccount(DemoRoles.Admin, "Administrator", "Agencies, practitioners and break glass reviews"));
        return accounts;
    }

    /// <summary>The council's own accounts, which are no practitioner: named after what they do.</summary>
    private static DemoAccount CouncilAccount(string role, string name, string job) =>
        new($"{role}@{Eastmere.CouncilDomain}", role, $"demo-{role}", null, name, job, Eastmere.CouncilName);

    private static readonly string[] AccountHolders =
    [
        "demo-social-worker",
        "demo-district-nurse",
        "demo-firefighter",
        "demo-domestic-abuse-advocate",
        "demo-health-visitor",
        "demo-suspended-housing-officer",
    ];
}
