using Patchwork.Network;

namespace Patchwork.Seeding;

/// <summary>Which members of a household a practitioner in a role works with.</summary>
internal enum Reach
{
    /// <summary>One member in the age range, at random.</summary>
    One,

    /// <summary>The first member in the age range, in household order (the householder for adults).</summary>
    First,

    /// <summary>Every member in the age range.</summary>
    All,

    /// <summary>The householder and every child: whole-family work. Needs at least one child.</summary>
    HouseholderAndChildren,
}

internal sealed record Audience(int MinAge, int MaxAge, Reach Reach)
{
    public static Audience Children { get; } = new(0, 17, Reach.All);
    public static Audience UnderFives { get; } = new(0, 4, Reach.All);
    public static Audience Householder { get; } = new(18, 125, Reach.First);
    public static Audience AnAdult { get; } = new(18, 125, Reach.One);
    public static Audience Anyone { get; } = new(0, 125, Reach.One);
    public static Audience WholeFamily { get; } = new(0, 125, Reach.HouseholderAndChildren);
}

/// <summary>How a role's contacts usually happen; each maps to a spread of visit modes.</summary>
internal enum ContactStyle { Home, Clinic, School, Outreach, Confidential, FireSafety, Policing }

/// <summary>A job in an agency, with who it works with, why, and how it keeps in touch.</summary>
internal sealed record RoleSpec(
    string Title,
    double Weight,
    Audience Audience,
    ContactStyle Style,
    bool Field,
    IReadOnlyList<string> Reasons);

internal sealed record AgencySpec(
    string Key,
    string Name,
    AgencyKind Kind,
    string Domain,
    string DutyMailbox,
    bool Restricted,
    bool Suspended,
    double Size,
    IReadOnlyList<RoleSpec> Roles);

/// <summary>A practitioner who is in every Eastmere network with the same name, email and sign-in subject.</summary>
internal sealed record NamedPractitioner(
    string Subject,
    string GivenName,
    string FamilyName,
    string AgencyKey,
    string Role,
    string? Mobile,
    string? Landline,
    ContactMethod PreferredContact,
    int OtherFamilies);

internal sealed record Ward(string Name, IReadOnlyList<string> Districts, IReadOnlyList<string> Streets, IReadOnlyList<string> Blocks);

/// <summary>The fictional district of Eastmere: its agencies, the roles in them, its wards and streets.</summary>
internal static class Eastmere
{
    public const string District = "Eastmere";
    public const string CouncilDomain = "eastmere-council.example";
    public const string CouncilName = "Eastmere County Council";

    private static readonly Audience SchoolAge = new(5, 17, Reach.All);
    private static readonly Audience PrimaryAge = new(4, 11, Reach.All);
    private static readonly Audience SecondaryAge = new(11, 17, Reach.All);
    private static readonly Audience OlderPerson = new(55, 125, Reach.One);
    private static readonly Audience YoungPerson = new(11, 19, Reach.One);
    private static readonly Audience TeenOrAdult = new(12, 125, Reach.One);
    private static readonly Audience SixteenPlus = new(16, 125, Reach.One);

    public static IReadOnlyList<AgencySpec> Agencies { get; } =
    [
        new("childrens", "Eastmere County Council Children's Services", AgencyKind.CountyCouncil, CouncilDomain,
            "childrens.duty", false, false, 6,
        [
            new("Social worker", 5, Audience.Children, ContactStyle.Home, true,
                ["Child protection plan", "Child in need plan", "Assessment after a referral from school",
                 "Child in need assessment", "Support after a police notification"]),
            new("Senior social worker", 1, Audience.Children, ContactStyle.Home, true,
                ["Child protection plan", "Legal planning: pre-proceedings"]),
            new("Family support worker", 2, Audience.WholeFamily, ContactStyle.Home, true,
                ["Parenting support under a child in need plan", "Routines and school attendance",
                 "Support alongside the child protection plan"]),
        ]),
        new("adults", "Eastmere County Council Adult Social Care", AgencyKind.CountyCouncil, CouncilDomain,
            "adults.duty", false, false, 3,
        [
            new("Adult social worker", 3, OlderPerson, ContactStyle.Home, true,
                ["Care and support assessment", "Carer's assessment", "Safeguarding enquiry (Care Act section 42)",
                 "Review of the care package"]),
            new("Occupational therapist", 1, new Audience(60, 125, Reach.One), ContactStyle.Home, true,
                ["Adaptations assessment", "Falls prevention and equipment"]),
        ]),
        new("earlyhelp", "Eastmere Early Help Hub", AgencyKind.CountyCouncil, CouncilDomain,
            "earlyhelp", false, false, 2,
        [
            new("Early help practitioner", 3, Audience.WholeFamily, ContactStyle.Home, true,
                ["Early help plan", "Team around the family lead", "Step-down from children's social care"]),
        ]),
        new("housingoptions", "Eastmere District Council Housing Options", AgencyKind.DistrictCouncil,
            "eastmere-district.example", "housing.options", false, false, 2,
        [
            new("Housing officer", 2, Audience.Householder, ContactStyle.Outreach, true,
                ["Threatened with homelessness", "Temporary accommodation placement", "Housing register review"]),
            new("Homelessness prevention officer", 1, Audience.Householder, ContactStyle.Outreach, true,
                ["Prevention duty: notice from private landlord", "Rent arrears and tenancy sustainment"]),
        ]),
        new("communitysafety", "Eastmere District Council Community Safety", AgencyKind.DistrictCouncil,
            "eastmere-district.example", "community.safety", false, false, 1,
        [
            new("Antisocial behaviour officer", 1, TeenOrAdult, ContactStyle.Outreach, true,
                ["Antisocial behaviour case review", "Acceptable behaviour contract"]),
        ]),
        new("communityhealth", "Eastmere Community Health NHS Trust", AgencyKind.Health,
            "eastmere-health.example", "district.nursing", false, false, 3,
        [
            new("District nurse", 4, OlderPerson, ContactStyle.Home, true,
                ["Wound care after discharge from hospital", "Palliative care at home", "Diabetes and insulin support",
                 "Leg ulcer care", "Catheter care"]),
            new("Community matron", 1, new Audience(65, 125, Reach.One), ContactStyle.Home, true,
                ["Long-term conditions case management", "Frequent hospital admissions"]),
        ]),
        new("healthychild", "Eastmere Healthy Child Programme", AgencyKind.Health,
            "eastmere-health.example", "healthychild", false, false, 3,
        [
            new("Health visitor", 3, Audience.UnderFives, ContactStyle.Home, true,
                ["Universal plus: feeding and sleep", "Universal partnership plus: safeguarding",
                 "Developmental review follow-up", "Perinatal mental health support"]),
            new("School nurse", 2, SchoolAge, ContactStyle.School, true,
                ["Emotional health and wellbeing", "Continence support", "Health needs in the child protection plan"]),
        ]),
        new("gp", "Mere Valley Medical Practice", AgencyKind.Health,
            "merevalley-practice.example", "reception", false, false, 1,
        [
            new("GP", 2, Audience.Anyone, ContactStyle.Clinic, false,
                ["Named GP for safeguarding concerns", "Frequent attender review", "Complex long-term conditions"]),
            new("Practice nurse", 1, Audience.Anyone, ContactStyle.Clinic, false,
                ["Childhood immunisations catch-up", "Chronic disease review"]),
        ]),
        new("mentalhealth", "Eastmere Mental Health Partnership", AgencyKind.Health,
            "eastmere-health.example", "mentalhealth.duty", false, false, 2,
        [
            new("Community psychiatric nurse", 2, Audience.AnAdult, ContactStyle.Home, true,
                ["Care programme approach", "Support after a mental health crisis", "Depot medication"]),
            new("CAMHS practitioner", 1, new Audience(8, 17, Reach.One), ContactStyle.Clinic, false,
                ["Anxiety and low mood", "Self-harm follow-up", "Neurodevelopmental assessment"]),
        ]),
        new("sexualhealth", "Eastmere Sexual Health Clinic", AgencyKind.Health,
            "eastmere-health.example", "sexualhealth", true, false, 1,
        [
            new("Sexual health nurse", 1, SixteenPlus, ContactStyle.Confidential, false,
                ["Sexual health follow-up", "Contraception and sexual health support"]),
        ]),
        new("staidans", "St Aidan's Primary School", AgencyKind.School,
            "staidans-primary.example", "office", false, false, 1,
        [
            new("Designated safeguarding lead", 1, PrimaryAge, ContactStyle.School, false,
                ["Safeguarding concerns raised in school", "Attendance below 90%", "Child protection plan core group"]),
            new("Class teacher", 1, new Audience(4, 11, Reach.One), ContactStyle.School, false,
                ["Special educational needs support plan", "Attendance and punctuality"]),
        ]),
        new("academy", "Eastmere Academy", AgencyKind.School,
            "eastmere-academy.example", "safeguarding", false, false, 2,
        [
            new("Designated safeguarding lead", 1, SecondaryAge, ContactStyle.School, false,
                ["Safeguarding concerns raised in school", "Child protection plan core group"]),
            new("Head of year", 1, new Audience(11, 17, Reach.One), ContactStyle.School, false,
                ["Behaviour support plan", "Risk of exclusion"]),
            new("Attendance officer", 1, new Audience(11, 16, Reach.One), ContactStyle.School, true,
                ["Persistent absence", "Children missing education"]),
        ]),
        new("fire", "Eastmere Fire and Rescue Service", AgencyKind.Fire,
            "eastmere-fire.example", "homesafety", false, false, 2,
        [
            new("Firefighter (home safety)", 2, Audience.Householder, ContactStyle.FireSafety, true,
                ["Home fire safety visit after referral", "Hoarding and fire risk", "Smoke alarms fitted: follow-up"]),
            new("Home fire safety adviser", 1, Audience.Householder, ContactStyle.FireSafety, true,
                ["Home fire safety visit after referral", "Fire risk from smoking and oxygen use"]),
        ]),
        new("police", "Eastmere Constabulary", AgencyKind.Police,
            "eastmere-police.example", "safeguarding.hub", false, false, 2,
        [
            new("PCSO", 2, TeenOrAdult, ContactStyle.Policing, true,
                ["Neighbourhood concern: antisocial behaviour", "Vulnerable adult welfare checks", "Missing episodes"]),
            new("Police officer (safeguarding)", 1, Audience.Anyone, ContactStyle.Policing, true,
                ["Multi-agency safeguarding hub referral", "Child exploitation risk", "Domestic incident follow-up"]),
        ]),
        new("eastmerehomes", "Eastmere Homes", AgencyKind.Housing,
            "eastmere-homes.example", "tenancy", false, false, 2,
        [
            new("Housing officer", 2, Audience.Householder, ContactStyle.Outreach, true,
                ["Rent arrears", "Tenancy sustainment", "Property condition concerns"]),
            new("Tenancy sustainment officer", 1, Audience.Householder, ContactStyle.Home, true,
                ["Tenancy sustainment", "Support to claim benefits"]),
        ]),
        new("mereside", "Mereside Housing Trust", AgencyKind.Housing,
            "mereside-housing.example", "housing", false, true, 1,
        [
            new("Housing officer", 2, Audience.Householder, ContactStyle.Outreach, true,
                ["Rent arrears", "Tenancy sustainment"]),
            new("Tenancy support worker", 1, Audience.Householder, ContactStyle.Home, true,
                ["Supported housing placement", "Tenancy sustainment"]),
        ]),
        new("womensaid", "Eastmere Women's Aid", AgencyKind.Voluntary,
            "eastmere-womensaid.example", "helpline", true, false, 1,
        [
            new("Domestic abuse advocate (IDVA)", 2, Audience.AnAdult, ContactStyle.Confidential, true,
                ["Domestic abuse support after a MARAC referral", "Safety planning"]),
            new("Children's domestic abuse worker", 1, new Audience(4, 17, Reach.One), ContactStyle.Confidential, true,
                ["Recovery work with a child after domestic abuse"]),
        ]),
        new("homestart", "Home-Start Eastmere", AgencyKind.Voluntary,
            "homestart-eastmere.example", "office", false, false, 1,
        [
            new("Family support worker", 1, Audience.WholeFamily, ContactStyle.Home, true,
                ["Weekly family support visits", "Support with a new baby", "Befriending and routines"]),
        ]),
        new("youth", "Eastmere Youth Trust", AgencyKind.Voluntary,
            "eastmere-youth.example", "info", false, false, 1,
        [
            new("Youth worker", 2, YoungPerson, ContactStyle.Outreach, true,
                ["One-to-one mentoring", "Risk of exploitation: diversion work", "Youth club engagement"]),
            new("Detached youth worker", 1, YoungPerson, ContactStyle.Outreach, true,
                ["Street-based engagement", "Risk of exploitation: diversion work"]),
        ]),
        new("recovery", "Eastmere Recovery Service", AgencyKind.Voluntary,
            "eastmere-recovery.example", "referrals", true, false, 1,
        [
            new("Drug and alcohol recovery worker", 1, Audience.AnAdult, ContactStyle.Confidential, true,
                ["Structured treatment", "Alcohol detox aftercare"]),
        ]),
        new("probation", "Eastmere Probation Delivery Unit", AgencyKind.Other,
            "probation-eastmere.example", "pdu", false, false, 1,
        [
            new("Probation officer", 1, Audience.AnAdult, ContactStyle.Clinic, false,
                ["Community order supervision", "Licence supervision after release"]),
        ]),
    ];

    /// <summary>
    /// Agencies added when a profile asks for more than the core: more schools, practices, family centres
    /// and housing providers, named after the district's places.
    /// </summary>
    public static IReadOnlyList<(string NamePattern, string CoreKey)> MoreAgencies { get; } =
    [
        ("{0} Primary School", "staidans"),
        ("{0} Medical Practice", "gp"),
        ("{0} Academy", "academy"),
        ("{0} Family Centre", "homestart"),
        ("{0} Housing Association", "eastmerehomes"),
        ("{0} Youth Project", "youth"),
    ];

    public static IReadOnlyList<string> Places { get; } =
    [
        "Harbour", "Castle Hill", "Millbrook", "St Edmund's", "Fenside", "Northgate", "Abbey Fields", "Reedham",
        "Saltmarsh", "Westbrook", "Haverley", "Oakhurst", "Brandon Green", "Kingsmere", "Little Fenton", "Ashby",
        // Beyond the district: the market towns and villages of the rest of the county.
        "Thornbury", "Wickham Market", "Cley", "Elmswell", "Holbrook", "Stanmere", "Fressingfield", "Orford",
        "Lavenham", "Debenham", "Walsham", "Bramford", "Kessingland", "Yoxford", "Hadleigh", "Brightwell",
        "Marham", "Halesworth", "Needham", "Capel", "Stoke Ferry", "Somerleyton", "Glemsford", "Barrow",
        "Blythburgh", "Worlingham", "Copdock", "Ixworth", "Mendham", "Tattingstone", "Dunwich", "Sproughton",
    ];

    /// <summary>The demo's named practitioners; the first is the walk-through's, never in the walk-through family's team.</summary>
    public static IReadOnlyList<NamedPractitioner> Named { get; } =
    [
        new("demo-social-worker", "Hannah", "Reid", "childrens", "Social worker",
            "07700900101", "01632960101", ContactMethod.Mobile, 4),
        new("demo-district-nurse", "Priya", "Sharma", "communityhealth", "District nurse",
            "07700900102", null, ContactMethod.Mobile, 3),
        new("demo-firefighter", "Tom", "Gallagher", "fire", "Firefighter (home safety)",
            "07700900103", "01632960103", ContactMethod.Landline, 3),
        new("demo-domestic-abuse-advocate", "Siân", "Morgan", "womensaid", "Domestic abuse advocate (IDVA)",
            "07700900104", null, ContactMethod.Mobile, 2),
        new("demo-suspended-housing-officer", "Gary", "Holt", "mereside", "Housing officer",
            "07700900105", "01632960105", ContactMethod.Email, 2),
        new("demo-health-visitor", "Bethany", "Clarke", "healthychild", "Health visitor",
            "07700900106", null, ContactMethod.Mobile, 2),
        new("demo-safeguarding-lead", "Mark", "Ellison", "staidans", "Designated safeguarding lead",
            null, "01632960107", ContactMethod.Landline, 0),
        new("demo-family-support-worker", "Zoë", "Whitfield", "homestart", "Family support worker",
            "07700900108", null, ContactMethod.Mobile, 0),
    ];

    public static IReadOnlyList<Ward> Wards { get; } =
    [
        new("Harbour", ["EM1"], ["Quay Street", "Anchor Lane", "Harbour Row", "Saltings Close", "Ropewalk", "Fisher's Yard"],
            ["Lighthouse Court", "Mariners House"]),
        new("Castle", ["EM2"], ["Castle Hill", "Keep Street", "Gatehouse Road", "Bailey Close", "Moat Lane"],
            ["Tower View", "Portcullis House"]),
        new("Millbrook", ["EM3"], ["Brook Street", "Mill Lane", "Weaver's Way", "Wheelwright Close", "Riverside Terrace"],
            ["Millrace Court"]),
        new("St Edmund's", ["EM4"], ["Church Walk", "Edmund Street", "Chapel Row", "Vicarage Gardens", "Bell Lane"],
            ["Belfry Court", "Cloister House"]),
        new("Fenside", ["EM5", "EM6"], ["Fen Road", "Reedham Drive", "Dyke Lane", "Marsh Close", "Heron Way", "Otter Rise"],
            ["Tennyson Court", "Kingfisher House", "Bittern House"]),
        new("Northgate", ["EM7"], ["Northgate", "Station Road", "Coronation Avenue", "Victoria Street", "Albert Terrace"],
            ["Sovereign Court"]),
        new("Abbey Fields", ["EM8", "EM9"], ["Abbey Way", "Priory Close", "Cloister Gardens", "Orchard Rise", "Meadow View"],
            ["Priory Court", "Orchard House"]),
    ];

    /// <summary>"Eastmere / Harbour": the area a family lives in, as analysts group by it.</summary>
    public static string Area(Ward ward) => $"{District} / {ward.Name}";
}
