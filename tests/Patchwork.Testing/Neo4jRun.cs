namespace Patchwork.Testing;

/// <summary>
/// The fixture of a test collection holding every test of a project that needs the run's Neo4j: when the
/// collection is done, the servers the run started are ended.
/// </summary>
public sealed class Neo4jRun : IDisposable
{
    public void Dispose() => TestNeo4j.End();
}
