using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Python;

/// <summary>An app a server can import: module:object, whether it speaks ASGI (uvicorn) or WSGI (gunicorn),
/// and where it was found.</summary>
/// <param name="Framework">Django, Flask, FastAPI or Starlette; null for a wsgi.py whose framework is not named.</param>
internal sealed record PythonApp(string Target, bool Asgi, string From, string? Framework, string SourceRoot = "")
{
    /// <summary>What the user knows the app as: "Python (FastAPI, ASGI)".</summary>
    public string Kind => $"Python ({(Framework is null ? "" : Framework + ", ")}{(Asgi ? "ASGI" : "WSGI")})";
}

/// <summary>Finds the app object in the code: Django's &lt;project&gt;/wsgi.py, a root wsgi.py, and in the
/// root modules and packages `app = Flask(...)`, `app = FastAPI(...)`, `app = Starlette(...)`, `app = build()`
/// where build() in the same module makes one of them, or a create_app() factory (Flask's, or one building an ASGI
/// app, which uvicorn calls with --factory); failing those, the same in the
/// packages of a src layout.</summary>
internal static partial class PythonApps
{
    private static readonly string[] RootModules = ["app.py", "main.py", "application.py", "server.py", "api.py", "asgi.py"];

    private static readonly string[] PackageModules = ["__init__.py", "main.py", "app.py", "api.py"];

    public static List<PythonApp> Find(ProjectFolder folder)
    {
        // Django: manage.py beside a project package whose wsgi.py makes the application.
        if (folder.Exists("manage.py"))
        {
            var django = folder.Folders()
                .Where(f => folder.Read($"{f}/wsgi.py") is { } w && DjangoWsgi().IsMatch(w))
                .Select(f => new PythonApp($"{f}.wsgi:application", false, $"{f}/wsgi.py: application = get_wsgi_application()", "Django"))
                .ToList();
            if (django.Count > 0)
            {
                return django;
            }
        }

        // wsgi.py wins when it exists: it is the file a project writes for exactly this.
        if (folder.Read("wsgi.py") is { } wsgi && WsgiName().Match(wsgi) is { Success: true } w2)
        {
            return [new PythonApp($"wsgi:{w2.Groups["n"].Value}", false, $"wsgi.py defines {w2.Groups["n"].Value}", WsgiFramework().Match(wsgi) is { Success: true } wf ? char.ToUpperInvariant(wf.Value[0]) + wf.Value[1..].ToLowerInvariant() : null)];
        }

        var found = new List<PythonApp>();
        foreach (var file in RootModules.Where(folder.Exists))
        {
            AddFromSource(found, Path.GetFileNameWithoutExtension(file), file, folder.Read(file)!);
        }

        AddFromPackages(found, folder, "");

        // A src layout (uv init --package, poetry new): the packages are under src/, which the images put on PYTHONPATH.
        if (found.Count == 0 && folder.FolderExists("src") && !folder.Exists("src/__init__.py"))
        {
            AddFromPackages(found, folder, "src");
            return found.Select(a => a with { SourceRoot = "src" }).ToList();
        }

        return found;
    }

    /// <summary>The apps in the packages directly in <paramref name="root"/> ("" for the project's root), as modules
    /// importable from there.</summary>
    private static void AddFromPackages(List<PythonApp> found, ProjectFolder folder, string root)
    {
        foreach (var path in folder.Folders(root).Where(f => folder.Exists($"{f}/__init__.py")))
        {
            var package = root.Length == 0 ? path : path[(root.Length + 1)..];
            foreach (var file in PackageModules.Where(m => folder.Exists($"{path}/{m}")))
            {
                var module = file == "__init__.py" ? package : $"{package}.{Path.GetFileNameWithoutExtension(file)}";
                AddFromSource(found, module, $"{path}/{file}", folder.Read($"{path}/{file}")!);
            }
        }
    }

    private static void AddFromSource(List<PythonApp> found, string module, string file, string source)
    {
        var at = (Match m) => $"{file}:{source.AsSpan(0, m.Index).Count('\n') + 1}";
        if (AsgiApp().Match(source) is { Success: true } asgi)
        {
            found.Add(new PythonApp($"{module}:{asgi.Groups[1].Value}", true, $"{at(asgi)} ({asgi.Groups[1].Value} = {asgi.Groups[2].Value}(...), an ASGI app)", asgi.Groups[2].Value));
        }
        else if (FlaskApp().Match(source) is { Success: true } app)
        {
            found.Add(new PythonApp($"{module}:{app.Groups[1].Value}", false, $"{at(app)} ({app.Groups[1].Value} = Flask(...), a WSGI app)", "Flask"));
        }
        else if (Built(source) is { } built)
        {
            var (name, function, framework, match) = built;
            found.Add(new PythonApp($"{module}:{name}", framework != "Flask",
                $"{at(match)} ({name} = {function}(), which builds {framework}(...): {(framework == "Flask" ? "a WSGI" : "an ASGI")} app)", framework));
        }
        else if (Factory().Match(source) is { Success: true } factory)
        {
            // gunicorn calls `module:create_app()` itself; for an ASGI factory the template has uvicorn call it (--factory).
            var function = factory.Groups[1].Value;
            var framework = BuiltFramework().Match(Body(source, factory)) is { Success: true } f ? f.Groups[1].Value : "Flask";
            found.Add(new PythonApp($"{module}:{function}()", framework != "Flask", framework == "Flask"
                ? $"{at(factory)} (def {function}(), a Flask app factory)"
                : $"{at(factory)} (def {function}(), which builds {framework}(...): an ASGI app factory)", framework));
        }
    }

    /// <summary>The body of the function whose def <paramref name="def"/> matched: the indented lines after it,
    /// up to the next line at column 0.</summary>
    private static string Body(string source, Match def)
    {
        var end = new Regex(@"\n(?=[^\s#])").Match(source, def.Index + def.Length);
        return source[def.Index..(end.Success ? end.Index : source.Length)];
    }

    /// <summary>`app = get_application()` at module level, where the function of that name in the same file builds
    /// the app: which framework its body calls (FastAPI, Starlette or Flask).</summary>
    private static (string Name, string Function, string Framework, Match At)? Built(string source)
    {
        foreach (Match call in ModuleCall().Matches(source))
        {
            var function = call.Groups["function"].Value;
            var def = new Regex(@"^def\s+" + Regex.Escape(function) + @"\s*\(", RegexOptions.Multiline).Match(source);
            if (!def.Success)
            {
                continue;
            }

            if (BuiltFramework().Match(Body(source, def)) is { Success: true } framework)
            {
                return (call.Groups["name"].Value, function, framework.Groups[1].Value, call);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<name>\w+)\s*=\s*(?<function>\w+)\(\s*\)", RegexOptions.Multiline)]
    private static partial Regex ModuleCall();

    [GeneratedRegex(@"\b(FastAPI|Starlette|Flask)\(")]
    private static partial Regex BuiltFramework();

    // A wsgi.py that imports flask or django (or calls Flask(...)) names its framework.
    [GeneratedRegex(@"\b(?:flask|django)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WsgiFramework();

    [GeneratedRegex(@"^application\s*=\s*get_wsgi_application\(", RegexOptions.Multiline)]
    private static partial Regex DjangoWsgi();

    // application is the WSGI convention, app Flask's: `application = create_app()`, `from api import app`.
    [GeneratedRegex(@"^(?:(?<n>application|app)\s*=|from\s+\S+\s+import\s+(?:.*\bas\s+)?(?<n>application|app)\b)", RegexOptions.Multiline)]
    private static partial Regex WsgiName();

    // app = Flask(...), or with a type annotation: app: Flask = Flask(...)
    [GeneratedRegex(@"^(\w+)\s*(?::\s*[\w.]+\s*)?=\s*(?:flask\.)?Flask\(", RegexOptions.Multiline)]
    private static partial Regex FlaskApp();

    [GeneratedRegex(@"^(\w+)\s*(?::\s*[\w.]+\s*)?=\s*(?:fastapi\.|starlette\.applications\.)?(FastAPI|Starlette)\(", RegexOptions.Multiline)]
    private static partial Regex AsgiApp();

    [GeneratedRegex(@"^def\s+(create_app|make_app)\s*\(", RegexOptions.Multiline)]
    private static partial Regex Factory();
}
