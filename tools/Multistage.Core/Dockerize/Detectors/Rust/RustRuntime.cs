using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>What a Rust server does once it runs, read from its code: its own health route, whether it handles
/// SIGTERM (else tini stops it), and the files it opens by relative path (static/, templates/, *.html, .join("configuration")), which
/// the image must carry beside it.</summary>
public static partial class RustRuntime
{
    /// <summary>Health routes in the order init prefers them.</summary>

    public static void HealthPath(IReadOnlyList<RustLine> lines, ProjectDetection.Builder found)
    {
        var routes = lines
            .SelectMany(l => HealthRoute().Matches(l.Text).Select(m => (Line: l, Path: m.Groups[1].Value)))
            .ToList();
        foreach (var name in HealthRoutes.Names)
        {
            if (routes.FirstOrDefault(r => r.Path.EndsWith("/" + name, StringComparison.Ordinal)) is { Line: not null } route)
            {
                found.Value("health-path", route.Path, $"{route.Line.Where} (\"{route.Path}\")");
                return;
            }
        }
    }

    /// <summary>tini unless the code handles SIGTERM itself (signal-hook, tokio's SignalKind::terminate(),
    /// libc::signal(SIGTERM, ..)); with several candidate programs (a workspace before --set binary), unless each does.</summary>
    public static void Tini(IReadOnlyList<IReadOnlyList<RustLine>> programs, ProjectDetection.Builder found)
    {
        var handlers = programs.Select(Handler).ToList();
        if (handlers.All(h => h is not null))
        {
            var handler = handlers[0]!;
            found.Value("tini", "false", $"{handler.Where} handles SIGTERM (`{Shorten(handler.Text)}`)");
        }
        else
        {
            found.Value("tini", "true", "no SIGTERM handler in the code (signal-hook, tokio::signal::unix, libc::signal): tini forwards docker stop's SIGTERM");
        }
    }

    /// <summary>The line that installs a SIGTERM handler, else the first that names SIGTERM (ctrlc only handles
    /// SIGTERM with its "termination" feature, which this does not read).</summary>
    private static RustLine? Handler(IReadOnlyList<RustLine> lines) =>
        lines.FirstOrDefault(l => Installs().IsMatch(l.Text)) ?? lines.FirstOrDefault(l => SigtermHandler().IsMatch(l.Text));

    /// <summary>Files and folders the code opens by a relative path that exists in the project: the first part of
    /// each path (static for "static/index.html"), relative to the build context. Compile-time include_str! needs nothing.</summary>
    public static void Assets(IReadOnlyList<RustLine> lines, CargoPackage package, ProjectFolder context, ProjectDetection.Builder found)
    {
        var assets = new List<(string Path, string From)>();
        var appDir = "";
        void Add(string path, string from)
        {
            var first = path.Split('/')[0];
            // Relative paths resolve from where the app runs: the package's folder, else the workspace root.
            string? asset = null;
            if (package.Dir.Length > 0 && (package.Folder.Exists(first) || package.Folder.FolderExists(first)))
            {
                asset = $"{package.Dir}/{first}";
                appDir = package.Dir;
            }
            else if (context.Exists(first) || context.FolderExists(first))
            {
                asset = first;
            }

            if (asset is not null && assets.All(a => a.Path != asset))
            {
                assets.Add((asset, from));
            }
        }

        foreach (var line in lines)
        {
            foreach (Match m in OpenedPath().Matches(line.Text))
            {
                var path = m.Groups["path"].Value.Replace('\\', '/');
                while (path.StartsWith("./", StringComparison.Ordinal))
                {
                    path = path[2..];
                }

                var first = path.Split('/')[0];
                if (first.Length == 0 || path.StartsWith('/') || path.Contains("://", StringComparison.Ordinal) || first is "." or ".." or "src" or "target" or "Cargo.toml")
                {
                    continue;
                }

                Add(path, $"{line.Where} ({m.Value.Trim()}))");
            }
        }

        // A read of a variable (the Rust book's `fs::read_to_string(filename)` after a match picks "hello.html"):
        // the file names the code writes as literals, where such a file exists, are what it reads.
        if (lines.FirstOrDefault(l => ReadByVariable().IsMatch(l.Text)) is { } read)
        {
            var call = ReadByVariable().Match(read.Text).Value.Trim();
            foreach (var line in lines)
            {
                foreach (Match m in FileNameLiteral().Matches(line.Text))
                {
                    var path = m.Groups["path"].Value;
                    if (package.Folder.Exists(path) || context.Exists(path))
                    {
                        Add(path, $"{line.Where} (\"{path}\", read by {call} at {read.Where})");
                    }
                }
            }
        }

        if (assets.Count > 0)
        {
            found.Value("assets", string.Join(' ', assets.Select(a => a.Path)), string.Join("; ", assets.Select(a => a.From)));
        }

        if (appDir.Length > 0)
        {
            found.Value("app-dir", appDir, $"the files the app opens are in {appDir}/: it runs there");
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"""(?:GET |[A-Z]+ )?(/(?:[A-Za-z0-9_\-]+/)*(?:" + HealthRoutes.Alternation + @"))(?:[ ""?])")]
    private static partial Regex HealthRoute();

    /// <summary>The call that installs it: signal(SIGTERM, ..), sigaction, signal-hook's register or Signals::new([SIGTERM, ..]), tokio's terminate().</summary>
    [GeneratedRegex(@"(?:signal|sigaction|register\w*|Signals::new)\s*\(\s*&?\[?[^)]*\bSIGTERM\b|SignalKind::terminate\(\)")]
    private static partial Regex Installs();

    [GeneratedRegex(@"\bSIGTERM\b|SignalKind::terminate\(\)|Signal::Term\b")]
    private static partial Regex SigtermHandler();

    [GeneratedRegex(@"(?:read_to_string|read|read_dir|File::open|OpenOptions::new\(\)[^""]*\.open|NamedFile::open|ServeDir::new|ServeFile::new|Files::new\(\s*""[^""]*""\s*,|Tera::new|Handlebars[^""]*register_templates_directory\([^""]*|Path::new|PathBuf::from|\.join)\(?\s*""(?<path>[^""]+)""")]
    private static partial Regex OpenedPath();

    [GeneratedRegex(@"(?:fs::read_to_string|fs::read|File::open)\(\s*&?[a-z_][A-Za-z0-9_.]*\s*\)")]
    private static partial Regex ReadByVariable();

    /// <summary>A quoted relative file name with an extension: "hello.html", "pages/404.html".</summary>
    [GeneratedRegex(@"""(?<path>[A-Za-z0-9_-][\w.-]*(?:/[\w.-]+)*\.[A-Za-z0-9]+)""")]
    private static partial Regex FileNameLiteral();
}
