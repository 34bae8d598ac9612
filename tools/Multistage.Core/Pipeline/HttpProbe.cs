using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Multistage.Core.Pipeline;

/// <summary>GETs a URL on loopback, retrying until it answers or the time is up (the app may still be starting).</summary>
public static class HttpProbe
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<HttpAnswer> GetAsync(string url, TimeSpan within, Func<Task<bool>>? stillWorthWaiting = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        string error;
        do
        {
            try
            {
                using var response = await Client.GetAsync(url, cancellationToken);
                return new HttpAnswer((int)response.StatusCode, (await BodyAsync(response.Content, cancellationToken)).Trim(), null);
            }
            // The client's own timeout is an answer ("no answer in time"); the caller's cancellation is not.
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                error = $"GET {url}: {e.Message}";
            }

            if (stillWorthWaiting is not null && !await stillWorthWaiting())
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
        }
        while (clock.Elapsed < within);

        return new HttpAnswer(null, "", error);
    }

    /// <summary>The body as text in its declared charset; one .NET does not know (fasthttp's "utf8") reads as UTF-8,
    /// where ReadAsStringAsync would throw on an answer any browser shows.</summary>
    private static async Task<string> BodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
        Encoding encoding;
        try
        {
            encoding = content.Headers.ContentType?.CharSet is { Length: > 0 } charset ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }

        return encoding.GetString(bytes);
    }

    /// <summary>
    /// Opens a connection to 127.0.0.1:port and leaves it as <paramref name="load"/> says, for a
    /// shutdown test: a server must not wait for it. Dispose the client to let go.
    /// </summary>
    public static async Task<TcpClient> HoldAsync(int port, ClientLoad load)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            const string head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
            if (load == ClientLoad.IdleKeepAlive)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "Connection: keep-alive\r\n\r\n"));
                // Once the answer has started, the request is done and the connection sits idle.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                var read = await stream.ReadAsync(new byte[4096], timeout.Token);
                if (read == 0)
                {
                    throw new IOException($"127.0.0.1:{port} closed the connection without answering GET /.");
                }
            }
            else
            {
                // No blank line after the headers: the request never ends. Give the server time to read it.
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

/// <summary>What a client is doing with its connection when the server is told to stop.</summary>
public enum ClientLoad
{
    /// <summary>One request answered, the keep-alive connection left open and silent.</summary>
    IdleKeepAlive,

    /// <summary>Half-way through sending a request: headers started, never finished.</summary>
    HalfSentRequest,
}
