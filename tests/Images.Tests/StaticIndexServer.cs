using Multistage.Core.Net;
using System.Net;

namespace Images.Tests;

/// <summary>
/// Serves a folder over HTTP on 127.0.0.1 (a free port), for a package index that builds reach through
/// --network=host. A folder request gets its index.html, as a PEP 503 "simple" index expects.
/// </summary>
public sealed class StaticIndexServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string root;
    private readonly Task loop;

    public StaticIndexServer(string rootDirectory)
    {
        root = Path.GetFullPath(rootDirectory);
        Port = FreeLoopbackPort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    public void Dispose()
    {
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's ObjectDisposed/HttpListener exception by design.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        var relative = Uri.UnescapeDataString(context.Request.Url?.AbsolutePath ?? "/").TrimStart('/');
        var path = Path.GetFullPath(Path.Combine(root, relative));
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, "index.html");
        }

        // Never serve outside the folder, whatever `..` a request carries.
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            response.StatusCode = 404;
            return;
        }

        response.ContentType = path.EndsWith(".html", StringComparison.Ordinal) ? "text/html" : "application/octet-stream";
        using var file = File.OpenRead(path);
        response.ContentLength64 = file.Length;
        file.CopyTo(response.OutputStream);
    }
}
