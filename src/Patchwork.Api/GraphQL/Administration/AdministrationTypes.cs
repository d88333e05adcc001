using GraphQL.Types;
using Patchwork.Api.GraphQL.Directory;
using Patchwork.Auditing;
using Patchwork.Changes;
using Patchwork.Network;

namespace Patchwork.Api.GraphQL.Administration;

/// <summary>One line of the audit trail: who, when, what, about whom, why, and the request.</summary>
public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Field(e => e.At);
        Field(e => e.Subject).Description("The identity-provider subject of whoever acted.");
        Field<PractitionerType>("practitioner")
            .Resolve(ctx => ctx.Source.PractitionerId is { } id ? ctx.Loaders().Practitioners.Load(id) : null);
        Field(e => e.Action);
        Field(e => e.ClientId, type: typeof(IdGraphType));
        Field(e => e.FamilyId, type: typeof(IdGraphType));
        Field(e => e.Reason, nullable: true);
        Field(e => e.Detail, nullable: true);
        Field(e => e.RequestId);
    }
}

public sealed class AgreementInputType : InputObjectGraphType<DataSharingAgreement>
{
    public AgreementInputType()
    {
        Name = "AgreementInput";
        Field(a => a.Status);
        Field(a => a.SignedOn, nullable: true);
        Field(a => a.ExpiresOn, nullable: true);
    }
}

public sealed class OnboardAgencyInputType : InputObjectGraphType<NewAgency>
{
    public OnboardAgencyInputType()
    {
        Name = "OnboardAgencyInput";
        Field(a => a.Name);
        Field(a => a.Kind);
        Field(a => a.DutyPhone);
        Field(a => a.DutyEmail);
        Field(a => a.RestrictedService).DefaultValue(false)
            .Description("A sexual health, domestic abuse or substance misuse service: its involvements are always restricted.");
        Field(a => a.Agreement, type: typeof(NonNullGraphType<AgreementInputType>));
    }
}

public sealed class AddPractitionerInputType : InputObjectGraphType<NewPractitioner>
{
    public AddPractitionerInputType()
    {
        Name = "AddPractitionerInput";
        Field(p => p.AgencyId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Name);
        Field(p => p.Role);
        Field(p => p.Email, nullable: true);
        Field(p => p.Mobile, nullable: true);
        Field(p => p.Landline, nullable: true);
        Field(p => p.PreferredContact);
        Field(p => p.Subject).Description("The identity provider's subject (sub claim) the practitioner signs in as.");
    }
}
