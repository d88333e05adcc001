namespace Patchwork.Domain.Tests.Input;

/// <summary>The input rules every write shares: what each accepts, as what, and what it refuses, at its limits.</summary>
public sealed class CheckTests
{
    [Theory]
    [InlineData("hannah.reid@eastmere-council.example")]
    [InlineData("first.last+referrals@sub.agency.org.uk")]
    [InlineData("o_connor-2@nhs.net")]
    [InlineData("siobhan.o'neill@hse.example")]
    [InlineData("DUTY@EXAMPLE.ORG")]
    [InlineData("a@b.co")]
    public void An_ordinary_email_address_is_kept_as_it_is(string email) => Assert.Equal(email, Check.Email(email, "email"));
}
