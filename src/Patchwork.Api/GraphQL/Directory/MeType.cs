using GraphQL.Types;
using Patchwork.Api.Identity;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Directory;

/// <summary>The signed-in user: roles, the practitioner they are, and whether they may use Patchwork now.</summary>
public sealed class MeType : ObjectGraphType<Viewer>
{
    public MeType()
    {
        Name = "Me";
        Field(v => v.Subject).Description("The identity provider's subject of the signed-in user.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<Role>>>>>("roles")
            .Resolve(ctx => ctx.Source.Roles.Order().ToList());
        Field<PractitionerType>("practitioner").Resolve(ctx => ctx.Source.Practitioner);
        Field(v => v.Standing).Description("ACTIVE when the user may work with clients.");
        Field(v => v.StandingMessage, nullable: true).Description("Why the user may not work with clients, if they may not.");
    }
}
