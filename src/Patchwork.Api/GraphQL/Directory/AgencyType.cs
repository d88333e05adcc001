using GraphQL.Types;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Directory;

public sealed class AgencyType : ObjectGraphType<Agency>
{
    public AgencyType()
    {
        Name = "Agency";
        Description = "An organisation whose practitioners work with families, under a data-sharing agreement.";
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(a => a.Name);
        Field(a => a.Kind);
        Field(a => a.DutyPhone).Description("The duty line: how to reach the agency when its practitioner cannot be named.");
        Field(a => a.DutyEmail);
        Field(a => a.RestrictedService).Description("Whether every involvement of this agency is restricted.");
        Field<NonNullGraphType<AgreementType>>("agreement").Resolve(ctx => ctx.Source.Agreement);
    }
}

public sealed class AgreementType : ObjectGraphType<DataSharingAgreement>
{
    public AgreementType()
    {
        Name = "DataSharingAgreement";
        Field(a => a.Status);
        Field(a => a.SignedOn, nullable: true);
        Field(a => a.ExpiresOn, nullable: true);
    }
}
