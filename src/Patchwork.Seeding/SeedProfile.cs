namespace Patchwork.Seeding;

/// <summary>The sizes of demo network the generator knows. Each has a <see cref="SeedProfile"/>.</summary>
public enum SeedSize
{
    /// <summary>One fictional district, Eastmere: about 20 agencies, 50 practitioners and 200 families.</summary>
    Small,

    /// <summary>
    /// A whole county at Eastmere's make-up: 300 agencies, 20,000 practitioners, 80,000 families, about 200,000
    /// clients and 5 million visits, past and planned. Load it in batches (<see cref="DemoNetwork.GenerateInBatches"/>).
    /// </summary>
    County,
}

/// <summary>
/// How big a demo network is and how it is shaped. Weights are relative, not percentages: index <c>i</c> of
/// <see cref="TeamSizeWeights"/> is how often a family has <c>i</c> practitioners around it.
/// A larger size (a whole county) is added by adding a profile; the generator's work grows linearly with it.
/// </summary>
public sealed record SeedProfile
{
    /// <summary>Agencies, at least the Eastmere core (one of every kind, restricted services, a suspended one).</summary>
    public required int Agencies { get; init; }

    public required int Practitioners { get; init; }

    /// <summary>Practitioners who have left their agency; their involvements have all ended.</summary>
    public required int LeftPractitioners { get; init; }

    /// <summary>Households, including the walk-through family.</summary>
    public required int Families { get; init; }

    /// <summary>Wards of the district that families live in.</summary>
    public required int Wards { get; init; }

    /// <summary>Members per family: the smallest and largest household.</summary>
    public required (int Min, int Max) MembersPerFamily { get; init; }

    /// <summary>Relative frequency of each household size, from <see cref="MembersPerFamily"/>.Min upwards.</summary>
    public required IReadOnlyList<double> MemberCountWeights { get; init; }

    /// <summary>Relative frequency of 0, 1, 2 … practitioners around a family.</summary>
    public required IReadOnlyList<double> TeamSizeWeights { get; init; }

    /// <summary>Share of practitioners who carry a large caseload.</summary>
    public required double HeavyCaseloadShare { get; init; }

    /// <summary>How much likelier a heavy-caseload practitioner is to be in any one team.</summary>
    public required double HeavyCaseloadWeight { get; init; }

    /// <summary>Share of involvements (of practitioners still in post) that have ended.</summary>
    public required double EndedInvolvementShare { get; init; }

    /// <summary>Share of families whose members are shielded from search.</summary>
    public required double ShieldedFamilyShare { get; init; }

    /// <summary>Share of clients whose NHS number is known.</summary>
    public required double NhsNumberShare { get; init; }

    /// <summary>Past contacts (completed, cancelled, missed) per practitioner around a family.</summary>
    public required (int Min, int Max) PastVisitsPerInvolvement { get; init; }

    /// <summary>Relative frequency of 0, 1, 2 … planned visits per current practitioner around a family.</summary>
    public required IReadOnlyList<double> PlannedVisitWeights { get; init; }

    /// <summary>How far back visits go.</summary>
    public required int HistoryDays { get; init; }

    /// <summary>How far ahead planned visits go.</summary>
    public required int PlanningHorizonDays { get; init; }

    public static SeedProfile Small { get; } = new()
    {
        Agencies = 21,
        Practitioners = 50,
        LeftPractitioners = 2,
        Families = 200,
        Wards = 7,
        MembersPerFamily = (1, 6),
        MemberCountWeights = [10, 18, 26, 24, 14, 8],
        TeamSizeWeights = [4, 30, 28, 18, 7, 4, 2, 1, 2.5, 1.5, 1, 0.5],
        HeavyCaseloadShare = 0.06,
        HeavyCaseloadWeight = 5,
        EndedInvolvementShare = 0.08,
        ShieldedFamilyShare = 0.02,
        NhsNumberShare = 0.92,
        PastVisitsPerInvolvement = (2, 10),
        PlannedVisitWeights = [35, 45, 20],
        HistoryDays = 365,
        PlanningHorizonDays = 42,
    };

    /// <summary>
    /// A county: households mostly of one to three, most with one to three practitioners around them and a tail
    /// with ten or more; a few practitioners carry large caseloads; three years of contacts, which gives about
    /// 25 visits per client.
    /// </summary>
    public static SeedProfile County { get; } = new()
    {
        Agencies = 300,
        Practitioners = 20_000,
        LeftPractitioners = 600,
        Families = 80_000,
        Wards = 7,
        MembersPerFamily = (1, 6),
        MemberCountWeights = [31, 26, 19, 14, 6, 4],
        TeamSizeWeights = [6, 33, 26, 14, 7, 4, 2.6, 1.8, 1.3, 1.0, 0.9, 0.7, 0.5, 0.4, 0.3],
        HeavyCaseloadShare = 0.03,
        HeavyCaseloadWeight = 8,
        EndedInvolvementShare = 0.08,
        ShieldedFamilyShare = 0.02,
        NhsNumberShare = 0.92,
        PastVisitsPerInvolvement = (8, 76),
        PlannedVisitWeights = [25, 40, 25, 10],
        HistoryDays = 1095,
        PlanningHorizonDays = 56,
    };

    public static SeedProfile For(SeedSize size) => size switch
    {
        SeedSize.Small => Small,
        SeedSize.County => County,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "No profile for this seed size."),
    };
}
