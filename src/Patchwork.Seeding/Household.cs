namespace Patchwork.Seeding;

/// <summary>A member of a household before they become a client: the householder comes first.</summary>
internal sealed record Member(string GivenName, string FamilyName, int AgeYears, string Relationship);

/// <summary>
/// Makes up a believable household of a given size: lone parents, couples with children, step-families,
/// three generations under one roof, grandparents bringing up grandchildren, older people on their own.
/// Ages follow the relationships (parents at least 18 years older than their eldest child, grandparents a
/// generation older again), and names follow one naming tradition per household.
/// </summary>
internal static class Household
{
    public const string Householder = "householder";
    public const string Parent = "parent";
    public const string Partner = "partner";
    public const string Child = "child";
    public const string Grandparent = "grandparent";
    public const string Grandchild = "grandchild";

    public static List<Member> Compose(int size, SeedRandom random)
    {
        var pool = Names.Pools[random.PickWeighted(Names.PoolWeights)];
        var surname = random.Pick(pool.FamilyNames);
        var builder = new Builder(pool, random);
        switch (size)
        {
            case <= 1:
                var older = random.Chance(0.55);
                builder.Add(surname, older ? random.Between(66, 93) : random.Between(19, 64), Householder);
                break;
            case 2:
                switch (random.PickWeighted([50, 25, 10, 15]))
                {
                    case 0:
                        LoneParent(builder, surname, 1, random);
                        break;
                    case 1:
                        Couple(builder, surname, random.Between(66, 90), random);
                        break;
                    case 2:
                        Kinship(builder, surname, 1, twoGrandparents: false, random);
                        break;
                    default:
                        Couple(builder, surname, random.Between(20, 60), random);
                        break;
                }
                break;
            default:
                switch (random.PickWeighted([38, 42, 12, 8]))
                {
                    case 0:
                        LoneParent(builder, surname, size - 1, random);
                        break;
                    case 1:
                        TwoParents(builder, surname, size - 2, random);
                        break;
                    case 2:
                        ThreeGenerations(builder, surname, size, random);
                        break;
                    default:
                        var two = size >= 4 && random.Chance(0.5);
                        Kinship(builder, surname, size - (two ? 2 : 1), two, random);
                        break;
                }
                break;
        }
        return builder.Members;
    }

    private static void LoneParent(Builder builder, string surname, int children, SeedRandom random)
    {
        var ages = ChildAges(children, random);
        builder.Add(surname, ParentAge(ages, random), Parent);
        var otherParent = random.Chance(0.15) ? builder.OtherSurname(surname) : surname;
        foreach (var age in ages)
        {
            builder.Add(otherParent, age, Child);
        }
    }

    private static void TwoParents(Builder builder, string surname, int children, SeedRandom random)
    {
        var ages = ChildAges(children, random);
        var first = ParentAge(ages, random);
        builder.Add(surname, first, Parent);
        if (random.Chance(0.3))
        {
            // A step-parent: the householder's partner, with their own name.
            builder.Add(builder.OtherSurname(surname), Math.Max(18, first + random.Between(-6, 8)), Partner);
            foreach (var age in ages)
            {
                builder.Add(surname, age, Child);
            }
            return;
        }
        var secondSurname = random.Chance(0.65) ? surname : builder.OtherSurname(surname);
        builder.Add(secondSurname, Math.Max(ages[0] + 18, first + random.Between(-4, 6)), Parent);
        var childSurname = secondSurname == surname ? surname : random.PickWeighted([70, 20, 10]) switch
        {
            0 => surname,
            1 => secondSurname,
            _ => surname.Contains('-', StringComparison.Ordinal) || secondSurname.Contains('-', StringComparison.Ordinal)
                ? surname
                : $"{surname}-{secondSurname}",
        };
        foreach (var age in ages)
        {
            builder.Add(childSurname, age, Child);
        }
    }

    private static void ThreeGenerations(Builder builder, string surname, int size, SeedRandom random)
    {
        var ages = ChildAges(size - 2, random);
        var parent = ParentAge(ages, random);
        builder.Add(surname, parent, Parent);
        foreach (var age in ages)
        {
            builder.Add(surname, age, Child);
        }
        var grandparentSurname = random.Chance(0.5) ? surname : builder.OtherSurname(surname);
        builder.Add(grandparentSurname, Math.Min(95, parent + random.Between(20, 32)), Grandparent);
    }

    private static void Kinship(Builder builder, string surname, int grandchildren, bool twoGrandparents, SeedRandom random)
    {
        var ages = ChildAges(grandchildren, random);
        var grandparent = Math.Min(88, Math.Max(ages[0] + 40, random.Between(48, 72)));
        builder.Add(surname, grandparent, Grandparent);
        if (twoGrandparents)
        {
            builder.Add(surname, Math.Max(ages[0] + 38, grandparent + random.Between(-5, 5)), Grandparent);
        }
        var childSurname = random.Chance(0.6) ? surname : builder.OtherSurname(surname);
        foreach (var age in ages)
        {
            builder.Add(childSurname, age, Grandchild);
        }
    }

    private static void Couple(Builder builder, string surname, int age, SeedRandom random)
    {
        builder.Add(surname, age, Householder);
        var partnerSurname = random.Chance(0.7) ? surname : builder.OtherSurname(surname);
        builder.Add(partnerSurname, Math.Max(18, age + random.Between(-6, 6)), Partner);
    }

    /// <summary>Children's ages, eldest first: mostly 0–17, now and then a young adult still at home.</summary>
    private static int[] ChildAges(int count, SeedRandom random)
    {
        var ages = new int[Math.Max(1, count)];
        for (var i = 0; i < ages.Length; i++)
        {
            ages[i] = random.Chance(0.08) ? random.Between(18, 21) : random.Between(0, 17);
        }
        Array.Sort(ages, (a, b) => b.CompareTo(a));
        return ages;
    }

    private static int ParentAge(int[] childAges, SeedRandom random)
    {
        var eldest = childAges[0];
        var youngest = childAges[^1];
        var lowest = eldest + 18;
        var highest = Math.Max(lowest, Math.Min(eldest + 32, youngest + 45));
        return random.Between(lowest, highest);
    }

    private sealed class Builder(NamePool pool, SeedRandom random)
    {
        public List<Member> Members { get; } = [];

        public void Add(string surname, int age, string relationship)
        {
            var names = age < 22 ? pool.Children : age < 60 ? pool.Adults : pool.Elders;
            var given = random.Pick(names);
            for (var attempt = 0; attempt < 5 && Members.Any(m => m.GivenName == given); attempt++)
            {
                given = random.Pick(names);
            }
            Members.Add(new Member(given, surname, age, relationship));
        }

        public string OtherSurname(string surname)
        {
            var other = random.Pick(pool.FamilyNames);
            return other == surname ? random.Pick(pool.FamilyNames) : other;
        }
    }
}
