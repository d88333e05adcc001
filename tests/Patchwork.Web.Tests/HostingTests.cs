using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Patchwork.Web.Tests;

/// <summary>How the API serves the app: headers that keep the page safe, caching that keeps it fast.</summary>
[Collection(WebAppCollection.Name)]
public sealed partial class HostingTests(WebAppFixture web)
{
    [Fact]
    public async Task The_page_forbids_inline_script_framing_and_sniffing_and_is_always_revalidated()
    {
        using var http = web.Server.CreateClient();
        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoCache);

        var html = await response.Content.ReadAsStringAsync();
        foreach (Match script in ScriptTag().Matches(html))
        {
            // Every script is a file from this origin, or data the browser never runs.
            Assert.True(script.Value.Contains("src=\"/assets/", StringComparison.Ordinal)
                || script.Value.Contains("type=\"application/json\"", StringComparison.Ordinal), script.Value);
        }
    }

    [Fact]
    public async Task Assets_are_versioned_cached_for_a_year_compressed_and_revalidated_by_etag()
    {
        using var http = web.Server.CreateClient();
        var html = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var css = new Uri(StylesheetPath().Match(html).Groups[1].Value, UriKind.Relative);

        using var plain = await http.GetAsync(css);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), plain.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", string.Join(",", plain.Headers.GetValues("Cache-Control")), StringComparison.Ordinal);
        Assert.Equal("text/css", plain.Content.Headers.ContentType?.MediaType);
        var text = await plain.Content.ReadAsByteArrayAsync();

        using var brotliRequest = new HttpRequestMessage(HttpMethod.Get, css);
        brotliRequest.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var brotli = await http.SendAsync(brotliRequest);
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        var compressed = await brotli.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < text.Length / 2);
        using var decoder = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(text, decoded.ToArray());

        using var again = new HttpRequestMessage(HttpMethod.Get, css);
        again.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);

        var stale = new Uri(Regex.Replace(css.OriginalString, "/assets/[^/]+/", "/assets/000000000000/"), UriKind.Relative);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(stale)).StatusCode);
        foreach (var notAnAsset in new[] { "index.html", "missing.js", "../../appsettings.json" })
        {
            var path = new Uri(css.OriginalString.Replace("app.css", notAnAsset, StringComparison.Ordinal), UriKind.Relative);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);
        }
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetPath();
}
