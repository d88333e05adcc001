using GraphQL.Types;
using Patchwork.Api.GraphQL.Clients;
using Patchwork.Api.GraphQL.Directory;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Visits;

public sealed class VisitType : ObjectGraphType<Visit>
{
    public VisitType()
    {
        Name = "Visit";
        Description = "A contact between a practitioner and a client: planned, completed, cancelled or missed.";
        Field(v => v.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ClientType>>("client").Resolve(ctx => ctx.Loaders().Clients.Load(ctx.Source.ClientId));
        Field<NonNullGraphType<PractitionerType>>("practitioner")
            .Resolve(ctx => ctx.Loaders().Practitioners.Load(ctx.Source.PractitionerId));
        Field(v => v.Mode);
        Field(v => v.Status);
        Field(v => v.ScheduledFor, nullable: true);
        Field(v => v.CompletedAt, nullable: true);
    }
}
