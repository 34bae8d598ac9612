using System.Text.RegularExpressions;
using Multistage.Core.Dockerize.Detectors.Python;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>A Python web app (requirements.txt, pyproject.toml, poetry.lock or uv.lock) and the app its
/// server imports: a WSGI app (Flask, Django) for gunicorn or an ASGI app (FastAPI, Starlette) for uvicorn,
/// unless a root script starts the server itself (Python/PythonLauncher.cs); then what the code says about it
/// at run time (Python/PythonRuntime.cs).</summary>
public sealed partial class PythonDetector : IProjectDetector
{
    public string Language => "python";

    public string LooksFor => "requirements.txt, requirements/*.txt or pyproject.toml";

    public ProjectDetection? Detect(ProjectFolder folder)
    {
        var dependencies = PythonDependencies.Read(folder);
        if (dependencies is null)
        {
            return null;
        }

        var pyproject = folder.Read("pyproject.toml");
        var named = pyproject is not null && ProjectName().Match(pyproject) is { Success: true } n ? n.Groups[1].Value : null;
        var marker = dependencies.Choice == "requirements" ? dependencies.File
            : dependencies.Choice == "pyproject" && folder.Exists("requirements.txt") ? "requirements.txt" : "pyproject.toml";
        var found = ProjectDetection.For(Language, named ?? folder.FolderName, marker)
            .NamedFrom(named is null ? "the folder's name" : "pyproject.toml [project] name")
            .Describes("Python");
        found.Value("dependencies", dependencies.Choice, dependencies.Choice switch
        {
            "uv" => "uv.lock (a locked install of its runtime closure)",
            "poetry" => "poetry.lock (a locked install of its main group)",
            "requirements" => dependencies.File,
            _ => "pyproject.toml [project] dependencies (no requirements.txt or lock file)",
        });
        if (dependencies.File != "requirements.txt" && dependencies.Choice == "requirements")
        {
            found.Value("requirements", dependencies.File, dependencies.FolderFrom);
        }

        if (dependencies.Folder.Length > 0)
        {
            found.Value("requirements-folder", dependencies.Folder, dependencies.FolderFrom);
        }

        if (dependencies.Missing(folder) is { } missing)
        {
            found.Problem(missing);
        }

        if (PythonLauncher.TryRead(found, folder) is { } launched)
        {
            var launcherSources = PythonSource.All(folder);
            found.Describes($"Python (a script that starts {launched})");
            PythonRuntime.ReadGunicornConfig(found, launched == "gunicorn" ? PythonGunicornConfig.Find(folder) : null);
            PythonRuntime.ReadHealthPath(found, launcherSources);
            PythonRuntime.ReadWritable(found, launcherSources);
            PythonRuntime.ReadRequiredEnv(found, launcherSources);
            return found.Build();
        }

        var apps = PythonApps.Find(folder);
        switch (apps.Count)
        {
            case 1:
                found.Value("app", apps[0].Target, apps[0].From);
                break;
            case 0 when PythonScript.TryRead(found, folder):
                return found.Build();
            case 0:
                found.Ambiguous("app", "no WSGI or ASGI app found (Django's <project>/wsgi.py, wsgi.py, or a module with app = Flask(__name__), def create_app(), app = FastAPI(), app = Starlette(), or app = f() where f() builds one)", ["module:app"]);
                return found.Build();
            default:
                found.Ambiguous("app", "several WSGI or ASGI apps", apps.Select(c => c.Target).ToList());
                return found.Build();
        }

        var app = apps[0];
        if (app.SourceRoot.Length > 0)
        {
            found.Value("source-root", app.SourceRoot, $"the app's package is in {app.SourceRoot}/ (a src layout)");
        }

        found.Describes(app.Kind);
        var config = PythonGunicornConfig.Find(folder);
        // An ASGI app runs under gunicorn only when the project's config gives it uvicorn's workers.
        var workers = app.Asgi ? config?.UvicornWorker : null;
        var server = app.Asgi && workers is null ? "uvicorn" : "gunicorn";
        // The file (and line) the app came from: "app.py:3", or "mysite/wsgi.py" from "mysite/wsgi.py: application = ...".
        var where = app.From.Split(' ')[0].TrimEnd(':');
        found.Value("server", server, workers is not null
            ? $"{config!.Source.Where(workers)} ({config.Source.Quote(workers)}): gunicorn serves the ASGI app of {where} in uvicorn workers, with the project's config"
            : app.Asgi
                ? $"{where}: an ASGI app is served by uvicorn"
                : $"{where}: a WSGI app is served by gunicorn");
        if (app.Asgi && workers is null && config is not null)
        {
            found.Note($"{config.Path} is not used: it sets no uvicorn worker_class, and gunicorn's own workers cannot serve an ASGI app, so the image runs uvicorn. " +
                       "To keep gunicorn and the config, set worker_class = \"uvicorn_worker.UvicornWorker\" in it (and list uvicorn-worker).");
        }

        if (server == "gunicorn")
        {
            ReadConfig(found, config, dependencies);
        }

        if (dependencies.Lists(server))
        {
            found.Value(server == "uvicorn" ? "add-uvicorn" : "add-gunicorn", "false", $"{server} is listed in {dependencies.File}");
        }
        else
        {
            found.Note(server == "uvicorn"
                ? $"uvicorn is not among the project's packages: the Dockerfiles install uvicorn 0.53.0 next to them."
                : $"gunicorn is not among the project's packages: the Dockerfiles install gunicorn 23.0.0 next to them.");
        }

        found.Value("tini", "false", $"{server} is PID 1 and handles SIGTERM itself (stops taking connections, finishes requests in flight, exits)");

        var sources = PythonSource.All(folder);
        if (!found.Build().Values.Any(v => v.Option == "port"))
        {
            PythonRuntime.ReadRunCall(found, sources, server);
        }

        PythonRuntime.ReadHealthPath(found, sources);
        PythonRuntime.ReadWritable(found, sources);
        PythonRuntime.ReadRequiredEnv(found, sources);
        if (app.Framework == "Flask")
        {
            PythonSetupCommands.Read(found, sources, app.Target.Split(':')[0]);
        }

        return found.Build();
    }

    /// <summary>The gunicorn config the image's gunicorn reads: -c for any name but its default, the package its
    /// uvicorn workers need, and the settings the ENTRYPOINT's flags override.</summary>
    private static void ReadConfig(ProjectDetection.Builder found, PythonGunicornConfig? config, PythonDependencies dependencies)
    {
        if (config is null)
        {
            return;
        }

        if (config.Path != PythonGunicornConfig.DefaultName)
        {
            found.Value("gunicorn-config", config.Path, $"{config.From}: gunicorn reads it with -c {config.Path}");
        }
        else
        {
            found.Note($"{config.From}: its settings (bind, workers, worker_class) apply in the image.");
        }

        if (config.WorkerPackage is { } package && !dependencies.Lists(package) && !dependencies.Lists(package.Replace('-', '_')))
        {
            found.Problem($"{config.Source.Where(config.UvicornWorker!)} ({config.Source.Quote(config.UvicornWorker!)}) needs the {package} package, which {dependencies.File} does not list: add it, or gunicorn stops at start.");
        }

        PythonRuntime.ReadGunicornConfig(found, config);
        foreach (var setting in config.OverriddenByFlags())
        {
            found.Note(setting);
        }
    }

    [GeneratedRegex(@"^\[project\][^\[]*?^name\s*=\s*[""']([^""']+)[""']", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ProjectName();
}
