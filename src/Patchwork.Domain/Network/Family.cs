namespace Patchwork.Network;

/// <summary>A household, and the area it lives in.</summary>
public sealed record Family(string Id, string Name, string Area);
