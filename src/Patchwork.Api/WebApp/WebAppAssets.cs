using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Patchwork.Api.WebApp;

/// <summary>One file of the web app, held in memory as it is and compressed ahead of time.</summary>
internal sealed record WebAppFile(string ContentType, byte[] Plain, byte[] Gzip, byte[] Brotli, string ETag)
{
    public static WebAppFile Of(string contentType, byte[] plain) => new(contentType, plain,
        Compress(plain, s => new GZipStream(s, CompressionLevel.SmallestSize)),
        Compress(plain, s => new BrotliStream(s, CompressionLevel.SmallestSize)),
        $"\"{Convert.ToHexStringLower(SHA256.HashData(plain))[..16]}\"");

    private static byte[] Compress(byte[] plain, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(plain);
        }
        return output.ToArray();
    }
}

/// <summary>
/// The web app's files, embedded in the API assembly so any build of the API serves the whole product. Assets live
/// under <c>/assets/{version}/</c>, where the version is a hash of their contents: they can be cached for a year,
/// and a new release changes every URL at once. The page itself is always revalidated.
/// </summary>
internal sealed class WebAppAssets
{
    private const string Prefix = "wwwroot/";
    private const string PageName = "index.html";

    private readonly Dictionary<string, WebAppFile> _files;

    private WebAppAssets(string version, WebAppFile page, Dictionary<string, WebAppFile> files)
    {
        Version = version;
        Page = page;
        _files = files;
    }

    public string Version { get; }

    public WebAppFile Page { get; }

    public WebAppFile? Find(string path) => _files.GetValueOrDefault(path);

    /// <summary>Reads the embedded files and fills the page's placeholders: the assets' base path and the sign-in settings.</summary>
    public static WebAppAssets Load(Assembly assembly, string signInSettings)
    {
        var contents = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => n[Prefix.Length..], n => Read(assembly, n), StringComparer.Ordinal);
        var template = contents.Remove(PageName, out var page)
            ? Encoding.UTF8.GetString(page)
            : throw new InvalidOperationException($"The API was built without its web app ({Prefix}{PageName}).");
        var version = VersionOf(contents);
        var html = template
            .Replace("{{assets}}", $"/assets/{version}", StringComparison.Ordinal)
            .Replace("{{sign-in}}", signInSettings, StringComparison.Ordinal);
        var files = contents.ToDictionary(c => c.Key, c => WebAppFile.Of(ContentTypeOf(c.Key), c.Value), StringComparer.Ordinal);
        return new WebAppAssets(version, WebAppFile.Of("text/html; charset=utf-8", Encoding.UTF8.GetBytes(html)), files);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string VersionOf(Dictionary<string, byte[]> contents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in contents.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" or ".webmanifest" => "application/manifest+json",
        ".html" => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    };
}
