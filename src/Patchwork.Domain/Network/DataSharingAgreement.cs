namespace Patchwork.Network;

/// <summary>The data-sharing agreement under which an agency's practitioners may use Patchwork.</summary>
public sealed record DataSharingAgreement(AgreementStatus Status, DateOnly? SignedOn, DateOnly? ExpiresOn)
{
    public bool IsInForce(DateOnly today) =>
        Status == AgreementStatus.Active && (ExpiresOn is null || ExpiresOn >= today);

    /// <summary>An agreement as an administrator records it: an active one must say when it was signed.</summary>
    public DataSharingAgreement Validated(DateOnly today)
    {
        if (Status == AgreementStatus.Active && SignedOn is null)
        {
            throw PatchworkException.BadInput("An active agreement needs the date it was signed.");
        }
        if (SignedOn > today || SignedOn < today.AddYears(-30))
        {
            throw PatchworkException.BadInput("signedOn must be in the past 30 years and not in the future.");
        }
        if (ExpiresOn > today.AddYears(25))
        {
            throw PatchworkException.BadInput("expiresOn must be within 25 years.");
        }
        return ExpiresOn < SignedOn ? throw PatchworkException.BadInput("expiresOn must be after signedOn.") : this;
    }
}
