using static Patchwork.Storage.Neo4j.Cypher.Statements;

namespace Patchwork.Storage.Neo4j;

// Administration: onboarding agencies under their data-sharing agreement, their practitioners, and recording
// that a practitioner has left.
public sealed partial class Neo4jNetworkStore
{
    /// <summary>Adds an agency under its agreement. No two agencies share a name, whatever its letter case.</summary>
    public Task<Agency> OnboardAgencyAsync(NewAgency agency, Actor actor, CancellationToken cancellationToken)
    {
        var valid = agency.Validated(Today());
        var now = Now();
        return WriteAsync(async tx =>
        {
            // Agencies are few; the names are compared here with full Unicode case folding, as the embedded store
            // does, and the nameKey uniqueness constraint refuses a second agency added at the same moment.
            var names = (await tx.RunAsync(AgencyNames)).Column<string>("name");
            var taken = names.FirstOrDefault(existing => string.Equals(existing, valid.Name, StringComparison.OrdinalIgnoreCase));
            if (taken is not null)
            {
                throw PatchworkException.Conflict($"An agency called '{taken}' is already onboarded.");
            }
            var onboarded = new Agency(Ids.New(), valid.Name, valid.Kind, valid.DutyPhone, valid.DutyEmail,
                valid.RestrictedService, valid.Agreement);
            await tx.RunAsync(OnboardAgency, ("agency", Records.Map(onboarded)));
            await AppendAsync(tx, ChangeAudit.OnboardedAgency(actor, now, onboarded));
            return onboarded;
        }, cancellationToken);
    }

    public Task<Agency> SetAgreementAsync(string agencyId, DataSharingAgreement agreement, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(agencyId, "agencyId");
        var valid = agreement.Validated(Today());
        var now = Now();
        return WriteAsync(async tx =>
        {
            var agency = await RequireAgencyAsync(tx, agencyId);
            await tx.RunAsync(SetAgreement, ("id", agencyId), ("status", valid.Status), ("signedOn", valid.SignedOn),
                ("expiresOn", valid.ExpiresOn));
            // The entry names no client or family, so its detail says whose agreement it was.
            await AppendAsync(tx, ChangeAudit.SetAgreement(actor, now, agency, valid.Status));
            return agency with { Agreement = valid };
        }, cancellationToken);
    }

    /// <summary>Adds an active practitioner to an agency. Each identity-provider subject signs in as one person.</summary>
    public Task<Practitioner> AddPractitionerAsync(NewPractitioner practitioner, Actor actor, CancellationToken cancellationToken)
    {
        var valid = practitioner.Validated();
        var now = Now();
        return WriteAsync(async tx =>
        {
            var agency = await RequireAgencyAsync(tx, valid.AgencyId);
            if ((await tx.RunAsync(SubjectInUse, ("subject", valid.Subject))).Column<bool>("inUse").Single())
            {
                throw PatchworkException.Conflict("A practitioner already signs in with this subject.");
            }
            var added = new Practitioner(Ids.New(), agency.Id, valid.Name, valid.Role, valid.Email, valid.Mobile,
                valid.Landline, valid.PreferredContact, PractitionerStatus.Active, valid.Subject);
            await tx.RunAsync(AddPractitioner, ("practitioner", Records.Map(added)));
            await AppendAsync(tx, ChangeAudit.AddedPractitioner(actor, now, added, agency));
            return added;
        }, cancellationToken);
    }

    /// <summary>
    /// Marks a practitioner as left: each current involvement ends now with the reason "Left &lt;agency&gt;" (how every
    /// team they were in is told), every planned visit is cancelled, and the trail gets the change and, per client,
    /// the team the practitioner left.
    /// </summary>
    public Task<Practitioner> RecordPractitionerLeftAsync(string practitionerId, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(practitionerId, "practitionerId");
        var now = Now();
        return WriteAsync(async tx =>
        {
            var (found, agency) = await RequirePractitionerAsync(tx, practitionerId);
            if (found.Status == PractitionerStatus.Left)
            {
                throw PatchworkException.Conflict($"Practitioner '{practitionerId}' has already left.");
            }
            var reason = $"Left {agency.Name}";
            var left = (await tx.RunAsync(PractitionerLeft, ("id", practitionerId), ("now", now), ("reason", reason))).Values.Single();
            var clientIds = ((List<object?>)left[0]!).Cast<string>().Order(StringComparer.Ordinal).ToList();
            var cancelled = (long)left[1]!;
            await AppendAsync(tx, [.. ChangeAudit.PractitionerLeft(actor, now, found, reason, clientIds, cancelled)]);
            return found with { Status = PractitionerStatus.Left };
        }, cancellationToken);
    }
}
