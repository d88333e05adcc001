namespace Patchwork.Storage.Sqlite;

// Being implemented: administration and team changes.
public sealed partial class SqliteNetworkStore
{
    public Task<Agency> OnboardAgencyAsync(NewAgency agency, Actor actor, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Agency> SetAgreementAsync(string agencyId, DataSharingAgreement agreement, Actor actor, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Practitioner> AddPractitionerAsync(NewPractitioner practitioner, Actor actor, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Practitioner> RecordPractitionerLeftAsync(string practitionerId, Actor actor, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ILookup<string, TeamChange>> GetTeamChangesAsync(IReadOnlyCollection<string> clientIds, DateTimeOffset since, CancellationToken cancellationToken) => throw new NotSupportedException();
}
