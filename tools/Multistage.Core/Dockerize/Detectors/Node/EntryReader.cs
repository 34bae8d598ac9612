using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>The script node runs: the file the start script runs, else main, else a common entry
/// file. A start script that runs a file the build script writes (node dist/server.js after tsc)
/// turns the build on: the entry is then checked against what the build produces.</summary>
internal static partial class EntryReader
{
    private static readonly string[] CommonEntries = ["server.js", "index.js", "app.js", "main.js", "src/server.js", "src/index.js", "src/app.js"];

    /// <summary>The scripts that may start the app, in order: `start`, then the production start scripts
    /// starters keep beside a development one (NestJS's and many TypeScript boilerplates' `start:prod`,
    /// Turborepo examples' `serve`). The first that runs `node &lt;file&gt;` is read; else `start` as it is.</summary>
    private static readonly string[] StartScripts = ["start", "start:prod", "serve"];

    /// <summary>Node options whose value is the next word (`node -r dotenv/config dist/main.js`).</summary>
    private static readonly string[] OptionsWithValue = ["-r", "--require", "--import", "--loader", "--experimental-loader", "--env-file", "-C", "--conditions"];

    /// <summary>The script that starts the app (see <see cref="StartScripts"/>) and the file it runs with
    /// node, or null when package.json has none of them (a `serve` or `start:prod` that does not run node
    /// is not one: `vite preview` serves a front end).</summary>
    public static (string Name, string Script, string? Runs)? StartScript(PackageJson manifest)
    {
        var scripts = StartScripts
            .Where(name => manifest.Script(name) is not null)
            .Select(name => (Name: name, Script: manifest.Script(name)!, Runs: NodeFile(manifest.Script(name)!)))
            .ToList();
        return scripts.Where(s => s.Runs is not null).Select(s => ((string, string, string?)?)s).FirstOrDefault()
            ?? scripts.Where(s => s.Name == "start").Select(s => ((string, string, string?)?)s).FirstOrDefault();
    }

    /// <summary>The file a script runs with node: `node [options] file`, after variables
    /// (`NODE_ENV=production`, `cross-env NODE_ENV=production`); a file without an extension is the .js one
    /// node resolves (`node dist/main`). Null for anything else (nodemon, `node -e`, `node .`).</summary>
    public static string? NodeFile(string script)
    {
        var words = script.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        if (i < words.Length && words[i] == "cross-env")
        {
            i++;
        }

        while (i < words.Length && EnvironmentAssignment().IsMatch(words[i]))
        {
            i++;
        }

        if (i >= words.Length || words[i] != "node")
        {
            return null;
        }

        for (i++; i < words.Length && words[i].StartsWith('-'); i++)
        {
            if (words[i] is "-e" or "--eval" or "-p" or "--print")
            {
                return null;
            }

            if (OptionsWithValue.Contains(words[i]))
            {
                i++;
            }
        }

        if (i >= words.Length || !FileWord().IsMatch(words[i]))
        {
            return null;
        }

        var file = Normalise(words[i]);
        return Path.GetExtension(file) is ".js" or ".cjs" or ".mjs" ? file : Path.GetExtension(file) == "" ? file + ".js" : null;
    }

    private static readonly string[] TypeScriptSources = [".ts", ".mts", ".cts", ".tsx"];

    /// <summary>Programs that run a .ts file by compiling it as it starts (node with a loader: --import tsx).</summary>
    private static readonly string[] TypeScriptRunners = ["tsx", "ts-node", "ts-node-dev", "ts-node-esm", "nodemon", "node"];

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

        var startScript = StartScript(manifest);
        var start = startScript?.Script;
        var startFrom = $"package.json scripts.{startScript?.Name} ({start})";
        var build = manifest.Script("build");
        var main = manifest.Main is { } m ? Normalise(m) : null;
        var started = startScript?.Runs;

        if (start is not null && FastifyCliPlugin().Match(start) is { Success: true } plugin)
        {
            // fastify-cli's `fastify start app.js` loads app.js as a plugin and listens itself: node app.js
            // registers nothing and exits at once. `fastify eject` writes the server.js that listens.
            var file = Normalise(plugin.Groups[1].Value);
            found.Problem($"{startFrom} runs fastify-cli, which loads {file} as a plugin: `node {file}` would exit at once. Run `npx fastify eject` (it writes server.js, which listens), then pass --set entry=server.js.");
            return;
        }

        if (started is null && start is not null && TypeScriptRun(start) is var (runner, source))
        {
            // tsx or ts-node compile at start; the image runs node on JavaScript, without development dependencies.
            var stem = source.StartsWith("src/", StringComparison.Ordinal) ? source[4..] : source;
            var output = $"dist/{stem[..stem.LastIndexOf('.')]}.js";
            found.Problem($"{startFrom} runs {source} through {runner}, which compiles TypeScript as the app starts; the image runs node on JavaScript. Add a build (\"build\": \"tsc\", with outDir dist in tsconfig.json) and \"start:prod\": \"node {output}\" to package.json: init reads both.");
            return;
        }

        if (started is not null && folder.Exists(started))
        {
            found.Value("entry", started, startFrom);
        }
        else if (started is not null && build is not null)
        {
            BuildOutput(folder, started, startFrom, build, found);
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
                (_, null) => $"the start script ({start}) does not run `node <file>`, nor does a start:prod or serve script",
                _ => $"scripts.{startScript?.Name} runs {started}, which does not exist, and package.json has no build script to write it",
            }, ["path/to/server.js"]);
        }

        if (build is not null && !folder.Given.ContainsKey("build"))
        {
            found.Note($"package.json has a build script ({build}) whose output the app does not run from: the Dockerfiles do not run it; pass --set build=true --set build-output=DIR if the app needs its output.");
        }
    }

    /// <summary>The entry is a file the build writes: build on, with the folder the build writes to,
    /// once the build is known to produce it (tsc: outDir and the source under rootDir; tsup: its
    /// config's outDir, else dist/; another bundler: the folder named in the build script).</summary>
    private static void BuildOutput(ProjectFolder folder, string entry, string entryFrom, string build, ProjectDetection.Builder found)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            found.Problem($"{entryFrom} runs {entry}, which is not in the project and not in a folder a build writes: pass --set entry=<the file node runs>.");
            return;
        }

        var output = entry[..slash];
        var configFile = TscConfigFile(folder, build);
        if (folder.Exists(configFile) && TscWrites(build) && TsconfigReader.Read(folder, configFile) is { } config)
        {
            if (config.NoEmit && TscAlone().IsMatch(build))
            {
                var from = config.NoEmitFrom == configFile ? $"{configFile} sets noEmit" : $"{configFile} extends {config.NoEmitFrom}, which sets noEmit";
                found.Problem($"{entryFrom} runs {entry}, but the build ({build}) writes nothing: {from}. Set \"noEmit\": false in tsconfig.json's compilerOptions (or build with a tsconfig.build.json that does), or pass --set entry=<the file node runs>.");
                return;
            }

            var (outDir, rootDir) = (config.OutDir, config.RootDir);
            if (outDir is null || Normalise(outDir).TrimEnd('/') is not { } dir || !(entry.StartsWith(dir + "/", StringComparison.Ordinal)))
            {
                found.Problem($"{entryFrom} runs {entry}, but {configFile}'s outDir is {outDir ?? "not set (tsc writes beside the sources)"}: make them agree, or pass --set entry=<outDir>/<file>.js.");
                return;
            }

            var relative = entry[(dir.Length + 1)..];
            var stem = relative[..relative.LastIndexOf('.')];
            // Without rootDir, tsc writes from its inputs' common folder (TscInputs): src/ when every source is
            // there, the project folder when one is beside it (a drizzle.config.ts): dist/src/index.js then.
            var common = rootDir is null ? TscInputs.CommonRoot(folder, config) : null;
            string[] sourceRoots = rootDir is not null ? [Normalise(rootDir).TrimEnd('/')] : common is not null ? [common] : ["src", ""];
            string Under(string root, string path) => root is "" or "." ? path : $"{root}/{path}";
            var sources = sourceRoots.SelectMany(root => TypeScriptSources.Select(e => Under(root, stem + e))).ToList();
            if (sources.FirstOrDefault(folder.Exists) is not { } source)
            {
                // The source is there, one folder down: tsc writes it one folder down too.
                var deeper = common is not null ? TypeScriptSources.Select(e => $"src/{stem}{e}").FirstOrDefault(f => common == "" && folder.Exists(f)) : null;
                found.Problem(deeper is not null
                    ? $"{entryFrom} runs {entry}, but tsc writes {dir}/src/{stem}.js from {deeper}: its inputs' common folder is the project's ({string.Join(", ", TscInputs.Inputs(folder, config).Where(f => !f.StartsWith("src/", StringComparison.Ordinal)).Take(3))} beside src/). Set \"rootDir\": \"src\" and \"include\": [\"src\"] in {configFile}, or pass --set entry={dir}/src/{stem}.js."
                    : $"{entryFrom} runs {entry}, which tsc would write from {sources[0]}; that file does not exist: pass --set entry=<outDir>/<file>.js for a source that does.");
                return;
            }

            found.Value("entry", entry, $"{entryFrom}; tsc writes it from {source}");
            found.Value("build", "true", $"package.json scripts.build ({build})");
            found.Value("build-output", dir, $"{configFile} outDir ({outDir})");
            return;
        }

        if (Regex.IsMatch(build, $@"(^|[\s=/'""]){Regex.Escape(output)}(/|\s|$|['""])"))
        {
            found.Value("entry", entry, $"{entryFrom}; written by the build");
            found.Value("build", "true", $"package.json scripts.build ({build})");
            found.Value("build-output", output, $"package.json scripts.build writes {output}/");
            return;
        }

        if (TsupOutput.Read(folder, build) is { } tsup && tsup.Folder == output)
        {
            found.Value("entry", entry, $"{entryFrom}; written by tsup");
            found.Value("build", "true", $"package.json scripts.build ({build})");
            found.Value("build-output", output, tsup.Source);
            return;
        }

        found.Problem($"{entryFrom} runs {entry}, which is not in the project, and neither tsconfig.json nor the build script ({build}) says the build writes {output}/: pass --set build=true --set build-output={output} if it does.");
    }

    /// <summary>The config the build compiles with: the one `tsc -p`/`--project` names, tsconfig.build.json for
    /// `nest build` (the Nest CLI's default) when it exists, else tsconfig.json.</summary>
    private static string TscConfigFile(ProjectFolder folder, string build)
    {
        if (Regex.Match(build, @"(?:^|\s)(?:-p|--project)[\s=]+(\S+)") is { Success: true } p)
        {
            var named = Normalise(p.Groups[1].Value.Trim('"', '\''));
            return named.EndsWith(".json", StringComparison.Ordinal) ? named : $"{named.TrimEnd('/')}/tsconfig.json";
        }

        return Regex.IsMatch(build, @"(^|[\s&;])nest\s+build") && folder.Exists("tsconfig.build.json") ? "tsconfig.build.json" : "tsconfig.json";
    }

    /// <summary>A TypeScript file a start script runs through a runner (tsx, ts-node, nodemon, node --import
    /// tsx): the runner as written, and the file.</summary>
    private static (string Runner, string Source)? TypeScriptRun(string script)
    {
        var words = script.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(w => w == "cross-env" || w == "npx" || EnvironmentAssignment().IsMatch(w))
            .ToList();
        var file = words.FindIndex(w => TypeScriptSources.Contains(Path.GetExtension(w)));
        // node alone strips types itself (node src/index.ts): only node with a loader is a runner here.
        if (file <= 0 || !TypeScriptRunners.Contains(words[0]) || (words[0] == "node" && !words.Take(file).Any(OptionsWithValue.Contains)))
        {
            return null;
        }

        var runner = words[0] == "node" ? string.Join(' ', words.Take(file)) : words[0];
        return (runner, Normalise(words[file]));
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

    // `nest build` compiles with tsc too (tsconfig.build.json, which extends tsconfig.json), to its outDir.
    private static bool TscWrites(string build) => Regex.IsMatch(build, @"(^|[\s&;])((npx\s+)?tsc|nest\s+build)(\s|$)");

    public static string Normalise(string path) => path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;

    // tsc alone, the only writer: not `tsc && tsup` (a bundler writes) nor `tsc -p other.json` (another config).
    [GeneratedRegex(@"^\s*(npx\s+)?tsc(\s+--?(?!p\b|project\b|noEmit\b)[\w-]+)*\s*$")]
    private static partial Regex TscAlone();

    // fastify start [options] app.js (an option's value may follow it: -l info).
    [GeneratedRegex(@"^\s*(?:npx\s+)?fastify\s+start\b.*?\s([\w./-]+\.(?:c|m)?js)\b")]
    private static partial Regex FastifyCliPlugin();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex EnvironmentAssignment();

    // A path node runs (not `.`, a shell operator or a quoted expression).
    [GeneratedRegex(@"^[\w./@-]*[\w@-][\w./@-]*$")]
    private static partial Regex FileWord();
}
