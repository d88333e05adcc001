using System.Text;
using System.Text.Json.Nodes;

namespace Patchwork.Resilience.Tests.Fuzz;

/// <summary>
/// Makes the n-th hostile request of a run from the run's seed alone, so any failing request can be made again
/// exactly (same seed, same number) whatever order the concurrent senders happened to take them in.
/// </summary>
public sealed class HostileRequests(int seed, FuzzContext context, DocumentMutator mutator)
{
    /// <summary>The categories and their share of every hundred requests.</summary>
    public static IReadOnlyList<(string Name, int Share)> Categories { get; } =
    [
        ("mutated-document", 26),
        ("random-document", 6),
        ("deep-nesting", 6),
        ("alias-and-fragment-bombs", 5),
        ("huge-variables", 6),
        ("wrong-variable-types", 9),
        ("malformed-json", 5),
        ("invalid-utf8", 5),
        ("wrong-content-type", 5),
        ("oversized-body", 3),
        ("odd-get", 7),
        ("bad-token", 9),
        ("malformed-http", 4),
        ("other-endpoints", 4),
    ];

    private static readonly string[] CategoryOfSlot = [.. Categories.SelectMany(c => Enumerable.Repeat(c.Name, c.Share))];

    public HostileRequest Create(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        // Spread each category evenly over the run rather than in blocks.
        var category = CategoryOfSlot[(int)((index * 37L) % CategoryOfSlot.Length)];
        return category switch
        {
            "mutated-document" => MutatedDocument(random),
            "random-document" => RandomDocument(random),
            "deep-nesting" => DeepNesting(random),
            "alias-and-fragment-bombs" => Bombs(random),
            "huge-variables" => HugeVariables(random),
            "wrong-variable-types" => WrongVariableTypes(random),
            "malformed-json" => MalformedJson(random),
            "invalid-utf8" => InvalidUtf8(random),
            "wrong-content-type" => WrongContentType(random),
            "oversized-body" => Oversized(random),
            "odd-get" => OddGet(random),
            "bad-token" => BadToken(random),
            "malformed-http" => MalformedHttp(random),
            _ => OtherEndpoints(random),
        };
    }

    private HostileRequest MutatedDocument(Random random)
    {
        var seedDocument = Corpus.All[random.Next(Corpus.All.Count)];
        var query = mutator.Mutate(seedDocument.Query, random, out var applied);
        var variables = seedDocument.Variables(random, context);
        return Graph("mutated-document", $"{seedDocument.Name}: {applied}", query, variables, random, seedDocument.OperationName);
    }

    private HostileRequest RandomDocument(Random random)
    {
        var (query, summary) = random.Next(4) switch
        {
            0 => (mutator.RandomDocument(random, random.Next(1, 300)), "random tokens"),
            1 => (new string([.. Enumerable.Range(0, random.Next(1, 3000)).Select(_ => (char)random.Next(0x20, 0x7F))]), "random printable text"),
            2 => (new string([.. Enumerable.Range(0, random.Next(1, 2000)).Select(_ => (char)random.Next(0, 0xD7FF))]), "random characters"),
            _ => ("{ " + mutator.RandomDocument(random, random.Next(1, 100)) + " }", "random tokens in braces"),
        };
        return Graph("random-document", summary, query, null, random);
    }

    private HostileRequest DeepNesting(Random random)
    {
        var depth = random.Next(10, random.Next(2) == 0 ? 300 : 5_000);
        string query;
        string summary;
        JsonObject? variables = null;
        byte[]? body = null;
        switch (random.Next(7))
        {
            case 0:
                var levels = Math.Min(depth / 3, 600);
                query = "{ " + DocumentMutator.Repeat("myClients { family { members { ", levels * 31)[..(levels * 31)] + "id" + new string('}', levels * 3) + " }";
                summary = $"selections nested {levels * 3} deep";
                break;
            case 1:
                query = "{ searchClients(query: " + new string('[', depth) + "\"x\"" + new string(']', depth) + ") { id } }";
                summary = $"a list value nested {depth} deep";
                break;
            case 2:
                query = "mutation { registerClient(input: { givenName: " + DocumentMutator.Repeat("{ a: ", depth * 5)[..(depth * 5)] + "1"
                    + new string('}', depth) + " }) { id } }";
                summary = $"an object value nested {depth} deep";
                break;
            case 3:
                query = new string('{', depth) + new string('}', depth);
                summary = $"{depth} bare braces";
                break;
            case 4:
                query = "query($q: String!) { searchClients(query: $q) { id } }";
                var json = "{\"query\":\"query($q: String!) { searchClients(query: $q) { id } }\",\"variables\":{\"q\":"
                    + new string('[', depth) + "1" + new string(']', depth) + "}}";
                body = Encoding.UTF8.GetBytes(json);
                summary = $"a variable nested {depth} deep in JSON";
                break;
            case 5:
                var chain = random.Next(2, 60);
                query = "{ ...f0 }" + string.Concat(Enumerable.Range(0, chain).Select(i => $" fragment f{i} on Query {{ ...f{i + 1} }}"))
                    + $" fragment f{chain} on Query {{ me {{ subject }} }}";
                summary = $"a chain of {chain} fragments";
                break;
            default:
                query = "{ me " + DocumentMutator.Repeat("@include(if: ", Math.Min(depth, 3000) * 13) + " { subject } }";
                summary = "unclosed directive arguments";
                break;
        }
        return body is not null
            ? new HostileRequest { Category = "deep-nesting", Summary = summary, Authorization = Bearer(context.PractitionerToken), Body = body }
            : Graph("deep-nesting", summary, query, variables, random);
    }

    private HostileRequest Bombs(Random random)
    {
        var cheapFields = new[] { "__typename", "me { subject }", "agencies { name }", "myClients { id }", "myClients { team { practitioner { name } } }" };
        var field = cheapFields[random.Next(cheapFields.Length)];
        var (query, summary) = random.Next(7) switch
        {
            0 => Aliases(random.Next(50, 3_000)),
            1 => Repeated(random.Next(20, 400)),
            2 => FragmentBomb(random.Next(2, 11)),
            3 => ("{ me " + DocumentMutator.Repeat("@skip(if: false) ", random.Next(2, 500) * 17) + "{ subject } }", "one directive repeated"),
            4 => (string.Concat(Enumerable.Range(0, random.Next(2, 500)).Select(i => $"query q{i} {{ __typename }} ")), "hundreds of operations"),
            5 => ("query(" + string.Join(' ', Enumerable.Range(0, random.Next(2, 500)).Select(i => $"$v{i}: String")) + ") { __typename }", "hundreds of unused variables"),
            _ => ("{ " + string.Concat(Enumerable.Range(0, random.Next(10, 200)).Select(i => $"a{i}: client(id: \"{context.ClientId(random)}\") {{ team {{ practitioner {{ name }} supports {{ displayName }} }} }} ")) + "}",
                "many aliased team views"),
        };
        return Graph("alias-and-fragment-bombs", summary, query, null, random);

        (string, string) Aliases(int count) =>
            ("{ " + string.Concat(Enumerable.Range(0, count).Select(i => $"a{i}: {field} ")) + "}", $"{count} aliases of {field}");

        (string, string) Repeated(int count) =>
            ("{ " + string.Concat(Enumerable.Repeat(field + " ", count)) + "}", $"{field} repeated {count}×");

        (string, string) FragmentBomb(int levels) =>
            ("{ ...f0 }" + string.Concat(Enumerable.Range(0, levels).Select(i => $" fragment f{i} on Query {{ ...f{i + 1} ...f{i + 1} }}"))
                + $" fragment f{levels} on Query {{ me {{ subject }} }}", $"fragments doubling {levels} times");
    }

    private HostileRequest HugeVariables(Random random)
    {
        var seedDocument = Corpus.All[random.Next(Corpus.All.Count)];
        var variables = seedDocument.Variables(random, context);
        var name = variables.Count > 0 && random.Next(5) > 0 ? variables.ElementAt(random.Next(variables.Count)).Key : "extra";
        string summary;
        switch (random.Next(5))
        {
            case 0:
                var length = random.Next(1_000, 62_000);
                variables[name] = DocumentMutator.Repeat(random.Next(2) == 0 ? "a" : "Ωé😀 ", length)[..length];
                summary = $"${name} is a {length}-character string";
                break;
            case 1:
                var count = random.Next(1_000, 15_000);
                variables[name] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)i)]);
                summary = $"${name} is a list of {count} numbers";
                break;
            case 2:
                var keys = random.Next(500, 4_000);
                variables[name] = new JsonObject(Enumerable.Range(0, keys).Select(i => KeyValuePair.Create($"k{i}", (JsonNode?)i)));
                summary = $"${name} is an object with {keys} keys";
                break;
            case 3:
                var extra = random.Next(500, 4_000);
                for (var i = 0; i < extra; i++)
                {
                    variables[$"v{i}"] = i;
                }
                summary = $"{extra} variables nobody declared";
                break;
            default:
                var strings = random.Next(100, 1_500);
                variables[name] = new JsonArray([.. Enumerable.Range(0, strings).Select(_ => (JsonNode)new string('s', 40))]);
                summary = $"${name} is a list of {strings} strings";
                break;
        }
        return Graph("huge-variables", $"{seedDocument.Name}: {summary}", seedDocument.Query, variables, random, seedDocument.OperationName);
    }

    private HostileRequest WrongVariableTypes(Random random)
    {
        var seedDocument = Corpus.All[random.Next(Corpus.All.Count)];
        var variables = seedDocument.Variables(random, context);
        var changed = new List<string>();
        foreach (var key in variables.Select(v => v.Key).ToList())
        {
            if (random.Next(2) == 0)
            {
                variables[key] = RandomJson(random, 3);
                changed.Add($"${key}={Short(variables[key]?.ToJsonString() ?? "null")}");
            }
        }
        if (random.Next(4) == 0 && variables.Count > 0)
        {
            var removed = variables.ElementAt(random.Next(variables.Count)).Key;
            variables.Remove(removed);
            changed.Add($"${removed} missing");
        }
        if (changed.Count == 0)
        {
            variables["unexpected"] = RandomJson(random, 2);
            changed.Add("an undeclared variable");
        }
        return Graph("wrong-variable-types", $"{seedDocument.Name}: {string.Join(", ", changed)}", seedDocument.Query, variables, random,
            seedDocument.OperationName);
    }

    private HostileRequest MalformedJson(Random random)
    {
        const string Query = "{ me { subject } }";
        var (json, summary) = random.Next(16) switch
        {
            0 => ("{\"query\": " + RandomJson(random, 2).ToJsonStringOrNull() + "}", "query is not a string"),
            1 => ("{}", "no query"),
            2 => ("{\"query\": \"\"}", "an empty query"),
            3 => ($"{{\"query\": \"{Query}\", \"variables\": {RandomScalarOrArray(random)}}}", "variables is not an object"),
            4 => ($"{{\"query\": \"{Query}\", \"operationName\": {RandomJson(random, 2).ToJsonStringOrNull()}}}", "operationName is not a string"),
            5 => ($"{{\"query\": \"{Query}\", \"extensions\": {RandomJson(random, 3).ToJsonStringOrNull()}}}", "odd extensions"),
            6 => ($"{{\"query\": \"x\", \"query\": \"{Query}\"}}", "query given twice"),
            7 => ($"{{\"query\": \"{Query}\"}} trailing", "text after the JSON"),
            8 => ($"{{'query': '{Query}'}}", "single quotes"),
            9 => ($"{{\"query\": \"{Query}\", /* note */ \"variables\": {{}}}}", "a comment"),
            10 => ($"{{\"query\": \"{Query}\", \"variables\": {{\"n\": NaN}}}}", "NaN"),
            11 => ($"{{\"query\": \"{Query}\",}}", "a trailing comma"),
            12 => ($"[{{\"query\": \"{Query}\"}}, {{\"query\": \"{Query}\"}}]", "a batch (an array of requests)"),
            13 => (($"{{\"query\": \"{Query}\"}}")[..random.Next(1, 20)], "cut short"),
            14 => ($"{{\"query\": \"{Query}\", \"variables\": {{\"x\": 1{new string('0', 400)}}}}}", "a 400-digit number"),
            _ => ($"{{\"query\": \"{Query}\", \"variables\": {{\"x\": \"\\ud800\\u0000\\uFFFF\"}}}}", "escaped lone surrogate and NUL"),
        };
        return new HostileRequest
        {
            Category = "malformed-json",
            Summary = summary,
            Authorization = Bearer(context.AnyToken(random)),
            Body = Encoding.UTF8.GetBytes(json),
        };
    }

    private HostileRequest InvalidUtf8(Random random)
    {
        var valid = Encoding.UTF8.GetBytes("{\"query\": \"{ searchClients(query: \\\"grace\\\") { id } }\"}");
        var invalidSequences = new byte[][]
        {
            [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0x00],
        };
        byte[] body;
        string summary;
        switch (random.Next(5))
        {
            case 0:
                body = new byte[random.Next(1, 4_000)];
                random.NextBytes(body);
                summary = $"{body.Length} random bytes";
                break;
            case 1:
                var bad = invalidSequences[random.Next(invalidSequences.Length)];
                var at = random.Next(valid.Length);
                body = [.. valid[..at], .. bad, .. valid[at..]];
                summary = $"bytes {Convert.ToHexString(bad)} inserted at {at}";
                break;
            case 2:
                var encoding = random.Next(2) == 0 ? Encoding.Unicode : Encoding.BigEndianUnicode;
                body = random.Next(2) == 0 ? [.. encoding.GetPreamble(), .. encoding.GetBytes(Encoding.UTF8.GetString(valid))] : encoding.GetBytes(Encoding.UTF8.GetString(valid));
                summary = "UTF-16 " + (encoding == Encoding.Unicode ? "LE" : "BE");
                break;
            case 3:
                body = [0xEF, 0xBB, 0xBF, .. valid];
                summary = "a UTF-8 byte order mark";
                break;
            default:
                body = valid[..^random.Next(1, 6)];
                body = [.. body, 0xE2, 0x82];
                summary = "cut short inside a multi-byte character";
                break;
        }
        return new HostileRequest
        {
            Category = "invalid-utf8",
            Summary = summary,
            Authorization = Bearer(context.AnyToken(random)),
            ContentType = random.Next(3) == 0 ? "application/json; charset=utf-8" : "application/json",
            Body = body,
        };
    }

    private HostileRequest WrongContentType(Random random)
    {
        var contentTypes = new string?[]
        {
            null, "text/plain", "application/graphql", "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded",
            "application/xml", "application/json; charset=utf-16", "application/jsonx", "*/*", "application", "json", ";;;",
            "application/graphql-response+json", "APPLICATION/JSON", "application/json; charset=\"", "text/html; charset=utf-8",
        };
        var accepts = new[] { "text/html", "*/*", "application/json;q=0", "application/xml", "garbage", "application/graphql-response+json;q=2" };
        var contentType = contentTypes[random.Next(contentTypes.Length)];
        var body = contentType switch
        {
            "application/x-www-form-urlencoded" => "query=%7B+me+%7B+subject+%7D+%7D",
            "multipart/form-data; boundary=xyz" => "--xyz\r\nContent-Disposition: form-data; name=\"query\"\r\n\r\n{ me { subject } }\r\n--xyz--\r\n",
            "application/graphql" => "{ me { subject } }",
            _ => "{\"query\": \"{ me { subject } }\"}",
        };
        var accept = random.Next(2) == 0 ? accepts[random.Next(accepts.Length)] : null;
        return new HostileRequest
        {
            Category = "wrong-content-type",
            Summary = $"Content-Type {contentType ?? "(none)"}" + (accept is null ? "" : $", Accept {accept}"),
            Authorization = Bearer(context.AnyToken(random)),
            ContentType = contentType,
            Body = Encoding.UTF8.GetBytes(body),
            Headers = accept is null ? [] : [KeyValuePair.Create("Accept", accept)],
        };
    }

    private HostileRequest Oversized(Random random)
    {
        var size = random.Next(4) == 0 ? random.Next(256 * 1024, 2 * 1024 * 1024) : random.Next((64 * 1024) + 1, 256 * 1024);
        var json = random.Next(2) == 0;
        var body = json
            ? Encoding.UTF8.GetBytes("{\"query\": \"{ me { subject } }\", \"variables\": {\"pad\": \"" + new string('p', size) + "\"}}")
            : new byte[size];
        if (!json)
        {
            random.NextBytes(body);
        }
        var chunked = random.Next(2) == 0;
        return new HostileRequest
        {
            Category = "oversized-body",
            Summary = $"{body.Length / 1024} KiB of {(json ? "JSON" : "random bytes")}{(chunked ? ", chunked" : "")}",
            Authorization = Bearer(context.AnyToken(random)),
            Body = body,
            Chunked = chunked,
            MayDropConnection = true,
        };
    }

    private HostileRequest OddGet(Random random)
    {
        var queryStrings = new Func<string>[]
        {
            () => "query=" + Escape("{ me { subject } }"),
            () => "query=" + Escape("mutation { cancelVisit(visitId: \"x\") { id } }"),
            () => "query=",
            () => "",
            () => "variables=%7B%7D",
            () => "query=%ZZ%",
            () => "query=%FF%FE%80",
            () => "query=%00",
            () => "query=a&query=b&query=" + Escape("{ me { subject } }"),
            () => "query[]=x&query[x]=y",
            () => "query=" + Escape("{ me { subject } }") + "&variables=%7B",
            () => "query=" + Escape("{ me { subject } }") + "&variables=" + Escape(RandomScalarOrArray(random)),
            () => "query=" + Escape("{ me { subject } }") + "&extensions=" + Escape(RandomJson(random, 3).ToJsonStringOrNull()),
            () => "query=" + Escape("query A { me { subject } } mutation B { cancelVisit(visitId: \"x\") { id } }") + "&operationName=B",
            () => "query=" + Escape("query A { me { subject } }") + "&operationName=" + Escape(DocumentMutator.Oddity(random)),
            () => "query=" + new string('x', random.Next(9_000, 40_000)),
            () => "query=" + Escape(mutator.Mutate(Corpus.All[random.Next(Corpus.All.Count)].Query, random, out _)),
            () => "query=" + Escape("{ me { subject } }") + ";x=1;;&&==&",
            () => "=&=&query",
            () => "query=+++%2B%2B%2B",
        };
        var pick = random.Next(queryStrings.Length);
        var target = "/graphql?" + queryStrings[pick]();
        var summary = $"GET {Short(target, 90)}";
        // Sent as bytes, so the query string reaches the server exactly as written.
        var raw = $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {context.AnyToken(random)}\r\nConnection: close\r\n\r\n";
        return new HostileRequest { Category = "odd-get", Summary = summary, Raw = Encoding.Latin1.GetBytes(raw) };
    }

    private HostileRequest BadToken(Random random)
    {
        var (header, summary) = HostileTokens.Next(random, context.PractitionerToken, context.PractitionerSubject);
        var seedDocument = Corpus.All[random.Next(Corpus.All.Count)];
        return new HostileRequest
        {
            Category = "bad-token",
            Summary = $"{summary} ({seedDocument.Name})",
            Authorization = header,
            Body = Encoding.UTF8.GetBytes(new JsonObject
            {
                ["query"] = seedDocument.Query,
                ["variables"] = seedDocument.Variables(random, context),
                ["operationName"] = seedDocument.OperationName,
            }.ToJsonString()),
        };
    }

    private HostileRequest MalformedHttp(Random random)
    {
        var token = context.PractitionerToken;
        const string Body = "{\"query\": \"{ me { subject } }\"}";
        var start = $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nConnection: close\r\n";
        var (raw, summary) = random.Next(18) switch
        {
            0 => (start + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\n" + Body + "\r\n0\r\n\r\n", "a chunk size that is not hex"),
            1 => (start + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n" + Body + "\r\n0\r\n\r\n", "a chunk size that overflows"),
            2 => (start + "Transfer-Encoding: chunked\r\n\r\n5;" + new string('x', 5_000) + "\r\n{\"que\r\n0\r\n\r\n", "a huge chunk extension"),
            3 => (start + $"Transfer-Encoding: chunked\r\n\r\n{Body.Length:x}\r\n{Body}\r\n", "chunked without the last chunk"),
            4 => (start + $"Content-Length: {Body.Length}\r\nTransfer-Encoding: chunked\r\n\r\n{Body.Length:x}\r\n{Body}\r\n0\r\n\r\n", "both Content-Length and chunked"),
            5 => (start + $"Content-Length: {Body.Length}\r\nContent-Length: {Body.Length + 5}\r\n\r\n{Body}", "two different Content-Lengths"),
            6 => (start + "Content-Length: -5\r\n\r\n" + Body, "a negative Content-Length"),
            7 => (start + $"Content-Length: {Body.Length + 100}\r\n\r\n{Body}", "a body shorter than its Content-Length"),
            8 => (start + "Content-Length: 5\r\n\r\n" + Body, "a body longer than its Content-Length"),
            9 => (start + "Content-Length: 99999999999999999999\r\n\r\n" + Body, "an absurd Content-Length"),
            10 => (start + "X-Header-Without-Colon\r\n\r\n" + Body, "a header line without a colon"),
            11 => (start + "X-Odd: caf\u00e9 \u00ff\u0001\r\n" + $"Content-Length: {Body.Length}\r\n\r\n{Body}", "control and Latin-1 bytes in a header"),
            12 => (start + "X-Long: " + new string('h', random.Next(20_000, 70_000)) + $"\r\nContent-Length: {Body.Length}\r\n\r\n{Body}", "a header too long"),
            13 => ("GET /graphql\u00ff\u0000?query=x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", "raw bytes in the request line"),
            14 => ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "an HTTP/2 preface on HTTP/1.1"),
            15 => ($"POST /graphql HTTP/1.1\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\n\r\n{Body}", "no Host header"),
            16 => (start.Replace("Authorization: Bearer ", "Authorization: Bearer x\r\nAuthorization: Bearer ", StringComparison.Ordinal)
                + $"Content-Length: {Body.Length}\r\n\r\n{Body}", "two Authorization headers"),
            _ => (start + "Expect: 100-continue\r\nContent-Length: 40\r\n\r\n", "Expect: 100-continue, then no body"),
        };
        return new HostileRequest
        {
            Category = "malformed-http",
            Summary = summary,
            Raw = Encoding.Latin1.GetBytes(raw),
            HalfClose = summary is "chunked without the last chunk" or "a body shorter than its Content-Length" or "Expect: 100-continue, then no body",
        };
    }

    private HostileRequest OtherEndpoints(Random random)
    {
        var tokenBodies = new[]
        {
            "{", "[]", "null", "\"x\"", "{\"email\": 5}", "{\"email\": [\"a\"]}", "{\"email\": {\"$ne\": null}}", "{\"email\": null}",
            "{\"email\": \"" + new string('e', 50_000) + "@x\"}", "{\"email\": \"HANNAH.REID@EASTMERE-COUNCIL.EXAMPLE\"}", "not json", "",
        };
        switch (random.Next(6))
        {
            case 0:
            case 1:
                var body = tokenBodies[random.Next(tokenBodies.Length)];
                var contentType = random.Next(4) == 0 ? "text/plain" : "application/json";
                return new HostileRequest
                {
                    Category = "other-endpoints",
                    Summary = $"POST /dev/token {contentType} {Short(body)}",
                    Target = "/dev/token",
                    ContentType = contentType,
                    Body = Encoding.UTF8.GetBytes(body),
                };
            case 2:
                var method = new[] { "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "BREW" }[random.Next(8)];
                return new HostileRequest
                {
                    Category = "other-endpoints",
                    Summary = $"{method} /graphql",
                    Method = method,
                    Authorization = Bearer(context.AnyToken(random)),
                    Body = method is "PUT" or "PATCH" ? Encoding.UTF8.GetBytes("{\"query\": \"{ me { subject } }\"}") : null,
                };
            case 3:
                var path = new[]
                {
                    "/graphql/", "/graphql/x", "/GRAPHQL", "//graphql", "/graphql;x=1", "/%2e%2e/graphql", "/graphql%00", "/dev/users/../token",
                    "/health/ready/x", "/health/../graphql", "/" + new string('a', 5_000), "/favicon.ico", "/swagger", "/.env", "/dev/token?email=x",
                }[random.Next(15)];
                var authorization = random.Next(2) == 0 ? $"Authorization: Bearer {context.AnyToken(random)}\r\n" : "";
                return new HostileRequest
                {
                    Category = "other-endpoints",
                    Summary = $"GET {Short(path)}",
                    Raw = Encoding.Latin1.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{authorization}Connection: close\r\n\r\n"),
                };
            case 4:
                var health = new[] { "/health/ready", "/health/live", "/dev/users" }[random.Next(3)];
                return new HostileRequest
                {
                    Category = "other-endpoints",
                    Summary = $"POST {health} with a body",
                    Target = health,
                    Body = Encoding.UTF8.GetBytes("{\"query\": \"{ me { subject } }\"}"),
                };
            default:
                return new HostileRequest
                {
                    Category = "other-endpoints",
                    Summary = "GET /dev/users with a forged token",
                    Method = "GET",
                    Target = "/dev/users",
                    Authorization = HostileTokens.Next(random, context.PractitionerToken, context.PractitionerSubject).Header,
                };
        }
    }

    private HostileRequest Graph(string category, string summary, string query, JsonObject? variables, Random random, string? operationName = null)
    {
        var envelope = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            envelope["variables"] = variables;
        }
        if (operationName is not null)
        {
            envelope["operationName"] = operationName;
        }
        var asGet = random.Next(10) == 0 && query.Length < 1_500 && variables is null;
        if (asGet)
        {
            return new HostileRequest
            {
                Category = category,
                Summary = "GET " + summary,
                Method = "GET",
                Target = "/graphql?query=" + Escape(query),
                Authorization = Bearer(context.AnyToken(random)),
                ContentType = null,
            };
        }
        return new HostileRequest
        {
            Category = category,
            Summary = summary,
            Authorization = Bearer(context.AnyToken(random)),
            Body = Encoding.UTF8.GetBytes(envelope.ToJsonString()),
        };
    }

    private static JsonNode? RandomJson(Random random, int depth) => random.Next(depth > 0 ? 12 : 9) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.Next(),
        3 => -random.NextDouble() * 1e300,
        4 => long.MaxValue,
        5 => "",
        6 => DocumentMutator.Oddity(random) + random.Next(),
        7 => "2024-02-30T25:61:00Z",
        8 => "9".PadLeft(random.Next(1, 40), '9'),
        9 => new JsonArray([.. Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomJson(random, depth - 1))]),
        10 => new JsonObject(Enumerable.Range(0, random.Next(0, 4)).Select(i => KeyValuePair.Create($"k{i}", RandomJson(random, depth - 1)))),
        _ => new JsonObject { ["id"] = RandomJson(random, depth - 1), ["__proto__"] = 1 },
    };

    private static string RandomScalarOrArray(Random random) =>
        new[] { "[]", "[1,2]", "\"x\"", "1", "true", "null", "\"{}\"" }[random.Next(7)];

    private static string Bearer(string token) => "Bearer " + token;

    /// <summary>Percent-encodes the UTF-8 of a text (a lone surrogate becomes U+FFFD), leaving only unreserved characters.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return escaped.ToString();
    }

    private static string Short(string text, int length = 40) => text.Length <= length ? text : text[..length] + "…";
}

internal static class JsonText
{
    public static string ToJsonStringOrNull(this JsonNode? node) => node?.ToJsonString() ?? "null";
}
