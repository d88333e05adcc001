using GraphQL;
using GraphQL.Introspection;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Patchwork.Api.GraphQL;

/// <summary>
/// The two parts of the October 2021 introspection schema that graphql-dotnet 8.8.5 lacks and graphql-js's standard
/// introspection query asks for (with <c>specifiedByUrl</c> and <c>inputValueDeprecation</c> on), added to its
/// introspection types before the schema is built. Without them the query fails validation, and GraphiQL, codegen and
/// the like cannot load the schema.
/// </summary>
public static class IntrospectionTypes
{
    /// <summary>
    /// <c>__Type.specifiedByURL</c>: always null, as no scalar here declares <c>@specifiedBy</c> (graphql-dotnet has no
    /// such directive; its DateOnly and DateTimeOffset describe their ISO 8601 formats in their descriptions).
    /// </summary>
    public static void AddSpecifiedByUrl(__Type type) =>
        type.Field<StringGraphType>("specifiedByURL")
            .Description("`specifiedByURL` may return a String (in the form of a URL) for custom scalars, otherwise it will return `null`.")
            .Resolve(_ => null);

    /// <summary><c>__Directive.args(includeDeprecated:)</c>, as <c>__Field.args</c> already has it: deprecated arguments only when asked.</summary>
    public static void AddIncludeDeprecatedToArgs(__Directive directive)
    {
        var args = directive.GetField("args")!;
        args.Arguments ??= new QueryArguments();
        args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
        args.Resolver = new FuncFieldResolver<object?>(context =>
        {
            var includeDeprecated = context.GetArgument<bool>("includeDeprecated");
            return ((Directive)context.Source!).Arguments?
                .Where(argument => includeDeprecated || string.IsNullOrWhiteSpace(argument.DeprecationReason))
                .ToList() ?? [];
        });
    }
}
