namespace Patchwork.Network;

/// <summary>
/// A practitioner joining or leaving a client's team, with the reason they gave: how a team is told who
/// has come and gone. A restricted involvement's changes show only its agency to others.
/// </summary>
public sealed record TeamChange(
    string ClientId,
    Practitioner Practitioner,
    Agency Agency,
    TeamChangeKind Kind,
    DateTimeOffset At,
    string Reason,
    bool Restricted);
