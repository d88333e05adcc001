namespace Patchwork.Storage.Tests;

/// <summary>A clock the test sets, so "next visit" and audit times are exact.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
