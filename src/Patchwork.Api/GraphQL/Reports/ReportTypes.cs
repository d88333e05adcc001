using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.GraphQL.Directory;
using Patchwork.Api.Identity;
using Patchwork.Api.Reports;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Reports;

namespace Patchwork.Api.GraphQL.Reports;

public sealed class ReportCountType : ObjectGraphType<PublishedCount>
{
    public ReportCountType()
    {
        Name = "ReportCount";
        Description = "A count as published: rounded to the nearest 5, or suppressed (a count of 1 to 4), never both.";
        Field<IntGraphType>("value").Description("Null when suppressed.").Resolve(ctx => ctx.Source.Value);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Resolve(ctx => ctx.Source.Suppressed);
    }
}

public sealed class ReportShareType : ObjectGraphType<PublishedShare>
{
    public ReportShareType()
    {
        Name = "ReportShare";
        Description = "A count and the share of its row's families it is, worked out from the published counts.";
        Field<NonNullGraphType<ReportCountType>>("count").Resolve(ctx => ctx.Source.Count);
        Field(s => s.Share, nullable: true).Description("Between 0 and 1; null when the count or the row is suppressed.");
    }
}

public sealed class ReportBucketType : ObjectGraphType<Bucket>
{
    public ReportBucketType()
    {
        Name = "ReportBucket";
        Field(b => b.From);
        Field(b => b.To, nullable: true).Description("Inclusive; null for the open-ended last bucket.");
        Field(b => b.Label);
        Field<NonNullGraphType<ReportCountType>>("count").Resolve(ctx => ctx.Source.Count);
    }
}

public sealed class ReportDistributionType : ObjectGraphType<Distribution>
{
    public ReportDistributionType()
    {
        Name = "ReportDistribution";
        Field(d => d.Mean, nullable: true).Description("Null when the row is suppressed.");
        Field(d => d.Median, nullable: true).Description("Null when the row is suppressed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportBucketType>>>>("buckets")
            .WithComplexityImpact(1, 7)
            .Resolve(ctx => ctx.Source.Buckets);
    }
}

public sealed class AreaDensityType : ObjectGraphType<AreaDensity>
{
    public AreaDensityType()
    {
        Name = "AreaDensity";
        Description = "How dense the professional network is around the families of one area (or, overall, of every published area).";
        Field(a => a.Area, nullable: true).Description("Null on the overall row.");
        Field(a => a.Suppressed).Description("The area has 1 to 4 families: nothing else about it is shown, and it counts in no total.");
        Field<NonNullGraphType<ReportCountType>>("families").Resolve(ctx => ctx.Source.Families);
        Field<NonNullGraphType<ReportDistributionType>>("practitionersPerFamily").Resolve(ctx => ctx.Source.PractitionersPerFamily);
        Field<NonNullGraphType<ReportDistributionType>>("agenciesPerFamily").Resolve(ctx => ctx.Source.AgenciesPerFamily);
        Field<NonNullGraphType<ReportShareType>>("threeOrMoreAgencies").Resolve(ctx => ctx.Source.ThreeOrMoreAgencies);
        Field<NonNullGraphType<ReportShareType>>("singleAgency").Resolve(ctx => ctx.Source.SingleAgency);
        Field<NonNullGraphType<ReportShareType>>("noKeyWorker")
            .Description("Families with no current involvement by a lead agency (the county council).")
            .Resolve(ctx => ctx.Source.NoKeyWorker);
    }
}

public sealed class DensityReportType : ObjectGraphType<DensityReport>
{
    public DensityReportType()
    {
        Name = "NetworkDensity";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaDensityType>>>>("areas")
            .WithComplexityImpact(1, 3)
            .Resolve(ctx => ctx.Source.Areas);
        Field<NonNullGraphType<AreaDensityType>>("overall").Resolve(ctx => ctx.Source.Overall);
    }
}

public sealed class FamilyNetworkGroupType : ObjectGraphType<FamilyNetworkGroup>
{
    public FamilyNetworkGroupType()
    {
        Name = "FamilyNetworkGroup";
        Description = "Families of one area with the same number of agencies and the same contact recency, published only when "
            + "there are enough of them (Reports:MinimumGroup, 10 by default): no references, no exact figures about one family.";
        Field(g => g.Area);
        Field(g => g.Agencies, type: typeof(NonNullGraphType<EnumerationGraphType<AgencyBand>>)).Description("How many agencies work around each family of the group.");
        Field(g => g.LastContact, type: typeof(NonNullGraphType<EnumerationGraphType<ContactRecency>>)).Description("How long since each family's last completed contact.");
        Field<NonNullGraphType<ReportCountType>>("families").Resolve(ctx => ctx.Source.Families);
        Field<NonNullGraphType<ReportCountType>>("withKeyWorker").Resolve(ctx => ctx.Source.WithKeyWorker);
        Field<NonNullGraphType<ReportCountType>>("withVisitPlanned").Resolve(ctx => ctx.Source.WithVisitPlanned);
        Field(g => g.PractitionersPerFamily).Description("The mean, to one decimal.");
        Field(g => g.MembersWithInvolvementShare).Description("The mean share of a family's members with an involvement (0 to 1), to one decimal.");
    }
}

public sealed class AgencyPairType : ObjectGraphType<AgencyPair>
{
    public AgencyPairType()
    {
        Name = "AgencyPair";
        Description = "Two agencies working with the same families, and how many.";
        Field(p => p.Area, nullable: true).Description("Null for the pair over every published area.");
        Field<NonNullGraphType<AgencyType>>("first").Resolve(ctx => ctx.Loaders().Agencies.Load(ctx.Source.FirstAgencyId));
        Field<NonNullGraphType<AgencyType>>("second").Resolve(ctx => ctx.Loaders().Agencies.Load(ctx.Source.SecondAgencyId));
        Field<NonNullGraphType<ReportCountType>>("families").Resolve(ctx => ctx.Source.Families);
    }
}

public sealed class AgencyCaseloadType : ObjectGraphType<AgencyCaseload>
{
    public AgencyCaseloadType()
    {
        Name = "AgencyCaseload";
        Field<AgencyType>("agency").Description("Null on the overall row.")
            .Resolve(ctx => ctx.Source.AgencyId is { } id ? ctx.Loaders().Agencies.Load(id) : null);
        Field<NonNullGraphType<ReportCountType>>("practitioners").Resolve(ctx => ctx.Source.Practitioners);
        Field<NonNullGraphType<ReportCountType>>("families").Resolve(ctx => ctx.Source.Families);
        Field<NonNullGraphType<ReportCountType>>("clients").Resolve(ctx => ctx.Source.Clients);
        Field<NonNullGraphType<ReportDistributionType>>("familiesPerPractitioner").Resolve(ctx => ctx.Source.FamiliesPerPractitioner);
        Field<NonNullGraphType<ReportDistributionType>>("clientsPerPractitioner").Resolve(ctx => ctx.Source.ClientsPerPractitioner);
    }
}

public sealed class NoContactRowType : ObjectGraphType<NoContactRow>
{
    public NoContactRowType()
    {
        Name = "FamilyWithoutContact";
        Field(r => r.Reference).Description("Quote it to requestFollowUp.");
        Field(r => r.Area);
        Field(r => r.LastContact, type: typeof(NonNullGraphType<EnumerationGraphType<ContactRecency>>))
            .Description("How long before the start of the week the last completed contact was: NEVER when there has been none.");
        Field(r => r.HasActiveInvolvement);
        Field(r => r.OnlyOverdueVisits).Description("Every planned visit is in the past.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<NoContactReason>>>>>("reasons")
            .Resolve(ctx => ctx.Source.Reasons);
    }
}

public sealed class NoContactPageType : ObjectGraphType<CursorPage<NoContactRow>>
{
    public NoContactPageType()
    {
        Name = "FamiliesWithoutContactPage";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NoContactRowType>>>>("rows").Resolve(ctx => ctx.Source.Rows);
        Field(p => p.EndCursor, nullable: true).Description("Pass as `after` for the next page.");
        Field(p => p.HasNextPage);
    }
}

public sealed class FollowUpRequestType : ObjectGraphType<FollowUpRequest>
{
    public FollowUpRequestType()
    {
        Name = "FollowUpRequest";
        Description = "A commissioner's request that a family be followed up. Who asked is kept in the audit trail only.";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(r => r.RequestedAt);
        Field(r => r.Reason);
        Field(r => r.Route).Description("TEAM: sent to the family's team. DUTY: no agency of the family's team could receive it; sent to agencies' duty contacts.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgencyType>>>>("agencies")
            .Description("The agencies it was sent to. A restricted service shows only to its own practitioners.")
            .ResolveAsync(async ctx => VisibleTo(ctx.Viewer(), await ctx.Loaders().Agencies.LoadManyAsync(ctx.Source.AgencyIds, ctx.CancellationToken)));
    }

    /// <summary>
    /// A duty inbox reaches practitioners outside the family's team: naming a restricted service (domestic abuse,
    /// sexual health) there would say the household worked with it. The team already sees such a service only as
    /// an agency and its duty line, so leaving it out costs them nothing.
    /// </summary>
    internal static List<Agency> VisibleTo(Viewer viewer, IReadOnlyList<Agency?> agencies) =>
        [.. agencies.OfType<Agency>().Where(a => !a.RestrictedService || a.Id == viewer.Practitioner?.AgencyId)];
}

/// <summary>A request in an agency's duty inbox: enough to find the family, which has no team to see it otherwise.</summary>
public sealed record DutyFollowUp(FollowUpRequest Request, Family Family);

public sealed class DutyFollowUpType : ObjectGraphType<DutyFollowUp>
{
    public DutyFollowUpType()
    {
        Name = "DutyFollowUp";
        // Whatever part of a request is shown, it is a view of the family, audited once per family per answer.
        Field<NonNullGraphType<FollowUpRequestType>>("request").Audited(View).Resolve(ctx => ctx.Source.Request);
        Field<NonNullGraphType<IdGraphType>>("familyId").Audited(View).Resolve(ctx => ctx.Source.Family.Id);
        Field<NonNullGraphType<StringGraphType>>("householdName").Audited(View).Resolve(ctx => ctx.Source.Family.Name);
        Field<NonNullGraphType<StringGraphType>>("area").Audited(View).Resolve(ctx => ctx.Source.Family.Area);
    }

    private static AuditedRead View(IResolveFieldContext ctx, object? _) =>
        new(AuditAction.ViewFamily, FamilyId: ((DutyFollowUp)ctx.Source!).Family.Id, Detail: "dutyFollowUpRequests");
}

/// <summary>What a commissioner is told after asking for a follow-up: where it went, by reference only.</summary>
public sealed record FollowUpReceipt(string Reference, FollowUpRequest Request);

public sealed class FollowUpReceiptType : ObjectGraphType<FollowUpReceipt>
{
    public FollowUpReceiptType()
    {
        Name = "FollowUpReceipt";
        Field(r => r.Reference);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("requestedAt").Resolve(ctx => ctx.Source.Request.RequestedAt);
        Field<NonNullGraphType<EnumerationGraphType<FollowUpRoute>>>("route").Resolve(ctx => ctx.Source.Request.Route);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgencyType>>>>("agencies")
            .Description("The agencies it went to. A restricted service is never named to a commissioner, and never decided the route.")
            .ResolveAsync(async ctx => FollowUpRequestType.VisibleTo(ctx.Viewer(),
                await ctx.Loaders().Agencies.LoadManyAsync(ctx.Source.Request.AgencyIds, ctx.CancellationToken)));
    }
}
