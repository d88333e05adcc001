namespace Patchwork.Network;

/// <summary>A practitioner's sign-in and the agency they act for: all that deciding their standing needs, read at once.</summary>
public sealed record PractitionerAccount(Practitioner Practitioner, Agency Agency);
