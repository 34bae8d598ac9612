using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>A Python web app (requirements.txt or pyproject.toml) and its WSGI callable: wsgi.py's app,
/// a module or package that creates a Flask app, or a create_app() factory.</summary>
public sealed partial class PythonDetector : IProjectDetector
{
    private static readonly string[] RootModules = ["app.py", "main.py", "application.py", "server.py", "api.py"];

    public string Language => "python";

    public string LooksFor => "requirements.txt or pyproject.toml";

    public ProjectDetection? Detect(ProjectFolder folder)
    {
        var requirements = folder.Read("requirements.txt");
        var pyproject = folder.Read("pyproject.toml");
        if (requirements is null && pyproject is null)
        {
            return null;
        }

        var named = pyproject is not null && ProjectName().Match(pyproject) is { Success: true } n ? n.Groups[1].Value : null;
        var found = ProjectDetection.For(Language, named ?? folder.FolderName, requirements is not null ? "requirements.txt" : "pyproject.toml")
            .NamedFrom(named is null ? "the folder's name" : "pyproject.toml [project] name");
        found.Value("dependencies", requirements is not null ? "requirements" : "pyproject", requirements is not null ? "requirements.txt" : "pyproject.toml (no requirements.txt)");

        var packages = requirements ?? pyproject!;
        if (Gunicorn().IsMatch(packages))
        {
            found.Value("add-gunicorn", "false", $"gunicorn is listed in {(requirements is not null ? "requirements.txt" : "pyproject.toml")}");
        }
        else
        {
            found.Note("gunicorn is not among the project's packages: the Dockerfiles install gunicorn 23.0.0 next to them.");
        }

        var candidates = Candidates(folder);
        switch (candidates.Count)
        {
            case 1:
                found.Value("app", candidates[0].Target, candidates[0].From);
                break;
            case 0:
                found.Ambiguous("app", "no WSGI app found (wsgi.py, or a module with app = Flask(__name__) or def create_app())", ["module:app"]);
                break;
            default:
                found.Ambiguous("app", "several WSGI apps", candidates.Select(c => c.Target).ToList());
                break;
        }

        return found.Build();
    }

    /// <summary>wsgi.py wins when it exists: it is the file a project writes for exactly this. Else every
    /// root module and package that makes a Flask app or has an app factory.</summary>
    private static List<(string Target, string From)> Candidates(ProjectFolder folder)
    {
        if (folder.Read("wsgi.py") is { } wsgi && WsgiName().Match(wsgi) is { Success: true } w)
        {
            return [($"wsgi:{w.Groups["n"].Value}", $"wsgi.py defines {w.Groups["n"].Value}")];
        }

        var found = new List<(string, string)>();
        foreach (var file in RootModules.Where(folder.Exists))
        {
            AddFromSource(found, Path.GetFileNameWithoutExtension(file), file, folder.Read(file)!);
        }

        foreach (var package in folder.Folders().Where(f => folder.Exists($"{f}/__init__.py")))
        {
            AddFromSource(found, package, $"{package}/__init__.py", folder.Read($"{package}/__init__.py")!);
        }

        return found;
    }

    private static void AddFromSource(List<(string, string)> found, string module, string file, string source)
    {
        if (FlaskApp().Match(source) is { Success: true } app)
        {
            found.Add(($"{module}:{app.Groups[1].Value}", $"{file}: {app.Groups[1].Value} = Flask(...)"));
        }
        else if (Factory().Match(source) is { Success: true } factory)
        {
            found.Add(($"{module}:{factory.Groups[1].Value}()", $"{file}: def {factory.Groups[1].Value}()"));
        }
    }

    [GeneratedRegex(@"^\[project\][^\[]*?^name\s*=\s*[""']([^""']+)[""']", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ProjectName();

    [GeneratedRegex(@"(^\s*|[""'])gunicorn\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Gunicorn();

    // application is the WSGI convention, app Flask's: `application = create_app()`, `from api import app`.
    [GeneratedRegex(@"^(?:(?<n>application|app)\s*=|from\s+\S+\s+import\s+(?:.*\bas\s+)?(?<n>application|app)\b)", RegexOptions.Multiline)]
    private static partial Regex WsgiName();

    [GeneratedRegex(@"^(\w+)\s*=\s*(?:flask\.)?Flask\(", RegexOptions.Multiline)]
    private static partial Regex FlaskApp();

    [GeneratedRegex(@"^def\s+(create_app|make_app)\s*\(", RegexOptions.Multiline)]
    private static partial Regex Factory();
}
