using Microsoft.Data.Sqlite;

namespace Patchwork.Api.Tests;

/// <summary>When something breaks inside, the caller gets the request id to quote, never the internals.</summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly PatchworkApp _app = new();

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
    }

    private async Task BreakTheVisitTableAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = OFF; ALTER TABLE visit RENAME TO visit_unavailable;";
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _app.Dispose();
}
