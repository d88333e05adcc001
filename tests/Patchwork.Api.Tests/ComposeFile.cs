using System.Security.Cryptography;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Patchwork.Api.Tests;

/// <summary>
/// A compose file read with a YAML parser: its services, and each one's command, volumes, health check and environment,
/// with compose's <c>${…}</c> interpolation done from the variables a user's <c>.env</c> gives.
/// </summary>
internal sealed partial class ComposeFile
{
    private readonly YamlMappingNode _root;

    private ComposeFile(YamlMappingNode root) => _root = root;

    public static ComposeFile Load(params string[] path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine([ApiProcess.RepositoryRoot, .. path]));
        yaml.Load(reader);
        return new ComposeFile((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    /// <summary>
    /// The variables of a user who followed <c>deploy/compose.env.example</c>: its values, and for each line it leaves
    /// empty a secret made as it says (48 random bytes in base64, like <c>openssl rand -base64 48</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ExampleVariables { get; } = ReadEnvFile("deploy", "compose.env.example")
        .ToDictionary(v => v.Key, v => v.Value.Length > 0 ? v.Value : Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));

    public IReadOnlyList<string> Services => [.. Mapping(_root, "services").Children.Keys.Select(Scalar)];

    public bool HasHealthCheck(string service) => Service(service).Children.ContainsKey("healthcheck");

    public IReadOnlyList<string> Command(string service) => Strings(Service(service), "command");

    public IReadOnlyList<string> Volumes(string service) => Strings(Service(service), "volumes");

    public IReadOnlyList<string> Ports(string service) => Strings(Service(service), "ports");

    /// <summary>The YAML tag on a service's key (compose's <c>!reset</c> or <c>!override</c>), or null.</summary>
    public string? Tag(string service, string key) =>
        Service(service).Children.TryGetValue(key, out var node) && !node.Tag.IsEmpty ? node.Tag.Value : null;

    /// <summary>A service's environment (map or list form) as compose gives it to the container.</summary>
    public Dictionary<string, string> Environment(string service, IReadOnlyDictionary<string, string>? variables = null)
    {
        var environment = Service(service).Children.TryGetValue("environment", out var node) ? node : new YamlMappingNode();
        var entries = environment switch
        {
            YamlMappingNode map => map.Children.Select(e => (Scalar(e.Key), Scalar(e.Value))),
            YamlSequenceNode list => list.Children.Select(Scalar).Select(e => e.Split('=', 2)).Select(p => (p[0], p.ElementAtOrDefault(1) ?? "")),
            _ => throw new InvalidOperationException($"{service}'s environment is neither a map nor a list."),
        };
        return entries.ToDictionary(e => e.Item1, e => Interpolate(e.Item2, variables ?? ExampleVariables), StringComparer.Ordinal);
    }

    /// <summary>
    /// Compose's interpolation: <c>$$</c> is a dollar; <c>${NAME}</c> and <c>$NAME</c> the variable; <c>${NAME:-default}</c>
    /// (<c>-</c>: only when unset) a default; <c>${NAME:?message}</c> (<c>?</c>: only when unset) refuses with the message.
    /// </summary>
    public static string Interpolate(string value, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(value, match =>
        {
            if (match.Groups["dollar"].Success)
            {
                return "$";
            }
            var name = match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["bare"].Value;
            var set = variables.TryGetValue(name, out var found);
            var operation = match.Groups["operation"].Value;
            var missing = operation.StartsWith(':') ? string.IsNullOrEmpty(found) : !set;
            return (operation.TrimStart(':'), missing) switch
            {
                ("-", true) => match.Groups["argument"].Value,
                ("?", true) => throw new InvalidOperationException($"compose refuses to start: {name}: {match.Groups["argument"].Value}"),
                _ => found ?? "",
            };
        });

    private static IEnumerable<KeyValuePair<string, string>> ReadEnvFile(params string[] path) =>
        File.ReadLines(Path.Combine([ApiProcess.RepositoryRoot, .. path]))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .Select(pair => KeyValuePair.Create(pair[0].Trim(), pair.ElementAtOrDefault(1)?.Trim().Trim('"') ?? ""));

    private YamlMappingNode Service(string name) =>
        (YamlMappingNode)Mapping(_root, "services").Children[new YamlScalarNode(name)];

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static IReadOnlyList<string> Strings(YamlMappingNode service, string key) =>
        !service.Children.TryGetValue(key, out var node) ? []
        : node is YamlSequenceNode list ? [.. list.Children.Select(Scalar)]
        : [Scalar(node)];

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    [GeneratedRegex(@"\$(?:(?<dollar>\$)|\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<operation>:?[-?])(?<argument>[^}]*))?\}|(?<bare>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Variable();
}
