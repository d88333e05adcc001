using Patchwork.Changes;
using Patchwork.Network;

namespace Patchwork.Storage.Tests.Contract;

/// <summary>
/// The network every contract test starts from, with every right answer known.
/// <code>
/// the Smith household: Alice (mother), Zoë (daughter), Ben (son)
///   Sam   (council social worker)   supports Alice (−300d) and Zoë (−100d)
///   Nina  (district nurse)          supports Alice (−200d) and Ben (−80d, restricted)
///   Rita  (restricted service)      supports Zoë (−50d, restricted); her old involvement with Ben ended
///   Tom   (teacher)                 supports Ben (−150d) and Zoë (−120d)
/// Dana Jones (shielded) and Liam O'Brien: supported by Yara (youth worker)
/// Daniel Jones: no team.  Eve Brown: Fred's involvement ended, so no team.
/// Oscar (health visitor): in no team at all.
/// </code>
/// </summary>
public static class TestNetwork
{
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public const string Council = "ag-council";
    public const string Health = "ag-health";
    public const string SexualHealth = "ag-sexual-health";
    public const string School = "ag-school";

    public const string Sam = "pr-sam";
    public const string Nina = "pr-nina";
    public const string Rita = "pr-rita";
    public const string Tom = "pr-tom";
    public const string Yara = "pr-yara";
    public const string Fred = "pr-fred";
    public const string Oscar = "pr-oscar";

    public const string Smiths = "fa-smith";

    public const string Alice = "cl-alice";
    public const string Zoe = "cl-zoe";
    public const string Ben = "cl-ben";
    public const string Dana = "cl-dana";
    public const string Daniel = "cl-daniel";
    public const string Eve = "cl-eve";
    public const string Liam = "cl-liam";

    public const string SamAliceVisited = "vi-sam-alice-visited";
    public const string SamAlicePhoned = "vi-sam-alice-phoned";
    public const string SamAliceCancelled = "vi-sam-alice-cancelled";
    public const string SamAliceOverdue = "vi-sam-alice-overdue";
    public const string SamAliceNext = "vi-sam-alice-next";
    public const string SamAliceLater = "vi-sam-alice-later";
    public const string SamZoeVisited = "vi-sam-zoe-visited";
    public const string SamZoeNext = "vi-sam-zoe-next";
    public const string NinaAliceVisited = "vi-nina-alice-visited";
    public const string NinaAliceNext = "vi-nina-alice-next";
    public const string NinaAliceMissed = "vi-nina-alice-missed";
    public const string RitaZoeNext = "vi-rita-zoe-next";
    public const string RitaBenOld = "vi-rita-ben-old";
    public const string TomBenNow = "vi-tom-ben-now";
    public const string TomZoeCalledOff = "vi-tom-zoe-called-off";
    public const string FredEveVisited = "vi-fred-eve-visited";
    public const string YaraDanaNext = "vi-yara-dana-next";

    public static readonly IReadOnlyList<string> ClientIds = [Alice, Zoe, Ben, Dana, Daniel, Eve, Liam];
    public static readonly IReadOnlyList<string> PractitionerIds = [Sam, Nina, Rita, Tom, Yara, Fred, Oscar];
    public static readonly IReadOnlyList<string> AgencyIds = [Council, Health, SexualHealth, School];

    public static readonly IReadOnlyList<string> VisitIds =
    [
        SamAliceVisited, SamAlicePhoned, SamAliceCancelled, SamAliceOverdue, SamAliceNext, SamAliceLater,
        SamZoeVisited, SamZoeNext, NinaAliceVisited, NinaAliceNext, NinaAliceMissed, RitaZoeNext, RitaBenOld,
        TomBenNow, TomZoeCalledOff, FredEveVisited, YaraDanaNext,
    ];

    public static DateTimeOffset Days(double days) => Now.AddDays(days);

    public static Actor ActorFor(string practitionerId) =>
        new(NetworkBuilder.SubjectOf(practitionerId), practitionerId, "req-" + practitionerId);

    /// <summary>An administrator: signs in and is audited, but is no practitioner.</summary>
    public static readonly Actor Admin = new("idp|admin", null, "req-admin");

    public static NetworkSnapshot Build() => new NetworkBuilder()
        .Agency(Council, "Norfolk County Council", AgencyKind.CountyCouncil)
        .Agency(Health, "Norfolk Community Health", AgencyKind.Health)
        .Agency(SexualHealth, "Sexual Health Norfolk", AgencyKind.Health, restrictedService: true)
        .Agency(School, "Northgate Primary School", AgencyKind.School)
        .Practitioner(Sam, Council, "Sam Patel", "Social worker")
        .Practitioner(Nina, Health, "Nina Okafor", "District nurse", ContactMethod.Landline)
        .Practitioner(Rita, SexualHealth, "Rita Moss", "Sexual health adviser", ContactMethod.Email)
        .Practitioner(Tom, School, "Tom Hughes", "Class teacher", ContactMethod.Email)
        .Practitioner(Yara, Council, "Yara Khan", "Youth worker")
        .Practitioner(Fred, Council, "Fred Lowe", "Family support worker", status: PractitionerStatus.Left)
        .Practitioner(Oscar, Health, "Oscar Reid", "Health visitor")
        .Family(Smiths, "the Smith household", "Norwich North")
        .Client(Alice, "Alice", "Smith", new DateOnly(1985, 4, 12), "NR2 4TJ", Smiths, "mother", nhsNumber: "9434765919")
        .Client(Zoe, "Zoë", "Smith", new DateOnly(2012, 9, 1), "NR2 4TJ", Smiths, "daughter")
        .Client(Ben, "Ben", "Smith", new DateOnly(2015, 6, 20), "NR2 4TJ", Smiths, "son")
        .Client(Dana, "Dana", "Jones", new DateOnly(2001, 1, 1), "NR3 1AB", shielded: true)
        .Client(Daniel, "Daniel", "Jones", new DateOnly(1990, 2, 2), "IP1 2CD")
        .Client(Eve, "Eve", "Brown", new DateOnly(1970, 7, 7), "PE30 1AA")
        .Client(Liam, "Liam", "O'Brien", new DateOnly(1999, 3, 3), "NR1 3QQ")
        // Yara's clients are inserted in the opposite order to the one "my clients" must return.
        .Involvement(Yara, Liam, Days(-90))
        .Involvement(Yara, Dana, Days(-60))
        .Involvement(Sam, Alice, Days(-300))
        .Involvement(Sam, Zoe, Days(-100))
        .Involvement(Nina, Alice, Days(-200))
        .Involvement(Nina, Ben, Days(-80), restricted: true)
        .Involvement(Rita, Zoe, Days(-50), restricted: true)
        .Involvement(Tom, Ben, Days(-150))
        .Involvement(Tom, Zoe, Days(-120))
        .Involvement(Fred, Eve, Days(-400), endedOn: Days(-30), endReason: "Case closed")
        .Involvement(Rita, Ben, Days(-500), restricted: true, endedOn: Days(-200), endReason: "Discharged")
        .Visit(SamAliceVisited, Sam, Alice, VisitMode.HomeVisit, VisitStatus.Completed, Days(-10), Days(-10).AddHours(1))
        .Visit(SamAlicePhoned, Sam, Alice, VisitMode.Phone, VisitStatus.Completed, null, Days(-3))
        .Visit(SamAliceCancelled, Sam, Alice, VisitMode.HomeVisit, VisitStatus.Cancelled, Days(1))
        .Visit(SamAliceOverdue, Sam, Alice, VisitMode.Office, VisitStatus.Planned, Days(-2))
        .Visit(SamAliceNext, Sam, Alice, VisitMode.HomeVisit, VisitStatus.Planned, Days(5))
        .Visit(SamAliceLater, Sam, Alice, VisitMode.HomeVisit, VisitStatus.Planned, Days(40))
        .Visit(SamZoeVisited, Sam, Zoe, VisitMode.Video, VisitStatus.Completed, null, Days(-1))
        .Visit(SamZoeNext, Sam, Zoe, VisitMode.HomeVisit, VisitStatus.Planned, Days(7))
        .Visit(NinaAliceVisited, Nina, Alice, VisitMode.HomeVisit, VisitStatus.Completed, Days(-20), Days(-20))
        .Visit(NinaAliceNext, Nina, Alice, VisitMode.HomeVisit, VisitStatus.Planned, Days(2))
        .Visit(NinaAliceMissed, Nina, Alice, VisitMode.HomeVisit, VisitStatus.Missed, Days(-1))
        .Visit(RitaZoeNext, Rita, Zoe, VisitMode.Office, VisitStatus.Planned, Days(3))
        .Visit(RitaBenOld, Rita, Ben, VisitMode.Office, VisitStatus.Completed, Days(-250), Days(-250))
        .Visit(TomBenNow, Tom, Ben, VisitMode.Office, VisitStatus.Planned, Now)
        // Cancelled, yet carrying a completion time (as an imported record may): the status decides, not the time.
        .Visit(TomZoeCalledOff, Tom, Zoe, VisitMode.HomeVisit, VisitStatus.Cancelled, Days(-5), Days(-5))
        .Visit(FredEveVisited, Fred, Eve, VisitMode.HomeVisit, VisitStatus.Completed, null, Days(-35))
        .Visit(YaraDanaNext, Yara, Dana, VisitMode.Other, VisitStatus.Planned, Days(1))
        .Build();
}
