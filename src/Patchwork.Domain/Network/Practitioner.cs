namespace Patchwork.Network;

public sealed record Practitioner(
    string Id,
    string AgencyId,
    string Name,
    string Role,
    string? Email,
    string? Mobile,
    string? Landline,
    ContactMethod PreferredContact,
    PractitionerStatus Status,
    string Subject);
