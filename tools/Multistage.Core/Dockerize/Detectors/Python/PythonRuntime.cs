using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Python;

/// <summary>What the code says about the app when it runs: the port and address it serves on (the gunicorn config's
/// bind, app.run / uvicorn.run), its health route, the folders it writes and the variables it requires.</summary>
internal static partial class PythonRuntime
{

    /// <summary>The bind of the gunicorn config file the image's gunicorn reads: the port it serves on.</summary>
    public static void ReadGunicornConfig(ProjectDetection.Builder found, PythonGunicornConfig? config)
    {
        if (config is null)
        {
            return;
        }

        var source = config.Source;
        var text = source.Text;
        if (Bind().Match(text) is not { Success: true } bind)
        {
            return;
        }

        var line = bind.Groups[1].Value;
        if (EnvDefault().Match(line) is { Success: true } env && env.Groups["port"].Success)
        {
            found.Value("port", env.Groups["port"].Value, $"{source.Where(bind)} ({source.Quote(bind)})");
            found.Value("port-variable", env.Groups["var"].Value, $"{source.Where(bind)} (gunicorn binds the port {env.Groups["var"].Value} holds)");
        }
        else if (Address().Match(line) is { Success: true } literal)
        {
            found.Value("port", literal.Groups["port"].Value, $"{source.Where(bind)} ({source.Quote(bind)})");
            found.Note($"{source.Where(bind)} binds a fixed port: ENV PORT does not move it; read it from a variable to change it at run time.");
        }

        if (Loopback().Match(line) is { Success: true })
        {
            found.Warning($"{source.Where(bind)} ({source.Quote(bind)}) binds the loopback address: nothing outside the container can reach gunicorn. " +
                          "Change it to bind \"0.0.0.0:<port>\" (or drop bind: gunicorn then binds 0.0.0.0:$PORT).");
        }
    }

    /// <summary>app.run(port=...), uvicorn.run(port=...) and PORT-like variables with a default: the port the
    /// author chose. The image's server does not run that `__main__` block, so its host is only a note.</summary>
    public static void ReadRunCall(ProjectDetection.Builder found, IReadOnlyList<PythonSource> sources, string server)
    {
        foreach (var source in sources)
        {
            foreach (Match run in RunCall().Matches(source.Text))
            {
                var args = run.Groups["args"].Value;
                if (Loopback().IsMatch(args))
                {
                    found.Note($"{source.Where(run)} ({source.Quote(run)}) listens on the loopback address when run as a script; the image runs {server}, which binds 0.0.0.0, so it is not used there. " +
                               "Use host=\"0.0.0.0\" if you run the script in a container.");
                }

                var port = PortArgument().Match(args) is { Success: true } p ? p
                    : EnvDefault().Match(args) is { Success: true, Groups: var g } e && g["port"].Success ? e : null;
                if (port is not null)
                {
                    found.Value("port", port.Groups["port"].Value, $"{source.Where(run)} ({source.Quote(run)})");
                    return;
                }

                // port=port, with `port = int(os.environ.get("PORT", 5000))` earlier in the file.
                if (PortName().Match(args) is { Success: true } named
                    && new Regex($@"^\s*{Regex.Escape(named.Groups["name"].Value)}\s*=\s*(?<value>.+)$", RegexOptions.Multiline).Match(source.Text) is { Success: true } assigned
                    && EnvDefault().Match(assigned.Groups["value"].Value) is { Success: true } fromEnv && fromEnv.Groups["port"].Success)
                {
                    found.Value("port", fromEnv.Groups["port"].Value, $"{source.Where(assigned)} ({source.Quote(assigned)}), passed to {source.Where(run)}");
                    return;
                }
            }
        }
    }

    /// <summary>The first route whose path names a health check: @app.get("/healthz"), @app.route("/health"),
    /// Route("/ready", ...), Django's path("healthz/", ...).</summary>
    public static void ReadHealthPath(ProjectDetection.Builder found, IReadOnlyList<PythonSource> sources)
    {
        var all = sources.SelectMany(s => RouteDecorator().Matches(s.Text).Select(m => (Source: s, Match: m)))
            .Select(r => (r.Source, r.Match, Path: Normalise(r.Match.Groups["path"].Value)))
            .ToList();
        var routes = all.Where(r => HealthRoutes.Names.Contains(r.Path.Trim('/').Split('/')[^1], StringComparer.Ordinal)).ToList();
        var best = routes.OrderBy(r => HealthRoutes.Names.ToList().IndexOf(r.Path.Trim('/').Split('/')[^1])).FirstOrDefault();
        if (best.Source is not null)
        {
            found.Value("health-path", best.Path, $"{best.Source.Where(best.Match)} ({best.Source.Quote(best.Match)})");
        }
        else if (all.Count > 0 && all.All(r => r.Path != "/"))
        {
            // Routes the code registers, none at / (a mount or a router prefix may still serve it: a note, not a warning).
            var first = all[0];
            var paths = string.Join(", ", all.Select(r => r.Path).Distinct().Take(3));
            // A route with a parameter (/items/<id>, /items/{id}) answers no bare GET: it cannot be the health path.
            var plain = all.FirstOrDefault(r => r.Path.IndexOfAny(['<', '{']) < 0);
            found.Note($"No route for / in the code ({first.Source.Where(first.Match)} registers {paths}): the HEALTHCHECK and init --verify GET /, where the app may answer 404. " +
                       (plain.Source is not null
                           ? $"Pass `--set health-path={plain.Path}`, or another GET route that answers 200 once the app is ready."
                           : "Add a GET route that answers 200 once the app is ready (/healthz), then pass `--set health-path=/healthz`."));
        }
    }

    /// <summary>Folders the app creates or writes inside its own tree at start: Flask's instance folder, a
    /// makedirs/mkdir of a relative folder, a SQLite file's folder. A SQLite file in /app itself is a warning.</summary>
    public static void ReadWritable(ProjectDetection.Builder found, IReadOnlyList<PythonSource> sources)
    {
        var folders = new List<(string Folder, string From)>();
        foreach (var source in sources)
        {
            if (InstanceFolder().Match(source.Text) is { Success: true } instance)
            {
                folders.Add(("instance", $"{source.Where(instance)} ({source.Quote(instance)}: Flask's instance folder, /app/instance)"));
            }

            foreach (Match made in MadeFolder().Matches(source.Text))
            {
                folders.Add((made.Groups["dir"].Value.TrimStart('.', '/').TrimEnd('/'), $"{source.Where(made)} ({source.Quote(made)})"));
            }

            foreach (Match db in SqliteFile().Matches(source.Text))
            {
                var file = db.Groups["file"].Value.TrimStart('.', '/');
                var slash = file.LastIndexOf('/');
                if (file == ":memory:" || file.Length == 0)
                {
                    continue;
                }

                if (slash < 0)
                {
                    found.Warning($"{source.Where(db)} ({source.Quote(db)}) writes the SQLite file {file} in /app, which is read-only to the app's user. " +
                                  $"Move it into a folder of its own (e.g. data/{file}): init then makes that folder writable and a volume.");
                }
                else
                {
                    folders.Add((file[..slash], $"{source.Where(db)} ({source.Quote(db)}: the SQLite file's folder)"));
                }
            }
        }

        var unique = folders.Where(f => f.Folder.Length > 0).DistinctBy(f => f.Folder).ToList();
        if (unique.Count > 0)
        {
            found.Value("writable", string.Join(' ', unique.Select(f => f.Folder)), string.Join("; ", unique.Select(f => f.From)));
        }
    }

    /// <summary>os.environ["NAME"] read without a default: the app stops at start when NAME is missing.</summary>
    public static void ReadRequiredEnv(ProjectDetection.Builder found, IReadOnlyList<PythonSource> sources)
    {
        var required = sources.SelectMany(s => RequiredEnv().Matches(s.Text).Select(m => (Source: s, Match: m, Name: m.Groups["name"].Value)))
            .Where(r => !Guarded(r.Source, r.Match.Index, r.Name))
            .DistinctBy(r => r.Name)
            .ToList();
        if (required.Count == 0)
        {
            return;
        }

        found.Value("required-env", string.Join(' ', required.Select(r => r.Name)), string.Join("; ", required.Select(r => $"{r.Source.Where(r.Match)} ({r.Source.Quote(r.Match)})")));
        foreach (var r in required)
        {
            found.Warning($"{r.Source.Where(r.Match)} ({r.Source.Quote(r.Match)}) requires {r.Name}: the container stops at start without it. " +
                          $"Run it with `-e {r.Name}=...` (compose.yaml reads a .env file); README.Docker.md names it. " +
                          $"Or give it a default: os.environ.get(\"{r.Name}\", \"...\").");
        }
    }

    /// <summary>Whether the read at <paramref name="index"/> happens only when NAME is set: `'NAME' in os.environ` on its
    /// own line (`x = os.environ['NAME'] if 'NAME' in os.environ else ...`) or in an `if`/`elif` that encloses it.</summary>
    private static bool Guarded(PythonSource source, int index, string name)
    {
        var check = new Regex(@"[""']" + Regex.Escape(name) + @"[""']\s+in\s+os\.environ\b");
        var lines = source.Text.Split('\n');
        var line = source.Line(index) - 1;
        if (check.IsMatch(lines[line]))
        {
            return true;
        }

        var indent = Indent(lines[line]);
        for (var i = line - 1; i >= 0 && indent > 0; i--)
        {
            if (lines[i].Trim().Length == 0 || Indent(lines[i]) >= indent)
            {
                continue;
            }

            indent = Indent(lines[i]);
            var header = lines[i].TrimStart();
            if ((header.StartsWith("if ", StringComparison.Ordinal) || header.StartsWith("elif ", StringComparison.Ordinal)) && check.IsMatch(header))
            {
                return true;
            }
        }

        return false;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ', '\t').Length;

    private static string Normalise(string path) => path.StartsWith('/') ? path : "/" + path;

    [GeneratedRegex(@"^bind\s*=\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex Bind();

    // os.environ.get("APP_PORT", "5000"), os.getenv('PORT', 8000), os.environ.get("PORT") or 8000
    [GeneratedRegex(@"os\.(?:environ\.get|getenv)\(\s*[""'](?<var>\w+)[""']\s*(?:,\s*[""']?(?<port>\d{2,5})[""']?\s*\)|\)\s*or\s*[""']?(?<port>\d{2,5}))")]
    private static partial Regex EnvDefault();

    [GeneratedRegex(@"[""'\[](?<host>[\w.\[\]:]*):(?<port>\d{2,5})[""']")]
    private static partial Regex Address();

    [GeneratedRegex(@"127\.0\.0\.1|[""']localhost|::1")]
    private static partial Regex Loopback();

    // app.run(...), uvicorn.run(...), web.run_app(...): one line of arguments is enough for the usual call.
    [GeneratedRegex(@"\b(?:\w+\.run|uvicorn\.run|run_app)\((?<args>[^\n]*)")]
    private static partial Regex RunCall();

    [GeneratedRegex(@"\bport\s*=\s*(?<port>\d{2,5})\b")]
    private static partial Regex PortArgument();

    [GeneratedRegex(@"\bport\s*=\s*(?<name>[A-Za-z_]\w*)\s*[,)]")]
    private static partial Regex PortName();

    [GeneratedRegex(@"(?:@\w+\.(?:get|route|api_route|head)\(|\bRoute\(|\b(?:re_)?path\()\s*[""'](?<path>/?[\w/.<>{}:-]*)[""']")]
    private static partial Regex RouteDecorator();

    [GeneratedRegex(@"^.*instance_relative_config\s*=\s*True[\s\S]*?os\.makedirs\(\s*\w+\.instance_path.*$", RegexOptions.Multiline)]
    private static partial Regex InstanceFolder();

    [GeneratedRegex(@"(?:os\.makedirs|os\.mkdir)\(\s*[""'](?<dir>[\w./-]+)[""']|Path\(\s*[""'](?<dir>[\w./-]+)[""']\s*\)\.mkdir\(")]
    private static partial Regex MadeFolder();

    [GeneratedRegex(@"sqlite3\.connect\(\s*[""'](?<file>[^""']+)[""']|[""']sqlite:///(?<file>[^/""'][^""']*)[""']")]
    private static partial Regex SqliteFile();

    // os.environ["NAME"] read (not assigned: no `=` after the bracket other than ==).
    [GeneratedRegex(@"os\.environ\[\s*[""'](?<name>\w+)[""']\s*\](?!\s*=[^=])")]
    private static partial Regex RequiredEnv();
}
