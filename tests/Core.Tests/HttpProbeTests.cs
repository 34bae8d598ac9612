using System.Net;
using System.Net.Sockets;
using System.Text;
using Multistage.Core.Pipeline;

namespace Core.Tests;

/// <summary>What the probe makes of answers an app really sends, from a one-shot server on loopback.</summary>
public sealed class HttpProbeTests
{
    /// <summary>Answers one connection with <paramref name="response"/> (status line, headers and body) and closes.</summary>
    private static async Task<HttpAnswer> GetFromAsync(string response)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            // The request is small and read once: its end is not needed, only that it came.
            _ = await stream.ReadAsync(new byte[4096]);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(response));
        });
        var answer = await HttpProbe.GetAsync($"http://127.0.0.1:{port}/", TimeSpan.FromSeconds(5));
        await serve;
        return answer;
    }

    [Fact]
    public async Task A_charset_dotnet_does_not_know_still_reads_the_body()
    {
        // fasthttp's example (heroku/buildpacks-go's vendor_fasthttp_120) answers "text/plain; charset=utf8":
        // ReadAsStringAsync threw on it, and every later check of init --verify read "not measured".
        const string body = "Hello from vendor_fasthttp_120!";
        var answer = await GetFromAsync($"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");

        Assert.Null(answer.Error);
        Assert.Equal(200, answer.Status);
        Assert.Equal(body, answer.Body);
    }
}
