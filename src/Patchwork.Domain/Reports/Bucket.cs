namespace Patchwork.Reports;

/// <summary>One bar of a histogram: how many fall between <see cref="From"/> and <see cref="To"/> (inclusive; no upper bound when null).</summary>
public sealed record Bucket(int From, int? To, PublishedCount Count)
{
    public string Label => To == From ? $"{From}" : To is null ? $"{From}+" : $"{From}–{To}";
}
