namespace Patchwork;

/// <summary>Node ids: time-ordered, opaque, and safe in URLs and Cypher parameters alike.</summary>
public static class Ids
{
    public static string New() => Guid.CreateVersion7().ToString("N");
}
