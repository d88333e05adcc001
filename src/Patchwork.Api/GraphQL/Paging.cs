using GraphQL;

namespace Patchwork.Api.GraphQL;

public static class Paging
{
    /// <summary>A page-size argument (<c>first</c>, <c>days</c> …), refused unless it is between 1 and <paramref name="max"/>.</summary>
    public static int PageSize(this IResolveFieldContext ctx, string argument, int max)
    {
        var size = ctx.GetArgument<int>(argument);
        return size >= 1 && size <= max
            ? size
            : throw PatchworkException.BadInput($"{argument} must be between 1 and {max}.");
    }
}
