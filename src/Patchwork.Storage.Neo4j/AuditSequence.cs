namespace Patchwork.Storage.Neo4j;

/// <summary>
/// The order of audit entries written in the same millisecond: a number that only grows in this process (whatever
/// the number of stores in it) and starts from the real clock's ticks, so entries from successive processes keep
/// their order too.
/// </summary>
internal static class AuditSequence
{
    private static long _last;

    public static long Next()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(last + 1, DateTimeOffset.UtcNow.Ticks);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
