namespace Patchwork.Storage.Neo4j;

/// <summary>
/// The order of audit entries written in the same millisecond; <c>seq</c> is unique in the graph, so it must not
/// collide between API instances. A value is a slot (the Unix millisecond times 16, plus a counter for entries in
/// that millisecond; a busy process borrows the next millisecond's slots) shifted above a random 17-bit process
/// number. So values only grow within a process, keep the order of milliseconds across processes, and two processes
/// can only collide if they drew the same number (1 in 131,072) and then use the same slot. Every value is larger
/// than the clock-tick values written before this scheme, so older entries still sort first.
/// </summary>
internal sealed class AuditSequence(int process, Func<long> unixMilliseconds)
{
    internal const int ProcessBits = 17;
    private const int CounterBits = 4;

    private static readonly AuditSequence Shared =
        new(Random.Shared.Next(1 << ProcessBits), () => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private long _lastSlot;

    public static long Next() => Shared.NextValue();

    public long NextValue()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastSlot);
            var slot = Math.Max(last + 1, unixMilliseconds() << CounterBits);
            if (Interlocked.CompareExchange(ref _lastSlot, slot, last) == last)
            {
                return (slot << ProcessBits) | (uint)process;
            }
        }
    }
}
