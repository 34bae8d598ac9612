using System.Text.Json;
using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>An npm project (package.json): the script its start script runs, else its main, else a
/// common entry file; whether a lock file lets the build use npm ci.</summary>
public sealed partial class NodeDetector : IProjectDetector
{
    private static readonly string[] CommonEntries = ["server.js", "index.js", "app.js", "main.js", "src/server.js", "src/index.js", "src/app.js"];

    public string Language => "node";

    public string LooksFor => "package.json";

    public ProjectDetection? Detect(ProjectFolder folder)
    {
        var text = folder.Read("package.json");
        if (text is null)
        {
            return null;
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return ProjectDetection.For(Language, folder.FolderName, "package.json")
                .Problem($"package.json is not valid JSON ({e.Message}): fix it, then run init again.")
                .Build();
        }

        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
            // @acme/api is published as a scoped name; the image is called api.
            ? n.GetString()!.Split('/')[^1]
            : folder.FolderName;
        var found = ProjectDetection.For(Language, name, "package.json");

        var start = root.TryGetProperty("scripts", out var scripts) && scripts.ValueKind == JsonValueKind.Object
            && scripts.TryGetProperty("start", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var main = root.TryGetProperty("main", out var m) && m.ValueKind == JsonValueKind.String ? Normalise(m.GetString()!) : null;
        if (start is not null && NodeScript().Match(start) is { Success: true } run && folder.Exists(Normalise(run.Groups[1].Value)))
        {
            found.Value("entry", Normalise(run.Groups[1].Value), $"package.json scripts.start ({start})");
        }
        else if (main is not null && folder.Exists(main))
        {
            found.Value("entry", main, "package.json main");
        }
        else if (CommonEntries.Where(folder.Exists).ToList() is { Count: > 0 } entries)
        {
            if (entries.Count == 1)
            {
                found.Value("entry", entries[0], $"{entries[0]} (no start script or main names a file)");
            }
            else
            {
                found.Ambiguous("entry", "no start script or main names the file to run, and several entry files exist", entries);
            }
        }
        else
        {
            found.Ambiguous("entry", start is null
                ? "package.json has no start script and no main, and no server.js or index.js exists"
                : $"the start script ({start}) does not run `node <file>`", ["path/to/server.js"]);
        }

        if (folder.Exists("package-lock.json") || folder.Exists("npm-shrinkwrap.json"))
        {
            found.Value("lock-file", "true", folder.Exists("package-lock.json") ? "package-lock.json" : "npm-shrinkwrap.json");
        }
        else
        {
            found.Value("lock-file", "false", "no package-lock.json");
            var other = new[] { "yarn.lock", "pnpm-lock.yaml" }.FirstOrDefault(folder.Exists);
            found.Note(other is null
                ? "No package-lock.json: the build runs npm install, so versions may change between builds; commit a lock file (npm install) for npm ci."
                : $"{other} is not read: the Dockerfiles use npm, which installs without it (npm install); commit a package-lock.json for npm ci.");
        }

        if (root.TryGetProperty("scripts", out var all) && all.ValueKind == JsonValueKind.Object && all.TryGetProperty("build", out _))
        {
            found.Note("package.json has a build script, which the Dockerfiles do not run: add `RUN npm run build` to the build stage if the app needs it.");
        }

        return found.Build();
    }

    private static string Normalise(string path) => path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;

    // node server.js, node --enable-source-maps dist/index.js, nodemon is not node.
    [GeneratedRegex(@"^\s*(?:[A-Z_]+=\S+\s+)*node\s+(?:--?[\w-]+(?:=\S+)?\s+)*([^\s-][^\s]*\.(?:c|m)?js)\b")]
    private static partial Regex NodeScript();
}
