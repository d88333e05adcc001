using Patchwork.Storage.Neo4j;

namespace Patchwork.Storage.Tests.Neo4j;

public sealed class AuditSequenceTests
{
    private const long Millisecond = 1_763_830_000_000;

    [Fact]
    public void Two_processes_writing_in_the_same_millisecond_never_give_the_same_seq()
    {
        var first = new AuditSequence(process: 7, () => Millisecond);
        var second = new AuditSequence(process: 8, () => Millisecond);

        var values = Enumerable.Range(0, 100).SelectMany(_ => new[] { first.NextValue(), second.NextValue() }).ToList();

        Assert.Equal(values.Count, values.Distinct().Count());
    }

    [Fact]
    public void Within_a_process_seq_only_grows_even_when_the_clock_steps_back_and_a_later_millisecond_sorts_later()
    {
        var clock = Millisecond;
        var sequence = new AuditSequence(process: (1 << AuditSequence.ProcessBits) - 1, () => clock);
        var values = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            values.Add(sequence.NextValue());
        }
        clock -= 5;
        values.Add(sequence.NextValue());
        var other = new AuditSequence(process: 0, () => Millisecond + 10);

        Assert.Equal(values.Order(), values);
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.True(other.NextValue() > values[^1]);
        Assert.True(values[0] > DateTimeOffset.UtcNow.Ticks, "above the clock-tick values written before");
    }

    [Fact]
    public void The_shared_sequence_grows()
    {
        var first = AuditSequence.Next();
        Assert.True(AuditSequence.Next() > first);
    }
}
