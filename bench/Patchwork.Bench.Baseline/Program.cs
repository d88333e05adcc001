using Patchwork;
using Patchwork.Network;
using Patchwork.Storage.Sqlite;

// The baselines the API's figures are read against, on the same Kestrel, runtime and database file:
//   POST /json                  the exact bytes of a GraphQL family-team answer, from memory (HTTP alone);
//   GET  /families/{id}/team    the same store query the API runs for a family's team, as JSON (no GraphQL,
//                               no sign-in, no access rules, no audit).
// Configuration: Baseline:Database (the SQLite file), Baseline:JsonFile (the bytes to answer /json with).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var database = builder.Configuration["Baseline:Database"]
    ?? throw new InvalidOperationException("Set Baseline:Database to the SQLite file to query.");
var jsonFile = builder.Configuration["Baseline:JsonFile"]
    ?? throw new InvalidOperationException("Set Baseline:JsonFile to the answer /json returns.");
var answer = await File.ReadAllBytesAsync(jsonFile);

var store = new SqliteNetworkStore(new SqliteStoreOptions { Path = database }, TimeProvider.System);
await store.InitializeAsync(CancellationToken.None);
builder.Services.AddSingleton(store);

var app = builder.Build();
app.MapGet("/health", () => Results.Ok());
app.MapPost("/json", async (HttpContext http) =>
{
    http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
    http.Response.ContentLength = answer.Length;
    await http.Response.Body.WriteAsync(answer, http.RequestAborted);
});
app.MapGet("/families/{id}/team", async (string id, SqliteNetworkStore network, CancellationToken cancellationToken) =>
{
    var teams = await network.GetFamilyTeamsAsync([id], cancellationToken);
    return Results.Ok(new FamilyTeam(id, [.. teams[id]]));
});
await app.RunAsync();

internal sealed record FamilyTeam(string FamilyId, IReadOnlyList<TeamMember> Team);
