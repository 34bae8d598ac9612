using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Python;

/// <summary>A root script whose __main__ block replaces itself with the server (`os.execv(sys.executable,
/// [..., "-m", "gunicorn", ...])`): the author's own start, which may check its input before any server
/// runs. The image runs that script (server python), the exec'd server is then PID 1 and handles SIGTERM, and
/// a quoted "--healthcheck" in it is the probe. It comes before an app object the server would import.</summary>
internal static partial class PythonLauncher
{
    private static readonly string[] RootScripts = ["main.py", "app.py", "server.py", "serve.py", "run.py"];

    /// <summary>Reads the launcher into <paramref name="found"/>; the server it execs, or null when there is none.</summary>
    public static string? TryRead(ProjectDetection.Builder found, ProjectFolder folder)
    {
        var script = RootScripts.Where(folder.Exists)
            .Select(f => new PythonSource(f, folder.Read(f)!))
            .FirstOrDefault(s => MainBlock().IsMatch(s.Text) && ExecsServer().IsMatch(s.Text));
        if (script is null)
        {
            return null;
        }

        var exec = ExecsServer().Match(script.Text);
        var server = exec.Groups["server"].Value;
        found.Value("server", "python", $"{script.Where(exec)} ({script.Quote(exec)}: the script starts {server} itself)");
        found.Value("entry", script.Path, $"{script.Path}: its if __name__ == \"__main__\": block execs {server}");
        found.Value("tini", "false", $"{script.Where(exec)}: {server} replaces the script as PID 1 and handles SIGTERM itself");
        SelfProbe.Read([(script.Path, script.Text)], found);
        return server;
    }

    [GeneratedRegex(@"^if\s+__name__\s*==\s*[""']__main__[""']\s*:", RegexOptions.Multiline)]
    private static partial Regex MainBlock();

    /// <summary>os.execv/execvp/... whose arguments, before the call's first closing parenthesis, name the server.</summary>
    [GeneratedRegex(@"\bos\.exec\w*\([^)]*?[""'](?<server>gunicorn|uvicorn)[""']")]
    private static partial Regex ExecsServer();
}
