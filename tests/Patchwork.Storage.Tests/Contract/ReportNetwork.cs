using Patchwork.Network;
using static Patchwork.Storage.Tests.Contract.TestNetwork;

namespace Patchwork.Storage.Tests.Contract;

/// <summary>
/// The network the report tests start from, with every right answer known (days from <see cref="TestNetwork.Now"/>).
/// <code>
/// North  F1 the Ahmed household: Asha, Bilal
///          Cara (council)  supports Asha (−100d); home visit completed −5d
///          Hugo (health)   supports Asha (−50d);  visit planned +3d
///          Sian (school)   supports Bilal (−30d); contact completed −40d
///          Owen (housing)  supported Bilal (−200d, ended −10d)
///        F2 the Brook household: Cal — Hugo supports him (−60d); never contacted
///        F3 the Clay household: Dev, Eli — nobody now; Carl (council) supported Dev (−300d … −150d), contact −200d
/// South  F4 the Dunn household: Gus — Carl supports him (−10d); his only visit was planned for −2d
///        F5 the Eyre household: Hal — Sian supports him (−20d); contact −1d, next visit +10d
/// East   F6 the Ford household: Jo — nobody, ever
/// Xan, in no family: Cara supports him (−5d)
/// </code>
/// </summary>
public static class ReportNetwork
{
    public const string Lead = "ag-council";
    public const string Nhs = "ag-health";
    public const string Schools = "ag-school";
    public const string Homes = "ag-housing";

    public const string Cara = "pr-cara";
    public const string Carl = "pr-carl";
    public const string Hugo = "pr-hugo";
    public const string Sian = "pr-sian";
    public const string Owen = "pr-owen";
    public const string Rhea = "pr-rhea";
    public const string Refuge = "ag-refuge";

    public const string F1 = "fa-ahmed";
    public const string F2 = "fa-brook";
    public const string F3 = "fa-clay";
    public const string F4 = "fa-dunn";
    public const string F5 = "fa-eyre";
    public const string F6 = "fa-ford";

    public const string Asha = "cl-asha";
    public const string Bilal = "cl-bilal";
    public const string Cal = "cl-cal";
    public const string Dev = "cl-dev";
    public const string Eli = "cl-eli";
    public const string Gus = "cl-gus";
    public const string Hal = "cl-hal";
    public const string Jo = "cl-jo";
    public const string Xan = "cl-xan";

    public static NetworkSnapshot Build() => Builder().Build();

    /// <summary>
    /// The report network with a domestic-abuse service (a restricted service, of the voluntary kind) and its advocate
    /// Rhea, who work with nobody yet: what every report must go on showing once <see cref="RestrictedWork"/> is added.
    /// </summary>
    public static NetworkSnapshot BuildWithRestrictedService() => Builder()
        .Agency(Refuge, "Haven Domestic Abuse Service", AgencyKind.Voluntary, restrictedService: true)
        .Practitioner(Rhea, Refuge, "Rhea Moss", "Independent domestic violence advocate")
        .Build();

    /// <summary>
    /// Restricted work around <see cref="BuildWithRestrictedService"/>, each piece placed where it would move a figure
    /// if it were counted:
    /// <code>
    /// Rhea (restricted service) supports Asha (F1, −25d): contact −2d (after Cara's), visit planned +1d (before Hugo's)
    ///                           supports Jo (F6, nobody else, −8d): contact −3d, visit planned +5d
    ///                           supported Gus (F4, −60d … −30d): contact −45d, a visit planned for −35d missed
    ///                           supports Xan (in no family, −4d)
    /// Carl (council, the key worker's kind) supports Cal (F2, −15d), marked restricted: contact −12d, a visit overdue since −1d
    /// </code>
    /// The visits come in a first part and the involvements that make them restricted in a second, so a store cannot
    /// get the rule right only by judging each visit as it is written.
    /// </summary>
    public static IReadOnlyList<NetworkSnapshot> RestrictedWork() =>
    [
        new NetworkBuilder()
            .Visit("vi-rhea-asha", Rhea, Asha, VisitMode.HomeVisit, VisitStatus.Completed, Days(-2), Days(-2))
            .Visit("vi-rhea-asha-next", Rhea, Asha, VisitMode.Office, VisitStatus.Planned, Days(1))
            .Visit("vi-rhea-jo", Rhea, Jo, VisitMode.Phone, VisitStatus.Completed, null, Days(-3))
            .Visit("vi-rhea-jo-next", Rhea, Jo, VisitMode.Office, VisitStatus.Planned, Days(5))
            .Visit("vi-rhea-gus", Rhea, Gus, VisitMode.HomeVisit, VisitStatus.Completed, Days(-45), Days(-45))
            .Visit("vi-rhea-gus-missed", Rhea, Gus, VisitMode.HomeVisit, VisitStatus.Missed, Days(-35))
            .Visit("vi-carl-cal", Carl, Cal, VisitMode.HomeVisit, VisitStatus.Completed, Days(-12), Days(-12))
            .Visit("vi-carl-cal-overdue", Carl, Cal, VisitMode.HomeVisit, VisitStatus.Planned, Days(-1))
            .Build(),
        new NetworkBuilder()
            .Involvement(Rhea, Asha, Days(-25), restricted: true)
            .Involvement(Rhea, Jo, Days(-8), restricted: true)
            .Involvement(Rhea, Gus, Days(-60), restricted: true, endedOn: Days(-30), endReason: "Moved away")
            .Involvement(Rhea, Xan, Days(-4), restricted: true)
            .Involvement(Carl, Cal, Days(-15), restricted: true)
            .Build(),
    ];

    private static NetworkBuilder Builder() => new NetworkBuilder()
        .Agency(Lead, "Norfolk County Council", AgencyKind.CountyCouncil)
        .Agency(Nhs, "Norfolk Community Health", AgencyKind.Health)
        .Agency(Schools, "Northgate Primary School", AgencyKind.School)
        .Agency(Homes, "Broadland Housing", AgencyKind.Housing)
        .Practitioner(Cara, Lead, "Cara Bell", "Social worker")
        .Practitioner(Carl, Lead, "Carl Dean", "Family support worker")
        .Practitioner(Hugo, Nhs, "Hugo Grant", "Health visitor")
        .Practitioner(Sian, Schools, "Sian Lloyd", "Designated safeguarding lead")
        .Practitioner(Owen, Homes, "Owen Price", "Housing officer")
        .Family(F1, "the Ahmed household", "North")
        .Family(F2, "the Brook household", "North")
        .Family(F3, "the Clay household", "North")
        .Family(F4, "the Dunn household", "South")
        .Family(F5, "the Eyre household", "South")
        .Family(F6, "the Ford household", "East")
        .Client(Asha, "Asha", "Ahmed", new DateOnly(1988, 1, 1), "NR1 1AA", F1, "mother")
        .Client(Bilal, "Bilal", "Ahmed", new DateOnly(2014, 1, 1), "NR1 1AA", F1, "son")
        .Client(Cal, "Cal", "Brook", new DateOnly(1990, 1, 1), "NR1 1AB", F2, "father")
        .Client(Dev, "Dev", "Clay", new DateOnly(1975, 1, 1), "NR1 1AD", F3, "father")
        .Client(Eli, "Eli", "Clay", new DateOnly(2010, 1, 1), "NR1 1AD", F3, "son")
        .Client(Gus, "Gus", "Dunn", new DateOnly(1960, 1, 1), "NR9 1AA", F4, "grandfather")
        .Client(Hal, "Hal", "Eyre", new DateOnly(2016, 1, 1), "NR9 1AB", F5, "son")
        .Client(Jo, "Jo", "Ford", new DateOnly(1999, 1, 1), "IP1 1AA", F6, "mother")
        .Client(Xan, "Xan", "Young", new DateOnly(2001, 1, 1), "NR2 2AA")
        .Involvement(Cara, Asha, Days(-100))
        .Involvement(Hugo, Asha, Days(-50))
        .Involvement(Sian, Bilal, Days(-30))
        .Involvement(Owen, Bilal, Days(-200), endedOn: Days(-10), endReason: "Rehoused")
        .Involvement(Hugo, Cal, Days(-60))
        .Involvement(Carl, Dev, Days(-300), endedOn: Days(-150), endReason: "Case closed")
        .Involvement(Carl, Gus, Days(-10))
        .Involvement(Sian, Hal, Days(-20))
        .Involvement(Cara, Xan, Days(-5))
        .Visit("vi-cara-asha", Cara, Asha, VisitMode.HomeVisit, VisitStatus.Completed, Days(-5), Days(-5))
        .Visit("vi-hugo-asha", Hugo, Asha, VisitMode.HomeVisit, VisitStatus.Planned, Days(3))
        .Visit("vi-sian-bilal", Sian, Bilal, VisitMode.Office, VisitStatus.Completed, null, Days(-40))
        .Visit("vi-carl-dev", Carl, Dev, VisitMode.HomeVisit, VisitStatus.Completed, Days(-200), Days(-200))
        .Visit("vi-carl-gus", Carl, Gus, VisitMode.HomeVisit, VisitStatus.Planned, Days(-2))
        .Visit("vi-sian-hal", Sian, Hal, VisitMode.Phone, VisitStatus.Completed, null, Days(-1))
        .Visit("vi-sian-hal-next", Sian, Hal, VisitMode.Office, VisitStatus.Planned, Days(10));

    /// <summary>
    /// A network for the small-count rule: twelve families in Big, three in Small. In Big, families 1–7 have three
    /// agencies (council, health, school), 8–9 two (health, school) and 10–12 one (school); in Small every family
    /// has one (health). Only families 1–7 have a key worker.
    /// </summary>
    public static NetworkSnapshot BuildForSuppression()
    {
        var builder = new NetworkBuilder()
            .Agency(Lead, "Norfolk County Council", AgencyKind.CountyCouncil)
            .Agency(Nhs, "Norfolk Community Health", AgencyKind.Health)
            .Agency(Schools, "Northgate Primary School", AgencyKind.School)
            .Practitioner(Cara, Lead, "Cara Bell", "Social worker")
            .Practitioner(Hugo, Nhs, "Hugo Grant", "Health visitor")
            .Practitioner(Sian, Schools, "Sian Lloyd", "Designated safeguarding lead");
        for (var i = 1; i <= 15; i++)
        {
            var family = $"fa-{i:00}";
            var client = $"cl-{i:00}";
            builder.Family(family, $"household {i}", i <= 12 ? "Big" : "Small")
                .Client(client, "Member", $"Household{i}", new DateOnly(2000, 1, 1), "NR1 1AA", family, "parent");
            if (i <= 7)
            {
                builder.Involvement(Cara, client, Days(-100));
            }
            if (i <= 9 || i > 12)
            {
                builder.Involvement(Hugo, client, Days(-100));
            }
            if (i <= 12)
            {
                builder.Involvement(Sian, client, Days(-100));
            }
        }
        return builder.Build();
    }
}
