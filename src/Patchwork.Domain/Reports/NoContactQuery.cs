using Patchwork.Network;

namespace Patchwork.Reports;

/// <summary>
/// Families to find: those with no completed contact since <see cref="ContactSince"/> (or never), those with no
/// active involvement, those whose planned visits are all before <see cref="At"/>; any of <see cref="Reasons"/>.
/// </summary>
public sealed record NoContactQuery(
    string? Area,
    AgencyKind? AgencyKind,
    DateTimeOffset At,
    DateTimeOffset ContactSince,
    IReadOnlySet<NoContactReason> Reasons);
