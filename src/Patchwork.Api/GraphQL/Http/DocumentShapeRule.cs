using GraphQL.Validation;
using GraphQLParser.AST;

namespace Patchwork.Api.GraphQL.Http;

/// <summary>
/// Refuses documents shaped to waste the server's time before their cost is even estimated: too many aliased
/// fields (alias bombs) or too many operations in one document.
/// </summary>
public sealed class DocumentShapeRule(int maxAliases, int maxOperations) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operations = context.Document.Definitions.OfType<GraphQLOperationDefinition>().Count();
        if (operations > maxOperations)
        {
            context.ReportError(new ValidationError($"A document may hold at most {maxOperations} operations."));
            return default;
        }
        var aliases = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Alias is not null && ++aliases == maxAliases + 1)
            {
                ctx.ReportError(new ValidationError($"A document may use at most {maxAliases} aliases."));
            }
        }));
    }
}
