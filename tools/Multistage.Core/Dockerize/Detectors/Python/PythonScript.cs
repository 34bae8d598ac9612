using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Python;

/// <summary>An app with no WSGI or ASGI object that serves itself from a root script's __main__ block
/// (http.server, a framework's run_app): the image runs `python &lt;script&gt;`. Its port variable, its
/// address and whether it handles SIGTERM (else tini) come from that script.</summary>
internal static partial class PythonScript
{
    private static readonly string[] RootScripts = ["app.py", "main.py", "server.py", "serve.py", "run.py"];

    public static bool TryRead(ProjectDetection.Builder found, ProjectFolder folder)
    {
        var script = RootScripts.Where(folder.Exists)
            .Select(f => new PythonSource(f, folder.Read(f)!))
            .FirstOrDefault(s => MainBlock().IsMatch(s.Text) && Serves().IsMatch(s.Text));
        if (script is null)
        {
            return false;
        }

        var serves = Serves().Match(script.Text);
        found.Value("server", "python", $"{script.Where(serves)} ({script.Quote(serves)}: the script serves itself, no WSGI or ASGI app object)");
        found.Value("entry", script.Path, $"{script.Path}: its if __name__ == \"__main__\": block starts the server");

        if (SigtermHandler().Match(script.Text) is { Success: true } handler)
        {
            found.Value("tini", "false", $"{script.Where(handler)} ({script.Quote(handler)})");
        }
        else
        {
            found.Value("tini", "true", $"{script.Path} has no SIGTERM handler (signal.signal(signal.SIGTERM, ...)): as PID 1 python would ignore docker stop");
        }

        if (PortVariable().Match(script.Text) is { Success: true } port)
        {
            found.Value("port", port.Groups["port"].Value, $"{script.Where(port)} ({script.Quote(port)})");
            if (port.Groups["var"].Value != "PORT")
            {
                found.Value("port-variable", port.Groups["var"].Value, $"{script.Where(port)} ({script.Quote(port)})");
            }
        }

        if (LoopbackAddress().Match(script.Text) is { Success: true } loopback)
        {
            found.Warning($"{script.Where(loopback)} ({script.Quote(loopback)}) listens on the loopback address only: nothing outside the container can reach it. " +
                          "Change the address to \"0.0.0.0\" (or \"\").");
        }

        return true;
    }

    [GeneratedRegex(@"^if\s+__name__\s*==\s*[""']__main__[""']\s*:", RegexOptions.Multiline)]
    private static partial Regex MainBlock();

    [GeneratedRegex(@"\b(?:serve_forever|run_app|make_server|HTTPServer|ThreadingHTTPServer)\s*\(")]
    private static partial Regex Serves();

    [GeneratedRegex(@"signal\.signal\(\s*signal\.SIGTERM")]
    private static partial Regex SigtermHandler();

    [GeneratedRegex(@"os\.(?:environ\.get|getenv)\(\s*[""'](?<var>\w*PORT\w*)[""']\s*,\s*[""']?(?<port>\d{2,5})[""']?\s*\)")]
    private static partial Regex PortVariable();

    [GeneratedRegex(@"\(\s*\(\s*[""'](?:127\.0\.0\.1|localhost)[""']\s*,")]
    private static partial Regex LoopbackAddress();
}
