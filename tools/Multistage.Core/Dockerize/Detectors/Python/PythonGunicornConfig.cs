using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Python;

/// <summary>The project's gunicorn config file: the one a Procfile passes with -c, else ./gunicorn.conf.py (which
/// gunicorn reads from its working directory unasked), else gunicorn_conf.py; and the worker class it sets.</summary>
internal sealed partial record PythonGunicornConfig(PythonSource Source, string From)
{
    /// <summary>The file gunicorn loads without -c: the image runs it from /app, where this one is copied.</summary>
    public const string DefaultName = "gunicorn.conf.py";

    public static PythonGunicornConfig? Find(ProjectFolder folder)
    {
        if (folder.Read("Procfile") is { } procfile && ProcfileConfig().Match(procfile) is { Success: true } named)
        {
            var path = named.Groups["path"].Value.TrimStart('.', '/');
            var procfileSource = new PythonSource("Procfile", procfile);
            if (folder.Read(path) is { } text)
            {
                return new(new PythonSource(path, text), $"{procfileSource.Where(named)} ({procfileSource.Quote(named)})");
            }
        }

        foreach (var name in (string[])[DefaultName, "gunicorn_conf.py"])
        {
            if (folder.Read(name) is { } text)
            {
                return new(new PythonSource(name, text), name == DefaultName ? $"{name}, which gunicorn reads from its working directory, /app" : name);
            }
        }

        return null;
    }

    public string Path => Source.Path;

    /// <summary>worker_class = "uvicorn.workers.UvicornWorker" (or uvicorn_worker's): gunicorn runs an ASGI app.</summary>
    public Match? UvicornWorker => WorkerClass().Match(Source.Text) is { Success: true } m && m.Groups["class"].Value.Contains("Uvicorn", StringComparison.Ordinal) ? m : null;

    /// <summary>The package the uvicorn worker class comes from: uvicorn (its deprecated uvicorn.workers) or uvicorn-worker.</summary>
    public string? WorkerPackage => UvicornWorker is { } m
        ? m.Groups["class"].Value.StartsWith("uvicorn_worker.", StringComparison.Ordinal) ? "uvicorn-worker" : "uvicorn"
        : null;

    /// <summary>The settings the ENTRYPOINT's gunicorn flags override with another value: each with its file:line
    /// and the flag. The flags win over the config file (a read-only root, a stop within docker stop's 10 s).</summary>
    public IEnumerable<string> OverriddenByFlags() =>
        FlagSettings().Matches(Source.Text)
            .Where(m => m.Groups["value"].Value.Trim().Trim('"', '\'') != Flags[m.Groups["name"].Value].Value)
            .Select(m => $"{Source.Where(m)} ({Source.Quote(m)}) is overridden by the ENTRYPOINT's {Flags[m.Groups["name"].Value].Flag} {Flags[m.Groups["name"].Value].Value} ({Flags[m.Groups["name"].Value].Why}).");

    /// <summary>The config settings the Dockerfile's ENTRYPOINT passes as flags, with the value it passes.</summary>
    private static readonly Dictionary<string, (string Flag, string Value, string Why)> Flags = new(StringComparer.Ordinal)
    {
        ["worker_tmp_dir"] = ("--worker-tmp-dir", "/dev/shm", "the image's root is read-only"),
        ["graceful_timeout"] = ("--graceful-timeout", "2", "the stop ends within docker stop's 10 s"),
        ["accesslog"] = ("--access-logfile", "-", "access logs reach docker logs"),
    };

    // web: gunicorn -c config/gunicorn.py app:app, --config=..., --config ...
    [GeneratedRegex(@"^\w+:.*\bgunicorn\b.*?\s(?:-c\s*|--config[=\s]\s*)(?<path>[\w./-]+\.py)\b", RegexOptions.Multiline)]
    private static partial Regex ProcfileConfig();

    [GeneratedRegex(@"^worker_class\s*=\s*[""'](?<class>[\w.]+)[""']", RegexOptions.Multiline)]
    private static partial Regex WorkerClass();

    // What the ENTRYPOINT passes as flags: --worker-tmp-dir, --graceful-timeout, --access-logfile.
    [GeneratedRegex(@"^(?<name>worker_tmp_dir|graceful_timeout|accesslog)\s*=(?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex FlagSettings();
}
