using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Patchwork.Resilience.Tests.Fuzz;

/// <summary>
/// One hostile request: either an HTTP request sent through <see cref="HttpClient"/>, or bytes written as they
/// are on a connection of their own (for what a well-behaved client cannot send: broken framing, raw bytes in
/// the request line or headers).
/// </summary>
public sealed class HostileRequest
{
    public required string Category { get; init; }

    /// <summary>What the request is, short enough to print when it fails.</summary>
    public required string Summary { get; init; }

    public string Method { get; init; } = "POST";

    public string Target { get; init; } = "/graphql";

    /// <summary>The whole Authorization header value; null sends none.</summary>
    public string? Authorization { get; init; }

    /// <summary>The Content-Type header value; null sends none.</summary>
    public string? ContentType { get; init; } = "application/json";

    public byte[]? Body { get; init; }

    /// <summary>Send the body with chunked transfer encoding, so the server cannot know its length up front.</summary>
    public bool Chunked { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Bytes to write verbatim on a new connection instead of an HTTP request.</summary>
    public byte[]? Raw { get; init; }

    /// <summary>
    /// For raw bytes: close the sending side after writing, so a server still waiting for a body the request promised
    /// sees the end of it at once. The server may then drop the request unanswered.
    /// </summary>
    public bool HalfClose { get; init; }

    /// <summary>Whether the server may close the connection without an answer (say, while a too-large body is still being sent).</summary>
    public bool MayDropConnection { get; init; }

    public override string ToString() => $"[{Category}] {Summary}";
}

/// <summary>What came back: a status (none if the connection closed first), the body, or the transport failure.</summary>
public sealed record HostileOutcome(int? Status, string Body, string? TransportError, TimeSpan Elapsed);

public static class HostileSender
{
    private static readonly TimeSpan RawTimeout = TimeSpan.FromSeconds(20);

    public static async Task<HostileOutcome> SendAsync(HttpClient client, HostileRequest request)
    {
        return request.Raw is not null
            ? await SendRawAsync(client.BaseAddress!, request.Raw, request.HalfClose)
            : await SendHttpAsync(client, request);
    }

    private static async Task<HostileOutcome> SendHttpAsync(HttpClient client, HostileRequest request)
    {
        var clock = Stopwatch.StartNew();
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Target, UriKind.Relative));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
            if (request.Chunked)
            {
                message.Headers.TransferEncodingChunked = true;
            }
        }
        if (request.Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
        }
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        try
        {
            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsByteArrayAsync();
            return new HostileOutcome((int)response.StatusCode, Encoding.UTF8.GetString(body), null, clock.Elapsed);
        }
        catch (TaskCanceledException)
        {
            return new HostileOutcome(null, "", $"no answer within {client.Timeout.TotalSeconds} s", clock.Elapsed);
        }
        catch (HttpRequestException e)
        {
            return new HostileOutcome(null, "", $"{e.HttpRequestError}: {e.InnerException?.Message ?? e.Message}", clock.Elapsed);
        }
    }

    /// <summary>Writes the bytes and reads whatever the server answers until it closes the connection.</summary>
    private static async Task<HostileOutcome> SendRawAsync(Uri server, byte[] raw, bool halfClose)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(RawTimeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var received = new MemoryStream();
        string? error = null;
        try
        {
            await socket.ConnectAsync(server.Host, server.Port, timeout.Token);
            try
            {
                await socket.SendAsync(raw, SocketFlags.None, timeout.Token);
                if (halfClose)
                {
                    socket.Shutdown(SocketShutdown.Send);
                }
            }
            catch (SocketException)
            {
                // The server may answer and close before taking everything; read what it said.
            }
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            error = $"no answer within {RawTimeout.TotalSeconds} s";
        }
        catch (SocketException e)
        {
            error = received.Length == 0 ? $"{e.SocketErrorCode}" : null;
        }
        var text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
        // Past any interim "100 Continue": the final answer is what counts.
        while (StatusOf(text) is >= 100 and < 200 && text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0
            && end + 4 < text.Length)
        {
            text = text[(end + 4)..];
        }
        return new HostileOutcome(StatusOf(text), BodyOf(text), error, clock.Elapsed);
    }

    private static int? StatusOf(string response) =>
        response.StartsWith("HTTP/1.", StringComparison.Ordinal) && response.Length >= 12
        && int.TryParse(response.AsSpan(9, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status)
            ? status
            : null;

    private static string BodyOf(string response)
    {
        var end = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return response;
        }
        var body = response[(end + 4)..];
        return response[..end].Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(body) : body;
    }

    /// <summary>The data of a chunked body (as far as it is well formed).</summary>
    private static string Dechunk(string body)
    {
        var data = new StringBuilder();
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            if (lineEnd < 0 || !int.TryParse(body.AsSpan(at, lineEnd - at), System.Globalization.NumberStyles.HexNumber,
                    System.Globalization.CultureInfo.InvariantCulture, out var size) || size == 0)
            {
                break;
            }
            var start = lineEnd + 2;
            data.Append(body, start, Math.Min(size, body.Length - start));
            at = start + size + 2;
        }
        return data.ToString();
    }
}
