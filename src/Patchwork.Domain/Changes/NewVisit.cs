using Patchwork.Network;

namespace Patchwork.Changes;

public sealed record NewVisit(string ClientId, DateTimeOffset ScheduledFor, VisitMode Mode)
{
    public NewVisit Validated(DateTimeOffset now) => this with
    {
        ClientId = Check.Id(ClientId, "clientId"),
        ScheduledFor = Check.Between(ScheduledFor, now.AddMinutes(-5), now.AddYears(2), "scheduledFor",
            "must be in the future and within two years"),
    };
}
