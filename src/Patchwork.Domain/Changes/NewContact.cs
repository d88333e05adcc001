using Patchwork.Network;

namespace Patchwork.Changes;

/// <summary>A completed contact: either an ad-hoc one, or the completion of a planned visit.</summary>
public sealed record NewContact(string ClientId, DateTimeOffset CompletedAt, VisitMode Mode, string? VisitId)
{
    public NewContact Validated(DateTimeOffset now) => this with
    {
        ClientId = Check.Id(ClientId, "clientId"),
        CompletedAt = Check.Between(CompletedAt, now.AddYears(-1), now.AddMinutes(5), "completedAt",
            "must be in the past year and not in the future"),
        VisitId = VisitId is null ? null : Check.Id(VisitId, "visitId"),
    };
}
