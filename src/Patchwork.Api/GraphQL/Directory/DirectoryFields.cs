using GraphQL;
using GraphQL.Types;
using Patchwork.Api.Governance;
using Patchwork.Api.Identity;
using Patchwork.Changes;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Directory;

public static class DirectoryFields
{
    public static void AddDirectoryQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MeType>>("me")
            .Description("Who you are signed in as, and whether you may use Patchwork.")
            .AllowAnyoneSignedIn()
            .Resolve(ctx => ctx.Viewer());

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgencyType>>>>("agencies")
            .Description("Every agency taking part, with its duty line and agreement.")
            .AllowRoles("list the agencies", Role.Practitioner, Role.Analyst, Role.Commissioner, Role.Admin)
            .ResolveAsync(async ctx => await ctx.Ports().Directory.GetAgenciesAsync(ctx.CancellationToken));
    }

    public static void AddDirectoryMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PractitionerType>>("updateMyContactDetails")
            .Description("Change how other practitioners can reach you.")
            .Argument<NonNullGraphType<ContactDetailsInputType>>("input")
            .AllowPractitioners("change their contact details")
            .ResolveAsync(async ctx => await ctx.Changes().UpdateContactDetailsAsync(
                ctx.GetArgument<ContactDetails>("input"), ctx.Viewer().ToActor(), ctx.CancellationToken));
    }
}

public sealed class ContactDetailsInputType : InputObjectGraphType<ContactDetails>
{
    public ContactDetailsInputType()
    {
        Name = "ContactDetailsInput";
        Field(c => c.Email, nullable: true);
        Field(c => c.Mobile, nullable: true).Description("A UK mobile number.");
        Field(c => c.Landline, nullable: true).Description("A UK landline number.");
        Field(c => c.PreferredContact);
    }
}
