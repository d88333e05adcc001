using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Patchwork.Api.Identity;
using Patchwork.Api.Reports;
using Patchwork.Api.Seeding;
using Patchwork.Api.Storage;
using Patchwork.Api.WebApp;
using Patchwork.Seeding;
using Patchwork.Storage.Sqlite;

namespace Patchwork.Api.Tests;

/// <summary>
/// The production stack as files (docker-compose.yml, the Keycloak realm, the Dockerfile) agrees with what the app
/// reads and checks: no engine is needed to catch a renamed setting, a role the app does not know, a demo user whose
/// subject matches no practitioner, or tokens without the audience the API demands.
/// </summary>
public sealed partial class DeploymentTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly JsonNode Realm = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "deploy", "keycloak", "patchwork-realm.json")))!;
    private static readonly ComposeFile Stack = ComposeFile.Load("docker-compose.yml");
    private static readonly ComposeFile Production = ComposeFile.Load("deploy", "compose.production.yml");

    [Fact]
    public void The_realm_roles_are_exactly_the_app_s_roles()
    {
        var realmRoles = Realm["roles"]!["realm"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(Enum.GetValues<Role>().Select(r => r.ClaimValue()).Order(StringComparer.Ordinal), realmRoles);
        Assert.Equal(DemoRoles.All.Order(StringComparer.Ordinal), realmRoles);
    }

    [Fact]
    public void Each_demo_account_is_a_realm_user_whose_id_is_its_subject_with_its_one_role()
    {
        var network = DemoNetwork.Generate(SeedSize.Small, new DemoOptions().RandomSeed, DateTimeOffset.UtcNow);
        var accounts = DemoNetwork.Accounts(network)
            .Select(a => $"{a.Subject} {a.Email} [{a.Role}]").Order(StringComparer.Ordinal);
        var users = Realm["users"]!.AsArray().Select(u => u!).ToList();

        Assert.Equal(accounts, users.Select(u =>
            $"{u["id"]} {u["email"]} [{string.Join(",", u["realmRoles"]!.AsArray().Select(r => r!.GetValue<string>()))}]")
            .Order(StringComparer.Ordinal));
        // Practitioners sign in as the subject the store holds for them.
        var subjects = network.Practitioners.Select(p => p.Subject).ToHashSet(StringComparer.Ordinal);
        Assert.All(DemoNetwork.Accounts(network).Where(a => a.PractitionerId is not null), a => Assert.Contains(a.Subject, subjects));
        // A user with a missing profile field or a temporary password could not sign in without a form first.
        Assert.All(users, u =>
        {
            Assert.True(u["enabled"]!.GetValue<bool>());
            Assert.All(new[] { "username", "email", "firstName", "lastName" }, field => Assert.False(string.IsNullOrWhiteSpace(u[field]?.GetValue<string>())));
            Assert.InRange(u["id"]!.GetValue<string>().Length, 1, 36);
            var password = Assert.Single(u["credentials"]!.AsArray());
            Assert.False(password!["temporary"]!.GetValue<bool>());
        });
    }

    [Fact]
    public void Tokens_for_the_sign_in_client_carry_the_audience_the_api_demands()
    {
        var clients = Realm["clients"]!.AsArray().Select(c => c!).ToList();
        var audience = Stack.Environment("api")["Auth__Audience"];
        var web = clients.Single(c => c["clientId"]!.GetValue<string>() == "patchwork-web");
        var mapper = web["protocolMappers"]!.AsArray().Single(m => m!["protocolMapper"]!.GetValue<string>() == "oidc-audience-mapper")!;

        Assert.Equal(audience, mapper["config"]!["included.client.audience"]!.GetValue<string>());
        Assert.Equal("true", mapper["config"]!["access.token.claim"]!.GetValue<string>());
        Assert.Contains(clients, c => c["clientId"]!.GetValue<string>() == audience);
        Assert.Equal(ReadAppSetting("Auth", "Audience"), audience);
    }

    [Fact]
    public void The_api_trusts_the_issuer_keycloak_names_and_reads_the_keycloak_roles_claim()
    {
        var api = Stack.Environment("api");
        var keycloak = Stack.Environment("keycloak");
        var realmName = Realm["realm"]!.GetValue<string>();

        Assert.Equal($"{keycloak["KC_HOSTNAME"]}/realms/{realmName}", api["Auth__Authority"]);
        Assert.Equal($"http://keycloak:8080/realms/{realmName}/.well-known/openid-configuration", api["Auth__MetadataAddress"]);
        Assert.Equal("true", keycloak["KC_HOSTNAME_BACKCHANNEL_DYNAMIC"]);
        Assert.Equal("realm_access.roles", api["Auth__RoleClaim"]);
        Assert.Contains("./deploy/keycloak:/opt/keycloak/data/import:ro", Stack.Volumes("keycloak"));
    }

    [Fact]
    public void Every_api_setting_in_the_compose_file_is_one_the_app_reads_and_they_pass_its_checks()
    {
        var api = Stack.Environment("api");
        var known = KnownSettings();

        Assert.All(api.Keys, key => Assert.True(known.Contains(key.Replace("__", ":", StringComparison.Ordinal)),
            $"{key} is not a setting the app reads."));
        Assert.Equal("neo4j", api["Storage__Provider"]);
        Assert.Equal("http://neo4j:7474", api["Neo4j__Uri"]);
        Assert.Equal("http://seq:5341", api["Seq__ServerUrl"]);
        var auth = new AuthOptions
        {
            Authority = api["Auth__Authority"],
            MetadataAddress = api["Auth__MetadataAddress"],
            Audience = api["Auth__Audience"],
            RoleClaim = api["Auth__RoleClaim"],
            RequireHttpsMetadata = bool.Parse(api["Auth__RequireHttpsMetadata"]),
        };
        var problems = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(auth, new ValidationContext(auth), problems, validateAllProperties: true),
            string.Join(" ", problems.Select(p => p.ErrorMessage)));
    }

    [Fact]
    public async Task Every_service_has_a_health_check_and_the_api_s_asks_an_endpoint_the_app_serves()
    {
        Assert.Equal(["api", "keycloak", "mailpit", "neo4j", "seq"], Stack.Services.Order(StringComparer.Ordinal));
        Assert.All(Stack.Services, service => Assert.True(Stack.HasHealthCheck(service), $"{service} has no health check."));
        Assert.Contains("GET /health/ready ", File.ReadAllText(Path.Combine(Root, "Dockerfile")), StringComparison.Ordinal);
        Assert.Contains("query/v2", File.ReadAllText(Path.Combine(Root, "docker-compose.yml")), StringComparison.Ordinal);

        using var app = new PatchworkApp();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public void Without_a_pseudonym_key_in_env_compose_refuses_to_start_and_says_where_to_set_it()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => Stack.Environment("api", new Dictionary<string, string>()));

        Assert.Contains("PATCHWORK_PSEUDONYM_KEY", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("deploy/compose.env.example", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_variable_either_compose_file_requires_is_explained_in_the_example_env_file()
    {
        var example = File.ReadAllText(Path.Combine(Root, "deploy", "compose.env.example"));
        var required = new[] { "docker-compose.yml", Path.Combine("deploy", "compose.production.yml") }
            .SelectMany(file => RequiredVariable().Matches(File.ReadAllText(Path.Combine(Root, file))))
            .Select(m => m.Groups[1].Value)
            .Distinct();

        Assert.All(required, name => Assert.Matches($"(?m)^#? ?{name}=", example));
    }

    [Fact]
    public void The_production_profile_runs_keycloak_in_production_mode_behind_a_tls_proxy_at_the_issuer_the_api_trusts()
    {
        var variables = new Dictionary<string, string>(ComposeFile.ExampleVariables)
        {
            ["PATCHWORK_APP_HOST"] = "patchwork.example.org",
            ["PATCHWORK_LOGIN_HOST"] = "login.example.org",
            ["KEYCLOAK_DB_PASSWORD"] = "example-database-password",
            ["KEYCLOAK_ADMIN_PASSWORD"] = "example-admin-password",
        };
        var keycloak = Production.Environment("keycloak", variables);
        var api = Production.Environment("api", variables);
        var caddyfile = File.ReadAllText(Path.Combine(Root, "deploy", "caddy", "Caddyfile"));

        Assert.Equal(["start", "--import-realm"], Production.Command("keycloak"));
        Assert.Equal("https://login.example.org", keycloak["KC_HOSTNAME"]);
        Assert.Equal(("xforwarded", "true"), (keycloak["KC_PROXY_HEADERS"], keycloak["KC_HTTP_ENABLED"]));
        Assert.Equal("postgres", keycloak["KC_DB"]);
        Assert.Equal(Production.Environment("keycloak-db", variables)["POSTGRES_PASSWORD"], keycloak["KC_DB_PASSWORD"]);
        Assert.Equal($"{keycloak["KC_HOSTNAME"]}/realms/{Realm["realm"]}", api["Auth__Authority"]);
        Assert.Equal("false", api["Demo__Seed"]);
        // Only the TLS proxy is published; the consoles listen on loopback for an SSH tunnel.
        Assert.Equal(["80:80", "443:443"], Production.Ports("proxy"));
        Assert.All(new[] { "keycloak", "api" }, service => Assert.Equal("!reset", Production.Tag(service, "ports")));
        Assert.All(new[] { "neo4j", "seq", "mailpit" }, service =>
        {
            Assert.Equal("!override", Production.Tag(service, "ports"));
            Assert.All(Production.Ports(service), port => Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal));
        });
        Assert.Contains("./deploy/caddy/Caddyfile:/etc/caddy/Caddyfile:ro", Production.Volumes("proxy"));
        Assert.Contains("{$PATCHWORK_APP_HOST} {\n\treverse_proxy api:8080\n}", caddyfile.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("reverse_proxy keycloak:8080", caddyfile, StringComparison.Ordinal);
        Assert.All(new[] { "keycloak-db", "proxy" }, service => Assert.True(Production.HasHealthCheck(service), $"{service} has no health check."));
    }

    [Fact]
    public void Without_its_secrets_the_production_profile_refuses_to_start()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => Production.Environment("keycloak"));

        Assert.Contains("Set KEYCLOAK_ADMIN_PASSWORD in .env", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every key the app binds or reads, as "Section:Name": the options classes by their Section constant, the Seq sink's
    /// two keys, and the host's environment. The Neo4j options come from the adapter's own options class once it is in
    /// this build; until then from the names the issue fixes (Neo4j:Uri, Database, User, Password).
    /// </summary>
    private static HashSet<string> KnownSettings()
    {
        var settings = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ASPNETCORE_ENVIRONMENT", "Seq:ServerUrl", "Seq:ApiKey" };
        var optionTypes = new[]
            {
                typeof(StorageOptions), typeof(SqliteStoreOptions), typeof(AuthOptions), typeof(DemoOptions), typeof(ReportOptions),
                typeof(WebAppOptions),
            }
            .Concat(AppDomain.CurrentDomain.GetAssemblies().SelectMany(a => a.GetTypes()).Where(t => t.Name == "Neo4jOptions"));
        foreach (var type in optionTypes.Distinct())
        {
            var section = (string)type.GetField("Section", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;
            settings.UnionWith(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
                .Select(p => $"{section}:{p.Name}"));
        }
        if (!settings.Any(s => s.StartsWith("Neo4j:", StringComparison.Ordinal)))
        {
            settings.UnionWith(["Neo4j:Uri", "Neo4j:Database", "Neo4j:User", "Neo4j:Password"]);
        }
        return settings;
    }

    private static string ReadAppSetting(string section, string key) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "src", "Patchwork.Api", "appsettings.json")))![section]![key]!.GetValue<string>();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Patchwork.sln")))
        {
            directory = directory.Parent;
        }
        return directory.FullName;
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*):?\?")]
    private static partial Regex RequiredVariable();
}
