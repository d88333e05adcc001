using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Patchwork.Resilience.Tests.Fuzz;

/// <summary>
/// Bearer tokens and Authorization headers no server should accept: forged, malformed, expired, unsigned
/// (<c>alg: none</c>), issued for someone else, or signed properly but carrying claims no provider would issue.
/// Tokens "signed properly" use the development key the server under test is started with.
/// </summary>
public static class HostileTokens
{
    private static readonly byte[] RightKey = Encoding.UTF8.GetBytes(ApiServer.SigningKey);
    private static readonly byte[] WrongKey = Encoding.UTF8.GetBytes("someone-elses-signing-key-of-a-perfectly-good-length");

    /// <summary>A hostile Authorization header (or none), and what it is.</summary>
    public static (string? Header, string Summary) Next(Random random, string validToken, string subject)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        JsonObject Claims() => new()
        {
            ["sub"] = subject,
            ["email"] = "hannah.reid@eastmere-council.example",
            ["roles"] = "practitioner",
            ["iss"] = ApiServer.Issuer,
            ["aud"] = ApiServer.Audience,
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
        };
        JsonObject Header(string alg = "HS256") => new() { ["alg"] = alg, ["typ"] = "JWT" };

        switch (random.Next(30))
        {
            case 0:
                return (null, "no Authorization header");
            case 1:
                var expired = Claims();
                expired["exp"] = now - 3600;
                expired["nbf"] = now - 7200;
                expired["iat"] = now - 7200;
                return (Bearer(Sign(Header(), expired, RightKey)), "expired an hour ago, properly signed");
            case 2:
                var early = Claims();
                early["nbf"] = now + 3600;
                return (Bearer(Sign(Header(), early, RightKey)), "not valid for another hour");
            case 3:
                var noExpiry = Claims();
                noExpiry.Remove("exp");
                return (Bearer(Sign(Header(), noExpiry, RightKey)), "no expiry");
            case 4:
                var oddExpiry = Claims();
                oddExpiry["exp"] = random.Next(3) switch { 0 => "tomorrow", 1 => 1e300, _ => -1 };
                return (Bearer(Sign(Header(), oddExpiry, RightKey)), $"exp is {oddExpiry["exp"]!.ToJsonString()}");
            case 5:
                var issuer = Claims();
                issuer["iss"] = "https://login.example/evil";
                return (Bearer(Sign(Header(), issuer, RightKey)), "another issuer");
            case 6:
                var audience = Claims();
                audience["aud"] = random.Next(2) == 0 ? "another-api" : new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode)$"api-{i}")]);
                return (Bearer(Sign(Header(), audience, RightKey)), "another audience");
            case 7:
                var alg = new[] { "none", "None", "NONE", "nOnE" }[random.Next(4)];
                return (Bearer(Unsigned(Header(alg), Claims()) + (random.Next(2) == 0 ? "" : "AAAA")), $"alg: {alg}, unsigned");
            case 8:
                return (Bearer(Sign(Header(), Claims(), WrongKey)), "forged: signed with another key");
            case 9:
                var (algorithm, summary) = random.Next(3) switch
                {
                    0 => ("RS256", "RS256 header over an HMAC signature (key confusion)"),
                    1 => ("HS512", "HS512 header over an HS256 signature"),
                    _ => ("ES256", "ES256 header over an HMAC signature"),
                };
                return (Bearer(Sign(Header(algorithm), Claims(), RightKey)), summary);
            case 10:
                var valid = validToken.ToCharArray();
                var at = random.Next(valid.Length);
                valid[at] = valid[at] == 'A' ? 'B' : 'A';
                return (Bearer(new string(valid)), "a valid token with one character changed");
            case 11:
                var header = Header();
                var (name, value) = random.Next(5) switch
                {
                    0 => ("kid", (JsonNode)"../../../../../../dev/null"),
                    1 => ("jku", (JsonNode)"http://127.0.0.1:1/jwks.json"),
                    2 => ("x5u", (JsonNode)"http://127.0.0.1:1/cert.pem"),
                    3 => ("crit", (JsonNode)new JsonArray("exp", "b64")),
                    _ => ("zip", (JsonNode)"DEF"),
                };
                header[name] = value;
                return (Bearer(Sign(header, Claims(), WrongKey)), $"forged, with header {name}");
            case 12:
                var claims = Claims();
                var (claim, weird) = random.Next(8) switch
                {
                    0 => ("sub", (JsonNode?)null),
                    1 => ("sub", (JsonNode)""),
                    2 => ("sub", (JsonNode)new string('s', 4000)),
                    3 => ("roles", (JsonNode)new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)$"role{i}")])),
                    4 => ("roles", (JsonNode)new JsonObject { ["admin"] = true }),
                    5 => ("roles", (JsonNode)"ADMIN"),
                    6 => ("roles", (JsonNode)new JsonArray("admin", "practitioner", "analyst", "commissioner")),
                    _ => ("email", (JsonNode)12345),
                };
                if (weird is null)
                {
                    claims.Remove(claim);
                }
                else
                {
                    claims[claim] = weird;
                }
                return (Bearer(Sign(Header(), claims, RightKey)), $"properly signed, {claim} = {Short(weird?.ToJsonString() ?? "(missing)")}");
            case 13:
                var stranger = Claims();
                stranger["sub"] = "someone-the-store-does-not-know-" + random.Next(1000);
                stranger["roles"] = new[] { "practitioner", "admin", "analyst", "commissioner" }[random.Next(4)];
                return (Bearer(Sign(Header(), stranger, RightKey)), $"properly signed for an unknown subject as {stranger["roles"]}");
            case 14:
                var parts = random.Next(1, 7);
                return (Bearer(string.Join('.', Enumerable.Range(0, parts).Select(_ => RandomBase64Url(random, random.Next(0, 60))))),
                    $"{parts} random base64url segments");
            case 15:
                return (Bearer(RandomPrintable(random, random.Next(1, 300))), "random printable characters");
            case 16:
                var badJson = new[] { "{", "[]", "1", "\"x\"", "null", "{\"alg\":", "{\"alg\":\"HS256\",\"alg\":\"none\"}" }[random.Next(7)];
                return (Bearer(Encode(badJson) + "." + Encode(Claims().ToJsonString()) + "." + RandomBase64Url(random, 43)),
                    $"header is {badJson}");
            case 17:
                var badPayload = new[] { "{", "[]", "1e999", "\"x\"", "null", "{\"exp\":" }[random.Next(6)];
                return (Bearer(Encode(Header().ToJsonString()) + "." + Encode(badPayload) + "." + RandomBase64Url(random, 43)),
                    $"payload is {badPayload}");
            case 18:
                var padded = Claims();
                padded["padding"] = new string('p', random.Next(5_000, 40_000));
                return (Bearer(Sign(Header(), padded, RightKey)), $"a {padded["padding"]!.GetValue<string>().Length / 1000} KB token");
            case 19:
                return (Bearer(string.Join('.', Enumerable.Range(0, 5).Select(_ => RandomBase64Url(random, 40)))), "JWE-shaped junk");
            case 20:
                return ("Bearer", "scheme only");
            case 21:
                return ("Bearer " + new string(' ', random.Next(1, 10)), "scheme and spaces");
            case 22:
                return ("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hannah.reid:password")), "Basic credentials");
            case 23:
                return (new[] { "Digest username=\"x\", realm=\"y\"", "Negotiate YIIB", "Token " + validToken, "Bearer: " + validToken }[random.Next(4)],
                    "another scheme");
            case 24:
                return ($"Bearer {validToken} {validToken}", "two tokens after one scheme");
            case 25:
                return ($"Bearer {validToken}, Bearer {validToken}", "two credentials in one header");
            case 26:
                return ("Bearer " + new string('A', random.Next(8_000, 40_000)), "a very long header");
            case 27:
                return (RandomPrintable(random, random.Next(1, 200)), "random printable header");
            case 28:
                return ("bearer " + validToken, "lower-case scheme with a valid token");
            default:
                return ("Bearer " + validToken[..random.Next(validToken.Length)], "a valid token cut short");
        }
    }

    private static string Bearer(string token) => "Bearer " + token;

    private static string Sign(JsonObject header, JsonObject claims, byte[] key)
    {
        var unsigned = Encode(header.ToJsonString()) + "." + Encode(claims.ToJsonString());
        var signature = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64UrlEncoder.Encode(signature);
    }

    private static string Unsigned(JsonObject header, JsonObject claims) =>
        Encode(header.ToJsonString()) + "." + Encode(claims.ToJsonString()) + ".";

    private static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static string RandomBase64Url(Random random, int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return new string([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
    }

    /// <summary>Printable ASCII only: a client library refuses to send control characters in a header.</summary>
    private static string RandomPrintable(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x7F))]);

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
