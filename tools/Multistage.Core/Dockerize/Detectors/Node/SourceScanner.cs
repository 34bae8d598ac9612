using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>What the app's own code says about how it runs: the port it listens on (a literal in
/// listen(), or a PORT-like variable's default), a loopback-only bind, its health route, its SIGTERM
/// handler, the variables it refuses to start without and the folders it creates.</summary>
internal static partial class SourceScanner
{
    private static readonly string[] Patterns = ["*.js", "*.mjs", "*.cjs", "*.ts", "*.mts", "*.cts"];

    /// <summary>Health routes, the most specific first.</summary>

    private sealed record Line(string File, int Number, string Text)
    {
        public string At => $"{File}:{Number} ({Shorten(Text.Trim())})";
    }

    /// <param name="prefix">The folder's path as the user sees it from where init runs ("" or apps/api/).</param>
    public static void Read(ProjectFolder folder, string prefix, ProjectDetection.Builder found)
    {
        var files = Patterns.SelectMany(p => folder.FilesBelow(p, 4))
            .Where(f => !f.EndsWith(".d.ts", StringComparison.Ordinal) && !IsTest(f))
            .Distinct().Order(StringComparer.Ordinal).Take(300).ToList();
        var lines = files
            .SelectMany(f => (folder.Read(f) ?? "").Split('\n').Select((text, i) => new Line(prefix + f, i + 1, text.TrimEnd('\r'))))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .ToList();

        Port(lines, found);
        Loopback(lines, found);
        Health(lines, found);
        Stop(lines, files.Count == 0 ? "no source files" : string.Join(", ", files.Take(3).Select(f => prefix + f)) + (files.Count > 3 ? ", ..." : ""), found);
        RequiredVariables(lines, found);
        Writable(lines, found);
    }

    private static bool IsTest(string file) =>
        file.Contains(".test.", StringComparison.Ordinal) || file.Contains(".spec.", StringComparison.Ordinal)
        || file.StartsWith("test/", StringComparison.Ordinal) || file.StartsWith("tests/", StringComparison.Ordinal) || file.Contains("/__tests__/", StringComparison.Ordinal);

    private static void Port(List<Line> lines, ProjectDetection.Builder found)
    {
        // process.env.APP_PORT || 3000, Number(process.env.PORT) || 8080, process.env.PORT ?? "8080"
        var defaulted = lines.Select(l => (Line: l, Match: EnvDefault().Match(l.Text)))
            .Where(x => x.Match.Success && IsPortVariable(Variable(x.Match)))
            .ToList();
        if (defaulted.Count > 0)
        {
            // PORT itself first, wherever it is read: files are read in path order, db/ before index.ts.
            var (line, match) = defaulted.OrderBy(x => Variable(x.Match) == "PORT" ? 0 : 1).First();
            var variable = Variable(match);
            found.Value("port", match.Groups["port"].Value, line.At);
            if (variable != "PORT")
            {
                found.Value("port-variable", variable, line.At);
            }

            return;
        }

        var literal = lines.Select(l => (Line: l, Match: ListenLiteral().Match(l.Text))).FirstOrDefault(x => x.Match.Success);
        if (literal.Line is not null)
        {
            found.Value("port", literal.Match.Groups[1].Value, literal.Line.At);
            found.Note($"{literal.Line.File}:{literal.Line.Number} listens on the fixed port {literal.Match.Groups[1].Value}: the image sets PORT, which the app ignores; read process.env.PORT to make the port configurable.");
            return;
        }

        var bare = lines.Select(l => (Line: l, Match: EnvRead().Match(l.Text)))
            .FirstOrDefault(x => x.Match.Success && IsPortVariable(Variable(x.Match)));
        if (bare.Line is not null && Variable(bare.Match) != "PORT")
        {
            found.Value("port-variable", Variable(bare.Match), bare.Line.At);
        }
    }

    // DB_PORT, REDIS_PORT: the port of a service the app connects to, not the one it listens on.
    private static bool IsPortVariable(string name) => name.Contains("PORT", StringComparison.Ordinal) && !ServicePort().IsMatch(name);

    private static string Variable(Match m) => m.Groups["dot"].Success ? m.Groups["dot"].Value : m.Groups["index"].Value;

    /// <summary>listen(port, '127.0.0.1'), or listen(port, HOST) where HOST is a loopback literal.</summary>
    private static void Loopback(List<Line> lines, ProjectDetection.Builder found)
    {
        var constants = lines.Select(l => (Line: l, Match: LoopbackConstant().Match(l.Text))).Where(x => x.Match.Success)
            .GroupBy(x => x.Match.Groups[1].Value).ToDictionary(g => g.Key, g => g.First());
        foreach (var line in lines.Where(l => l.Text.Contains("listen(", StringComparison.Ordinal)))
        {
            var call = line.Text[line.Text.IndexOf("listen(", StringComparison.Ordinal)..];
            if (LoopbackLiteral().Match(call) is { Success: true } literal)
            {
                found.Warning($"{line.At} listens on {literal.Groups[1].Value} only, which no published port reaches: change '{literal.Groups[1].Value}' to '0.0.0.0' (or leave the host out).");
                return;
            }

            // Fastify's listen({ port }) binds localhost unless the options name a host.
            if (ListenOptions().IsMatch(call) && lines.Any(l => l.Text.Contains("fastify", StringComparison.Ordinal))
                && !lines.Any(l => l.File == line.File && l.Number >= line.Number && l.Number <= line.Number + 3 && l.Text.Contains("host", StringComparison.Ordinal)))
            {
                found.Warning($"{line.At}: Fastify's listen() binds localhost unless it is given a host, and no published port reaches localhost: pass host: '0.0.0.0' in its options.");
                return;
            }

            var used = constants.Keys.FirstOrDefault(name => Regex.IsMatch(call, $@"[(,]\s*{Regex.Escape(name)}\s*[,)]"));
            if (used is not null)
            {
                var (definition, match) = constants[used];
                if (match.Groups["variable"].Success)
                {
                    var variable = match.Groups["variable"].Value;
                    found.Warning($"{definition.At}: {line.File}:{line.Number} listens on {used}, {match.Groups[2].Value} unless {variable} is set, which no published port reaches: add `ENV {variable}=0.0.0.0` to the Dockerfile's final stage (or change the default to '0.0.0.0').");
                    return;
                }

                found.Warning($"{definition.At}: {line.File}:{line.Number} listens on {used} = {match.Groups[2].Value} only, which no published port reaches: change it to '0.0.0.0' (or leave the host out of listen()).");
                return;
            }
        }
    }

    private static void Health(List<Line> lines, ProjectDetection.Builder found)
    {
        foreach (var path in HealthRoutes.Names.Select(n => "/" + n))
        {
            var route = lines.FirstOrDefault(l => Regex.IsMatch(l.Text, $@"['""`]{Regex.Escape(path)}/?['""`]"));
            if (route is not null)
            {
                found.Value("health-path", path, route.At);
                return;
            }
        }
    }

    /// <summary>tini unless the app handles SIGTERM itself: process.on('SIGTERM', ...), or a loop over
    /// ['SIGINT', 'SIGTERM'] that registers process.on(signal, ...).</summary>
    private static void Stop(List<Line> lines, string scanned, ProjectDetection.Builder found)
    {
        var direct = lines.FirstOrDefault(l => SigtermHandler().IsMatch(l.Text));
        var listed = direct ?? lines.FirstOrDefault(l => l.Text.Contains("SIGTERM", StringComparison.Ordinal)
            && lines.Any(o => o.File == l.File && Math.Abs(o.Number - l.Number) <= 3 && ProcessOnVariable().IsMatch(o.Text)));
        if (listed is not null)
        {
            found.Value("tini", "false", $"{listed.At}: the app's SIGTERM handler");
            if (direct is not null && !HandlerStops(lines, direct))
            {
                // tini cannot help: the signal reaches the handler either way, and the app keeps running.
                found.Warning($"{direct.At}: the SIGTERM handler neither closes the server nor exits, so the app keeps running and docker stop kills it after 10 s: end the handler with server.close() (or process.exit(0)).");
            }
        }
        else
        {
            found.Value("tini", "true", $"no process.on('SIGTERM') in {scanned}");
        }
    }

    /// <summary>Whether the handler registered on <paramref name="handler"/> stops the app: a named function
    /// (trusted), or a body that calls something closing, exiting or shutting down within a dozen lines.</summary>
    private static bool HandlerStops(List<Line> lines, Line handler) =>
        NamedHandler().IsMatch(handler.Text)
        || lines.Where(l => l.File == handler.File && l.Number >= handler.Number && l.Number <= handler.Number + 12)
            .Any(l => StopsCall().IsMatch(l.Text));

    [GeneratedRegex(@"^listen\(\s*\{")]
    private static partial Regex ListenOptions();

    [GeneratedRegex(@"SIGTERM['""]\s*,\s*[A-Za-z_$][\w$.]*\s*\)")]
    private static partial Regex NamedHandler();

    [GeneratedRegex(@"(?i)(close|exit|shutdown|stop|destroy|terminate|kill|quit)\w*\s*\(")]
    private static partial Regex StopsCall();

    /// <summary>if (!process.env.API_KEY) throw ... / process.exit(1): the app will not start without it.</summary>
    private static void RequiredVariables(List<Line> lines, ProjectDetection.Builder found)
    {
        var required = new List<(string Name, Line Line)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (RequiredCheck().Match(lines[i].Text) is not { Success: true } m)
            {
                continue;
            }

            var name = m.Groups[1].Value;
            var next = lines.Skip(i).Take(3).Where(l => l.File == lines[i].File);
            if (next.Any(l => Regex.IsMatch(l.Text, @"\bthrow\b|process\.exit\(")) && required.All(r => r.Name != name))
            {
                required.Add((name, lines[i]));
            }
        }

        if (required.Count == 0)
        {
            return;
        }

        found.Value("required-env", string.Join(' ', required.Select(r => r.Name)), string.Join("; ", required.Select(r => r.Line.At)));
        foreach (var (name, line) in required)
        {
            found.Warning($"{line.At}: the app will not start without {name}: pass it at run time (docker run -e {name}=..., or {name}=... in a .env file beside compose.yaml), never in the image.");
        }
    }

    /// <summary>fs.mkdirSync('data'), mkdir(path.join(__dirname, 'uploads')): folders the app creates in its own tree.</summary>
    private static void Writable(List<Line> lines, ProjectDetection.Builder found)
    {
        var folders = lines.Select(l => (Line: l, Match: MakeFolder().Match(l.Text))).Where(x => x.Match.Success)
            .Select(x => (Folder: x.Match.Groups[1].Value.TrimEnd('/'), x.Line))
            .Where(x => x.Folder is not ("tmp" or "/tmp") && !x.Folder.StartsWith('.') && !x.Folder.StartsWith("/", StringComparison.Ordinal))
            .DistinctBy(x => x.Folder).ToList();
        if (folders.Count > 0)
        {
            found.Value("writable", string.Join(' ', folders.Select(f => f.Folder)), string.Join("; ", folders.Select(f => f.Line.At)));
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex(@"process\.env(?:\.(?<dot>[A-Z_][A-Z0-9_]*)|\[\s*['""](?<index>[A-Z_][A-Z0-9_]*)['""]\s*\])\s*\)?\s*(?:\|\||\?\?)\s*['""]?(?<port>\d{2,5})\b")]
    private static partial Regex EnvDefault();

    [GeneratedRegex(@"process\.env(?:\.(?<dot>[A-Z_][A-Z0-9_]*)|\[\s*['""](?<index>[A-Z_][A-Z0-9_]*)['""]\s*\])")]
    private static partial Regex EnvRead();

    [GeneratedRegex(@"^(DB|DATABASE|POSTGRES|PG|MYSQL|MARIADB|MONGO|MONGODB|REDIS|CACHE|SMTP|MAIL|EMAIL|RABBITMQ|AMQP|KAFKA|ELASTIC|ES|NATS|MQTT|LDAP)_")]
    private static partial Regex ServicePort();

    [GeneratedRegex(@"\blisten\(\s*(\d{2,5})\s*[,)]")]
    private static partial Regex ListenLiteral();

    [GeneratedRegex(@"['""](127\.0\.0\.1|localhost|::1)['""]")]
    private static partial Regex LoopbackLiteral();

    [GeneratedRegex(@"\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:process\.env\.(?<variable>[A-Z_][A-Z0-9_]*)\s*(?:\|\||\?\?)\s*)?(['""](?:127\.0\.0\.1|localhost|::1)['""])")]
    private static partial Regex LoopbackConstant();

    [GeneratedRegex(@"process\.(?:on|once|addListener|prependListener)\(\s*['""]SIGTERM['""]")]
    private static partial Regex SigtermHandler();

    [GeneratedRegex(@"process\.(?:on|once)\(\s*[A-Za-z_$]")]
    private static partial Regex ProcessOnVariable();

    [GeneratedRegex(@"if\s*\(\s*!\s*process\.env\.([A-Z_][A-Z0-9_]*)\s*\)")]
    private static partial Regex RequiredCheck();

    [GeneratedRegex(@"mkdir(?:Sync)?\(\s*(?:path\.(?:join|resolve)\(\s*(?:__dirname|process\.cwd\(\))\s*,\s*)?['""](?:\./)?([\w-]+(?:/[\w-]+)*)/?['""]")]
    private static partial Regex MakeFolder();
}
