using System.Globalization;
using Patchwork.Api.Governance;
using Patchwork.Api.Hosting;
using Patchwork.Api.Identity;
using Patchwork.Auditing;
using Patchwork.Network;
using Patchwork.Ports;
using Patchwork.Reports;

namespace Patchwork.Api.Reports;

/// <summary>
/// The reports as CSV downloads at <c>/reports/{name}.csv</c>, with the GraphQL fields' arguments as query parameters
/// (agencyKind and reasons spelled as in GraphQL: HEALTH, NO_RECENT_CONTACT). Same sign-in, same roles, same
/// suppression as GraphQL; every download is audited before it is sent, and every refusal too.
/// </summary>
public static class ReportExports
{
    private sealed record Export(string Name, string Action, Role[] Roles, Func<HttpContext, ReportArguments, CancellationToken, Task<Csv>> Build);

    private static readonly Export[] Exports =
    [
        new("network-density", "download network density reports", ReportAccess.Analysis, async (http, args, ct) =>
            ReportCsv.Density(await Queries(http).DensityAsync(args, ct))),
        new("family-networks", "download family network reports", ReportAccess.Analysis, async (http, args, ct) =>
            ReportCsv.FamilyNetworks(await Queries(http).FamilyNetworksAsync(args, ct))),
        new("agency-co-involvement", "download reports of agencies working together", ReportAccess.Analysis, async (http, args, ct) =>
            ReportCsv.AgencyPairs(await Queries(http).AgencyPairsAsync(args, ct), await AgenciesAsync(http, ct))),
        new("caseloads", "download caseload reports", ReportAccess.Analysis, async (http, args, ct) =>
            ReportCsv.Caseloads(await Queries(http).CaseloadsAsync(args, ct), await AgenciesAsync(http, ct))),
        new("families-without-contact", "download the families with no contact", ReportAccess.Commissioning, async (http, args, ct) =>
            ReportCsv.FamiliesWithoutContact(await Queries(http).FamiliesWithoutContactAsync(args, ct))),
    ];

    public static IEndpointRouteBuilder MapPatchworkReportExports(this IEndpointRouteBuilder app)
    {
        foreach (var export in Exports)
        {
            app.MapGet($"/reports/{export.Name}.csv", (HttpContext http) => AnswerAsync(http, export))
                .RequireRateLimiting(RateLimiting.PerUser);
        }
        return app;
    }

    private static async Task AnswerAsync(HttpContext http, Export export)
    {
        var ct = http.RequestAborted;
        var viewer = await http.RequestServices.GetRequiredService<ViewerFactory>().CreateAsync(http.User, http.TraceIdentifier, ct);
        if (!viewer.IsAuthenticated)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await ErrorResponses.WriteAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                "Sign in: send a valid bearer token in the Authorization header.", ct);
            return;
        }
        var audit = http.RequestServices.GetRequiredService<AuditLog>();
        if (!export.Roles.Any(viewer.Has))
        {
            var message = Access.OnlyFor(export.Roles, export.Action);
            audit.Record(viewer, AuditAction.Denied, detail: $"{export.Name}.csv: {message}");
            await audit.FlushAsync(ct);
            await ErrorResponses.WriteAsync(http, StatusCodes.Status403Forbidden, "FORBIDDEN", message, ct);
            return;
        }
        Csv csv;
        ReportArguments arguments;
        try
        {
            arguments = ArgumentsOf(http.Request.Query);
            csv = await http.RequestServices.GetRequiredService<ReportGate>()
                .RunAsync(viewer.Subject, () => export.Build(http, arguments, ct), ct);
        }
        catch (PatchworkException refused)
        {
            audit.Record(viewer, AuditAction.Denied, detail: $"{export.Name}.csv: {refused.Message}");
            await audit.FlushAsync(ct);
            var (status, code) = refused.Code == ErrorCode.RateLimited
                ? (StatusCodes.Status429TooManyRequests, "RATE_LIMITED")
                : (StatusCodes.Status400BadRequest, "BAD_USER_INPUT");
            await ErrorResponses.WriteAsync(http, status, code, refused.Message, ct);
            return;
        }
        audit.Record(viewer, AuditAction.ExportReport, detail: $"{export.Name}.csv {arguments.Describe()}".Trim());
        await audit.FlushAsync(ct);
        var bytes = csv.ToBytes();
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(http, export, arguments)}\"";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, ct);
    }

    /// <summary>Named for the day its figures are of: the month end asked for (asOf), else today.</summary>
    private static string FileName(HttpContext http, Export export, ReportArguments arguments)
    {
        var day = arguments.AsOf ?? DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        return $"patchwork-{export.Name}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
    }

    private static ReportQueries Queries(HttpContext http) => http.RequestServices.GetRequiredService<ReportQueries>();

    private static async Task<IReadOnlyDictionary<string, Agency>> AgenciesAsync(HttpContext http, CancellationToken ct) =>
        (await http.RequestServices.GetRequiredService<IDirectoryReads>().GetAgenciesAsync(ct)).ToDictionary(a => a.Id);

    private static readonly HashSet<string> Known = ["area", "agencyKind", "asOf", "days", "reasons"];

    /// <summary>The query string as report arguments; anything unknown, repeated or malformed is BAD_USER_INPUT.</summary>
    private static ReportArguments ArgumentsOf(IQueryCollection query)
    {
        if (query.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            throw PatchworkException.BadInput($"Unknown parameter '{unknown}'; use {string.Join(", ", Known)}.");
        }
        return new ReportArguments(
            Single(query, "area"),
            Single(query, "agencyKind") is { } kind ? Parse<AgencyKind>(kind, "agencyKind") : null,
            Single(query, "asOf") is { } date ? ParseDate(date) : null,
            Single(query, "days") is { } days ? ParseInt(days, "days") : null,
            Single(query, "reasons") is { } reasons
                ? [.. reasons.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => Parse<NoContactReason>(r, "reasons"))]
                : null);
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values)
            ? values.Count == 1 ? values[0] : throw PatchworkException.BadInput($"Give {name} once.")
            : null;

    private static T Parse<T>(string text, string name) where T : struct, Enum =>
        Enum.GetValues<T>().FirstOrDefault(v => Names.Constant(v) == text) is var value && Names.Constant(value) == text
            ? value
            : throw PatchworkException.BadInput($"{name} must be one of {string.Join(", ", Enum.GetValues<T>().Select(v => Names.Constant(v)))}.");

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw PatchworkException.BadInput("asOf must be a date as yyyy-MM-dd.");

    private static int ParseInt(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw PatchworkException.BadInput($"{name} must be a whole number.");
}
