using Patchwork.Api.Governance;
using Patchwork.Api.Reports;
using Patchwork.Changes;
using Patchwork.Ports;

namespace Patchwork.Api.GraphQL;

/// <summary>
/// Everything a resolver may call beyond its request: handed to each request by the endpoint, so no resolver looks a
/// service up by type at run time, and what the schema depends on is listed here, once.
/// </summary>
public sealed record ResolverServices(
    StorePorts Store,
    NetworkChanges Changes,
    TimeProvider Time,
    SearchBudget SearchBudget,
    ReportQueries ReportQueries,
    ReportGate ReportGate,
    Pseudonyms Pseudonyms);
