using Patchwork.Network;

namespace Patchwork.Storage.Tests.Contract;

/// <summary>
/// Builds a <see cref="NetworkSnapshot"/> by hand, with defaults for the fields a test does not care about.
/// Visit.Restricted is worked out from the involvements, as the stores are expected to derive it.
/// </summary>
public sealed class NetworkBuilder
{
    private readonly List<Agency> _agencies = [];
    private readonly List<Practitioner> _practitioners = [];
    private readonly List<Family> _families = [];
    private readonly List<Client> _clients = [];
    private readonly List<Involvement> _involvements = [];
    private readonly List<Visit> _visits = [];

    public NetworkBuilder Agency(string id, string name, AgencyKind kind, bool restrictedService = false)
    {
        _agencies.Add(new Agency(id, name, kind, "01603222000", $"duty@{id}.example", restrictedService,
            new DataSharingAgreement(AgreementStatus.Active, new DateOnly(2024, 1, 15), new DateOnly(2027, 1, 14))));
        return this;
    }

    public NetworkBuilder Practitioner(string id, string agencyId, string name, string role,
        ContactMethod preferred = ContactMethod.Mobile, PractitionerStatus status = PractitionerStatus.Active)
    {
        var handle = id.Replace("pr-", "", StringComparison.Ordinal);
        _practitioners.Add(new Practitioner(id, agencyId, name, role, $"{handle}@{agencyId}.example",
            "07700900" + (100 + _practitioners.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "01603" + (100000 + _practitioners.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
            preferred, status, SubjectOf(id)));
        return this;
    }

    public NetworkBuilder Family(string id, string name, string area)
    {
        _families.Add(new Family(id, name, area));
        return this;
    }

    public NetworkBuilder Client(string id, string givenName, string familyName, DateOnly dateOfBirth, string postcode,
        string? familyId = null, string? relationship = null, bool shielded = false, string? nhsNumber = null)
    {
        _clients.Add(new Client(id, givenName, familyName, dateOfBirth, $"{_clients.Count + 1} Elm Road, Norwich",
            postcode, nhsNumber, shielded, familyId, relationship));
        return this;
    }

    public NetworkBuilder Involvement(string practitionerId, string clientId, DateTimeOffset since,
        bool restricted = false, DateTimeOffset? endedOn = null, string? endReason = null)
    {
        _involvements.Add(new Involvement(practitionerId, clientId, since, "Referred by the duty team", restricted,
            endedOn, endReason));
        return this;
    }

    public NetworkBuilder Visit(string id, string practitionerId, string clientId, VisitMode mode, VisitStatus status,
        DateTimeOffset? scheduledFor, DateTimeOffset? completedAt = null)
    {
        _visits.Add(new Visit(id, clientId, practitionerId, mode, status, scheduledFor, completedAt, Restricted: false));
        return this;
    }

    public NetworkSnapshot Build() => new(
        [.. _agencies], [.. _practitioners], [.. _families], [.. _clients], [.. _involvements],
        [.. _visits.Select(v => v with { Restricted = IsRestrictedPair(v.PractitionerId, v.ClientId) })]);

    public static string SubjectOf(string practitionerId) => "idp|" + practitionerId;

    private bool IsRestrictedPair(string practitionerId, string clientId) =>
        _involvements.Any(i => i.PractitionerId == practitionerId && i.ClientId == clientId && i.Restricted);
}
