using System.Text.Json;
using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>The script node runs: the file the start script runs, else main, else a common entry
/// file. A start script that runs a file the build script writes (node dist/server.js after tsc)
/// turns the build on: the entry is then checked against what the build produces.</summary>
internal static partial class EntryReader
{
    private static readonly string[] CommonEntries = ["server.js", "index.js", "app.js", "main.js", "src/server.js", "src/index.js", "src/app.js"];

    private static readonly string[] TypeScriptSources = [".ts", ".mts", ".cts", ".tsx"];

    /// <summary>The app probes itself when the file node runs names a quoted "--healthcheck" (SelfProbe): that
    /// file only, since the HEALTHCHECK runs it with the argument.</summary>
    /// <param name="prefix">The folder's path as the user sees it from where init runs ("" or apps/api/).</param>
    public static void ReadProbe(ProjectFolder folder, string prefix, ProjectDetection.Builder found)
    {
        var entry = folder.Given.GetValueOrDefault("entry") ?? found.Build().Values.FirstOrDefault(v => v.Option == "entry")?.Value;
        if (entry is not null && folder.Read(Normalise(entry)) is { } text)
        {
            SelfProbe.Read([(prefix + Normalise(entry), text)], found);
        }
    }

    public static void Read(ProjectFolder folder, PackageJson manifest, ProjectDetection.Builder found)
    {
        if (folder.Given.ContainsKey("entry"))
        {
            // --set entry: the user's choice stands, and the detector's reasons to refuse its own guess do not
            // apply (CheckChosen still checks that the file exists, or that the build writes it).
            return;
        }

        var start = manifest.Script("start");
        var build = manifest.Script("build");
        var main = manifest.Main is { } m ? Normalise(m) : null;
        var started = start is not null && NodeScript().Match(start) is { Success: true } run ? Normalise(run.Groups[1].Value) : null;

        if (started is not null && folder.Exists(started))
        {
            found.Value("entry", started, $"package.json scripts.start ({start})");
        }
        else if (started is not null && build is not null)
        {
            BuildOutput(folder, started, $"package.json scripts.start ({start})", build, found);
            return;
        }
        else if (main is not null && folder.Exists(main))
        {
            found.Value("entry", main, "package.json main");
        }
        else if (main is not null && build is not null && main.EndsWith(".js", StringComparison.Ordinal))
        {
            BuildOutput(folder, main, "package.json main", build, found);
            return;
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
            found.Ambiguous("entry", (start, started) switch
            {
                (null, _) => "package.json has no start script and no main, and no server.js or index.js exists",
                (_, null) => $"the start script ({start}) does not run `node <file>`",
                _ => $"the start script runs {started}, which does not exist, and package.json has no build script to write it",
            }, ["path/to/server.js"]);
        }

        if (build is not null && !folder.Given.ContainsKey("build"))
        {
            found.Note($"package.json has a build script ({build}) whose output the app does not run from: the Dockerfiles do not run it; pass --set build=true --set build-output=DIR if the app needs its output.");
        }
    }

    /// <summary>The entry is a file the build writes: build on, with the folder the build writes to,
    /// once the build is known to produce it (tsc: outDir and the source under rootDir; a bundler: the
    /// folder named in the build script).</summary>
    private static void BuildOutput(ProjectFolder folder, string entry, string entryFrom, string build, ProjectDetection.Builder found)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            found.Problem($"{entryFrom} runs {entry}, which is not in the project and not in a folder a build writes: pass --set entry=<the file node runs>.");
            return;
        }

        var output = entry[..slash];
        var tsconfig = folder.Read("tsconfig.json");
        if (tsconfig is not null && TscWrites(build) && ReadTsconfig(tsconfig) is var (outDir, rootDir))
        {
            if (outDir is null || Normalise(outDir).TrimEnd('/') is not { } dir || !(entry.StartsWith(dir + "/", StringComparison.Ordinal)))
            {
                found.Problem($"{entryFrom} runs {entry}, but tsconfig.json's outDir is {outDir ?? "not set (tsc writes beside the sources)"}: make them agree, or pass --set entry=<outDir>/<file>.js.");
                return;
            }

            var relative = entry[(dir.Length + 1)..];
            var stem = relative[..relative.LastIndexOf('.')];
            // Without rootDir, tsc takes the inputs' common folder: src/ when every .ts file is there, the
            // project root when one is beside it (a drizzle.config.ts): dist/src/index.js then. Both are tried.
            string[] sourceRoots = rootDir is null ? ["src", ""] : [Normalise(rootDir).TrimEnd('/')];
            var sources = sourceRoots
                .SelectMany(root => TypeScriptSources.Select(e => root is "" or "." ? stem + e : $"{root}/{stem}{e}"))
                .ToList();
            if (sources.FirstOrDefault(folder.Exists) is not { } source)
            {
                found.Problem($"{entryFrom} runs {entry}, which tsc would write from {sources[0]}; that file does not exist: pass --set entry=<outDir>/<file>.js for a source that does.");
                return;
            }

            found.Value("entry", entry, $"{entryFrom}; tsc writes it from {source}");
            found.Value("build", "true", $"package.json scripts.build ({build})");
            found.Value("build-output", dir, $"tsconfig.json outDir ({outDir})");
            return;
        }

        if (Regex.IsMatch(build, $@"(^|[\s=/'""]){Regex.Escape(output)}(/|\s|$|['""])"))
        {
            found.Value("entry", entry, $"{entryFrom}; written by the build");
            found.Value("build", "true", $"package.json scripts.build ({build})");
            found.Value("build-output", output, $"package.json scripts.build writes {output}/");
            return;
        }

        found.Problem($"{entryFrom} runs {entry}, which is not in the project, and neither tsconfig.json nor the build script ({build}) says the build writes {output}/: pass --set build=true --set build-output={output} if it does.");
    }

    /// <summary>Problems with an entry given as a build output: only when tsc builds it (from tsconfig.json)
    /// can init tell whether the file will be written.</summary>
    public static void CheckBuiltEntry(ProjectFolder folder, string entry, string entryFrom, string? build, ProjectDetection.Builder found)
    {
        if (build is not null && TscWrites(build) && folder.Exists("tsconfig.json"))
        {
            BuildOutput(folder, entry, entryFrom, build, found);
        }
    }

    private static bool TscWrites(string build) => Regex.IsMatch(build, @"(^|[\s&;])(npx\s+)?tsc(\s|$)");

    /// <summary>tsconfig.json's outDir and rootDir (it allows comments and trailing commas).</summary>
    private static (string? OutDir, string? RootDir)? ReadTsconfig(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("compilerOptions", out var options) || options.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? Get(string name) => options.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return (Get("outDir"), Get("rootDir"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Normalise(string path) => path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;

    // node server.js, node --enable-source-maps dist/index.js, nodemon is not node.
    [GeneratedRegex(@"^\s*(?:[A-Z_]+=\S+\s+)*node\s+(?:--?[\w-]+(?:=\S+)?\s+)*([^\s-][^\s]*\.(?:c|m)?js)\b")]
    private static partial Regex NodeScript();
}
