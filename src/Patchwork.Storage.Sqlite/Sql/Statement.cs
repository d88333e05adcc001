namespace Patchwork.Storage.Sqlite.Sql;

/// <summary>
/// One store statement: the file it lives in (<c>Sql/{Name}.sql</c>, embedded as <c>sql/{Name}.sql</c>) and the
/// parameters it takes, without their <c>$</c>. Declared once in <see cref="Statements"/>; a test holds each file to
/// its declaration.
/// </summary>
internal sealed record Statement(string Name, params string[] Parameters)
{
    public string ResourceName => $"sql/{Name}.sql";
}
