using GraphQL.Types;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Directory;

public sealed class PractitionerType : ObjectGraphType<Practitioner>
{
    public PractitionerType()
    {
        Name = "Practitioner";
        Description = "A professional who works with clients, and how best to reach them.";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Name);
        Field(p => p.Role).Description("The job they do, e.g. \"District nurse\".");
        Field(p => p.Email, nullable: true);
        Field(p => p.Mobile, nullable: true);
        Field(p => p.Landline, nullable: true);
        Field(p => p.PreferredContact);
        Field(p => p.Status);
        Field<NonNullGraphType<AgencyType>>("agency")
            .Resolve(ctx => ctx.Loaders().Agencies.Load(ctx.Source.AgencyId));
    }
}
