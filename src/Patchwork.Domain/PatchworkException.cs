namespace Patchwork;

/// <summary>A failure whose message is safe to show to the caller.</summary>
public sealed class PatchworkException(ErrorCode code, string message) : Exception(message)
{
    public ErrorCode Code { get; } = code;

    public static PatchworkException BadInput(string message) => new(ErrorCode.BadUserInput, message);

    public static PatchworkException RateLimited(string message) => new(ErrorCode.RateLimited, message);

    public static PatchworkException NotFound(string what, string id) =>
        new(ErrorCode.NotFound, $"No {what} has the id '{id}'.");

    public static PatchworkException Forbidden(string message) => new(ErrorCode.Forbidden, message);

    public static PatchworkException Conflict(string message) => new(ErrorCode.Conflict, message);
}
