using System.Security.Claims;
using Patchwork.Changes;
using Patchwork.Network;
using Patchwork.Ports;

namespace Patchwork.Api.Identity;

/// <summary>Whether a practitioner account may use Patchwork right now, and if not, why not.</summary>
public enum Standing { Active, NotRegistered, Left, NoAgreement }

/// <summary>
/// The signed-in user of one request: the token's subject and roles, and for practitioners the
/// practitioner record the subject maps to. Every access rule is decided from this.
/// </summary>
public sealed record Viewer(
    string Subject,
    IReadOnlySet<Role> Roles,
    Practitioner? Practitioner,
    Standing Standing,
    string RequestId)
{
    public static readonly Viewer Anonymous = new("", new HashSet<Role>(), null, Standing.NotRegistered, "");

    public bool IsAuthenticated => Subject.Length > 0;

    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>The practitioner acting, when they are an active practitioner of an agency under agreement.</summary>
    public Practitioner? ActivePractitioner =>
        Has(Role.Practitioner) && Standing == Standing.Active ? Practitioner : null;

    public Actor ToActor() => ActivePractitioner is { } p
        ? new Actor(Subject, p.Id, RequestId)
        : throw PatchworkException.Forbidden("Only an active practitioner can make changes.");

    public Actor ToAdminActor() => Has(Role.Admin)
        ? new Actor(Subject, null, RequestId)
        : throw PatchworkException.Forbidden("Only an administrator can make this change.");

    public string? StandingMessage => Standing switch
    {
        Standing.NotRegistered when Has(Role.Practitioner) =>
            "Your sign-in is not linked to a practitioner in Patchwork. Ask your agency's administrator to add you.",
        Standing.Left => "Your practitioner account is marked as having left its agency.",
        Standing.NoAgreement =>
            "Your agency has no data-sharing agreement in force, so Patchwork cannot be used. Contact your information governance lead.",
        _ => null,
    };
}

/// <summary>Builds the <see cref="Viewer"/> of a request from its validated token.</summary>
public sealed class ViewerFactory(IDirectoryReads directory, TimeProvider time, Microsoft.Extensions.Options.IOptions<AuthOptions> options)
{
    /// <summary>Whether the token names someone, decided from its claims alone: nothing is read from the store.</summary>
    public bool IsSignedIn(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && !string.IsNullOrEmpty(user.FindFirstValue(options.Value.SubjectClaim));

    public async Task<Viewer> CreateAsync(ClaimsPrincipal user, string requestId, CancellationToken cancellationToken)
    {
        if (!IsSignedIn(user))
        {
            return Viewer.Anonymous with { RequestId = requestId };
        }
        var subject = user.FindFirstValue(options.Value.SubjectClaim)!;
        var roles = RoleClaims.Read(user, options.Value.RoleClaim)
            .Select(Identity.Roles.Parse)
            .OfType<Role>()
            .ToHashSet();
        var account = roles.Contains(Role.Practitioner)
            ? await directory.FindAccountAsync(subject, cancellationToken)
            : null;
        return new Viewer(subject, roles, account?.Practitioner, StandingOf(account), requestId);
    }

    private Standing StandingOf(PractitionerAccount? account)
    {
        if (account is null)
        {
            return Standing.NotRegistered;
        }
        if (account.Practitioner.Status == PractitionerStatus.Left)
        {
            return Standing.Left;
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return account.Agency.Agreement.IsInForce(today) ? Standing.Active : Standing.NoAgreement;
    }
}
