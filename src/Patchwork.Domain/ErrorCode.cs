namespace Patchwork;

/// <summary>The kinds of failure a caller can act on; each maps to a GraphQL <c>extensions.code</c>.</summary>
public enum ErrorCode { BadUserInput, NotFound, Forbidden, Conflict, Unauthenticated, RateLimited }
