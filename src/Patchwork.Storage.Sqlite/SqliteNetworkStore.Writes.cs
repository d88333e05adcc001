using Microsoft.Data.Sqlite;

namespace Patchwork.Storage.Sqlite;

// What every write needs inside its transaction: reading the state it checks, and appending its audit entry.
public sealed partial class SqliteNetworkStore
{
    private const string ClientByIdSql = "SELECT " + ClientRow.Columns + " FROM client c WHERE c.id = $id";

    private const string FamilyByIdSql = "SELECT " + FamilyRow.Columns + " FROM family f WHERE f.id = $id";

    private const string PractitionerByIdSql = "SELECT " + PractitionerRow.Columns + " FROM practitioner p WHERE p.id = $id";

    private const string AgencyByIdSql = "SELECT " + AgencyRow.Columns + " FROM agency a WHERE a.id = $id";

    private const string AgencyOfPractitionerSql =
        "SELECT " + AgencyRow.Columns + " FROM practitioner p JOIN agency a ON a.id = p.agency_id WHERE p.id = $id";

    private const string CurrentInvolvementSql =
        "SELECT " + InvolvementRow.Columns + " FROM involvement i " +
        "WHERE i.practitioner_id = $practitioner AND i.client_id = $client AND i.ended_on IS NULL";

    private static async Task<Client> RequireClientAsync(SqliteTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        await SingleOrDefaultAsync(
            new SqliteCommand(ClientByIdSql, transaction.Connection, transaction).Bind("$id", clientId),
            r => ClientRow.Read(r), cancellationToken)
        ?? throw PatchworkException.NotFound("client", clientId);

    private static async Task<Family> RequireFamilyAsync(SqliteTransaction transaction, string familyId, CancellationToken cancellationToken) =>
        await SingleOrDefaultAsync(
            new SqliteCommand(FamilyByIdSql, transaction.Connection, transaction).Bind("$id", familyId),
            r => FamilyRow.Read(r), cancellationToken)
        ?? throw PatchworkException.NotFound("family", familyId);

    private static async Task<Practitioner> RequirePractitionerAsync(
        SqliteTransaction transaction, string practitionerId, CancellationToken cancellationToken) =>
        await SingleOrDefaultAsync(
            new SqliteCommand(PractitionerByIdSql, transaction.Connection, transaction).Bind("$id", practitionerId),
            r => PractitionerRow.Read(r), cancellationToken)
        ?? throw PatchworkException.NotFound("practitioner", practitionerId);

    private static async Task<Agency> RequireAgencyAsync(SqliteTransaction transaction, string agencyId, CancellationToken cancellationToken) =>
        await SingleOrDefaultAsync(
            new SqliteCommand(AgencyByIdSql, transaction.Connection, transaction).Bind("$id", agencyId),
            r => AgencyRow.Read(r), cancellationToken)
        ?? throw PatchworkException.NotFound("agency", agencyId);

    private static async Task<Agency> RequireAgencyOfAsync(
        SqliteTransaction transaction, string practitionerId, CancellationToken cancellationToken) =>
        await SingleOrDefaultAsync(
            new SqliteCommand(AgencyOfPractitionerSql, transaction.Connection, transaction).Bind("$id", practitionerId),
            r => AgencyRow.Read(r), cancellationToken)
        ?? throw PatchworkException.NotFound("practitioner", practitionerId);

    private static Task<Involvement?> FindCurrentInvolvementAsync(
        SqliteTransaction transaction, string practitionerId, string clientId, CancellationToken cancellationToken) =>
        SingleOrDefaultAsync(
            new SqliteCommand(CurrentInvolvementSql, transaction.Connection, transaction)
                .Bind("$practitioner", practitionerId)
                .Bind("$client", clientId),
            r => InvolvementRow.Read(r), cancellationToken);

    /// <summary>The actor's current involvement with the client, or FORBIDDEN: only the team may act on a client.</summary>
    private static async Task<Involvement> RequireInTeamAsync(
        SqliteTransaction transaction, Actor actor, string clientId, CancellationToken cancellationToken) =>
        await FindCurrentInvolvementAsync(transaction, actor.Practitioner, clientId, cancellationToken)
        ?? throw PatchworkException.Forbidden("Only a member of the client's team can do this; join the team first.");

    private static async Task AppendAsync(SqliteTransaction transaction, AuditEntry entry, CancellationToken cancellationToken) =>
        await ExecuteAsync(new SqliteCommand(Inserts.Audit, transaction.Connection, transaction).BindAudit(entry), cancellationToken);


    /// <summary>Runs a command and disposes it.</summary>
    private static async Task<int> ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Runs a <c>SELECT EXISTS (…)</c> and disposes the command.</summary>
    private static async Task<bool> ExistsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteScalarAsync(cancellationToken) is 1L;
        }
    }

    /// <summary>Runs a query for at most one row and disposes the command.</summary>
    private static async Task<T?> SingleOrDefaultAsync<T>(
        SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) where T : class
    {
        await using (command)
        {
            return (await ReadAllAsync(command, read, cancellationToken)).SingleOrDefault();
        }
    }
}
