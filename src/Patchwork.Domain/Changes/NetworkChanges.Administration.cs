using Patchwork.Network;

namespace Patchwork.Changes;

// Administration: onboarding agencies under their data-sharing agreement, their practitioners, and recording that a
// practitioner has left.
public sealed partial class NetworkChanges
{
    /// <summary>Adds an agency under its agreement. No two agencies share a name, whatever its letter case.</summary>
    public Task<Agency> OnboardAgencyAsync(NewAgency agency, Actor actor, CancellationToken cancellationToken)
    {
        var valid = agency.Validated(Today());
        var now = Now();
        return WriteAsync(async tx =>
        {
            RefuseIfNameTaken(await tx.GetAgencyNamesAsync(), valid.Name);
            var onboarded = new Agency(Ids.New(), valid.Name, valid.Kind, valid.DutyPhone, valid.DutyEmail,
                valid.RestrictedService, valid.Agreement);
            await tx.InsertAgencyAsync(onboarded);
            await AppendAsync(tx, ChangeAudit.OnboardedAgency(actor, now, onboarded));
            return onboarded;
        }, cancellationToken);
    }

    /// <summary>Records an agency's agreement as it now stands: signed, suspended, expired or renewed.</summary>
    public Task<Agency> SetAgreementAsync(string agencyId, DataSharingAgreement agreement, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(agencyId, "agencyId");
        var valid = agreement.Validated(Today());
        var now = Now();
        return WriteAsync(async tx =>
        {
            var agency = await RequireAgencyAsync(tx, agencyId);
            await tx.SetAgreementAsync(agencyId, valid);
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
            if (await tx.IsSubjectInUseAsync(valid.Subject))
            {
                throw PatchworkException.Conflict("A practitioner already signs in with this subject.");
            }
            var added = new Practitioner(Ids.New(), agency.Id, valid.Name, valid.Role, valid.Email, valid.Mobile,
                valid.Landline, valid.PreferredContact, PractitionerStatus.Active, valid.Subject);
            await tx.InsertPractitionerAsync(added);
            await AppendAsync(tx, ChangeAudit.AddedPractitioner(actor, now, added, agency));
            return added;
        }, cancellationToken);
    }

    /// <summary>
    /// Marks a practitioner as left. Each of their current involvements ends now with the reason "Left &lt;agency&gt;",
    /// which is how every team they were in is told, and every visit they still had planned is cancelled. The trail
    /// gets the change itself and, per client, the team the practitioner left.
    /// </summary>
    public Task<Practitioner> RecordPractitionerLeftAsync(string practitionerId, Actor actor, CancellationToken cancellationToken)
    {
        Check.Id(practitionerId, "practitionerId");
        var now = Now();
        return WriteAsync(async tx =>
        {
            var (leaver, agency) = await RequirePractitionerAsync(tx, practitionerId);
            if (leaver.Status == PractitionerStatus.Left)
            {
                throw PatchworkException.Conflict($"Practitioner '{practitionerId}' has already left.");
            }
            var reason = $"Left {agency.Name}";
            var clientIds = await tx.EndEveryInvolvementAsync(practitionerId, now, reason);
            var cancelled = await tx.CancelPlannedVisitsAsync(practitionerId, clientId: null);
            await tx.MarkLeftAsync(practitionerId);
            await tx.AppendAuditAsync(ChangeAudit.PractitionerLeft(actor, now, leaver, reason, clientIds, cancelled));
            return leaver with { Status = PractitionerStatus.Left };
        }, cancellationToken);
    }

    // Agencies are few (a county has tens), so their names are compared here, with full Unicode case folding, inside
    // the transaction that inserts the new one; each store also refuses a second agency added at the same moment.
    private static void RefuseIfNameTaken(IReadOnlyList<string> names, string name)
    {
        var taken = names.FirstOrDefault(existing => string.Equals(existing, name, StringComparison.OrdinalIgnoreCase));
        if (taken is not null)
        {
            throw PatchworkException.Conflict($"An agency called '{taken}' is already onboarded.");
        }
    }
}
