namespace Patchwork.Reports;

/// <summary>
/// A count as analysts and commissioners may see it: a multiple of five, or suppressed. <see cref="Value"/> is
/// null when suppressed.
/// </summary>
public readonly record struct PublishedCount(int? Value)
{
    public bool Suppressed => Value is null;

    public static readonly PublishedCount Hidden = new(null);

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? SmallCounts.SuppressedText;
}
