using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Patchwork.Api.Tests;

/// <summary>
/// When something breaks inside, the caller gets the request id to quote, never the internals; the log gets the
/// failure once, with its stack trace. The host's errors are held back from the test run's output (they are expected).
/// </summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly LoggedErrors _errors = new();
    private readonly PatchworkApp _app;

    public InternalErrorTests() =>
        _app = new PatchworkApp { ReplaceServices = services => services.AddSingleton<ILogEventFilter>(_errors) };

    [Fact]
    public async Task A_store_failure_is_an_internal_error_with_the_request_id_and_no_detail()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        (await _app.GraphQLAsync(token, "{ myClients { id } }")).Ok();
        await BreakTheVisitTableAsync();

        var response = await _app.GraphQLAsync(token, "{ myClients { id upcomingVisits { id } } }");
        Assert.Equal(200, response.Status);
        var error = response.Errors[0]!;
        Assert.Equal("INTERNAL_SERVER_ERROR", error["extensions"]!["code"]!.GetValue<string>());
        var message = error["message"]!.GetValue<string>();
        Assert.Contains("request id", message, StringComparison.Ordinal);
        var body = response.Body.ToJsonString();
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("visit", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var logged = Assert.Single(_errors.With<SqliteException>());
        var requestId = System.Text.RegularExpressions.Regex.Match(message, @"request id (\S+)").Groups[1].Value;
        Assert.Contains(requestId, logged.RenderMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_before_graphql_runs_is_a_500_with_the_request_id_kept_from_caches()
    {
        var token = await _app.TokenForAsync(Demo.Tour.PractitionerEmail);
        await BreakTableAsync("practitioner");

        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ me { subject } }"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Contains("request id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        response.AssertKeptPrivate("an internal error");
        Assert.Single(_errors.With<SqliteException>());
    }

    private Task BreakTheVisitTableAsync() => BreakTableAsync("visit");

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "The table is one of this class's own constants.")]
    private async Task BreakTableAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA foreign_keys = OFF; ALTER TABLE {table} RENAME TO {table}_unavailable;";
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _app.Dispose();
}
