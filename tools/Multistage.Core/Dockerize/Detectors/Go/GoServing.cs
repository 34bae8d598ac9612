using System.Globalization;
using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Go;

/// <summary>What a Go server's code says about running it: the port (a PORT-like variable's default, a flag's
/// default, a literal in ListenAndServe), a loopback-only bind, flags it cannot start without, its health route
/// and whether it handles SIGTERM itself.</summary>
public static partial class GoServing
{
    /// <summary>Health routes, most specific first: the first one the code registers is the HEALTHCHECK's path.</summary>

    public static void Read(IReadOnlyList<GoSource> sources, ProjectDetection.Builder found)
    {
        ReadPort(sources, found);
        ReadRequiredFlags(sources, found);
        ReadHealthPath(sources, found);
        ReadSignalHandler(sources, found);
    }

    /// <summary>Whether these files (one package's) open a listening socket themselves: http.ListenAndServe,
    /// net.Listen or http.Serve. A server started from an internal/ package is not seen here.</summary>
    public static bool Listens(IEnumerable<GoSource> sources) => sources.Any(s => ListenCall().IsMatch(s.Text));

    private static void ReadPort(IReadOnlyList<GoSource> sources, ProjectDetection.Builder found)
    {
        // 1. A PORT-like variable, with the default the code falls back to.
        foreach (var source in sources)
        {
            if (EnvPort().Match(source.Text) is not { Success: true } env)
            {
                continue;
            }

            var variable = env.Groups[1].Value;
            found.Value("port-variable", variable, $"{source.At(env)} ({env.Value})");
            if (DefaultAfter(source, env) is { } fallback)
            {
                found.Value("port", fallback.Port, $"{source.At(fallback.Index)} (the default of {variable}: \"{fallback.Literal}\")");
            }

            CheckLoopbackListen(sources, found);
            return;
        }

        // 2. A flag such as -addr :8080 or -p 1024: the ENTRYPOINT passes none, so its default is where the app listens.
        foreach (var source in sources)
        {
            foreach (var flag in Flags(source).Where(f => IsAddressFlag(f.Name)))
            {
                if (Address.Parse(flag.Default) is not { } address)
                {
                    continue;
                }

                var at = source.At(flag.Index);
                var fallback = flag.Default.Trim('"');
                found.Value("port", address.Port, $"{at} (the default of the flag -{flag.Name}: {fallback})");
                found.Value("port-flag", "-" + flag.Name, at);
                if (address.IsLoopback)
                {
                    // The image passes the flag itself: a loopback default answers only inside the container.
                    var argument = $"-{flag.Name}=:{address.Port}";
                    found.Value("listen-argument", argument, $"{at} (the flag -{flag.Name} defaults to {fallback}, a loopback address)");
                    found.Note($"The app listens where the flag -{flag.Name} says ({at}); its default {fallback} is a loopback address, which answers only inside " +
                               $"the container. The image passes `{argument}` (CMD in Dockerfile, after the binary in Dockerfile.single), so it listens on all " +
                               $"interfaces. To listen elsewhere, pass `-{flag.Name}=...` after the image name in `docker run` and change PORT and EXPOSE to match.");
                }
                else
                {
                    found.Note($"The app listens where the flag -{flag.Name} says ({at}); the ENTRYPOINT passes no flag, so its default " +
                               $"{fallback} applies. ENV PORT={address.Port} only tells the HEALTHCHECK and you which port that is: the app does not read PORT. " +
                               $"To listen elsewhere, pass `-{flag.Name} ...` after the image name in `docker run` and change PORT and EXPOSE to match.");
                }

                return;
            }
        }

        // 3. A literal address in the listen call: http.ListenAndServe(":8081", ...), net.Listen("tcp", "127.0.0.1:9000"), Addr: ":8081".
        foreach (var source in sources)
        {
            foreach (Match listen in ListenLiteral().Matches(source.Text))
            {
                if (Address.Parse(listen.Groups[2].Value) is not { } address)
                {
                    continue;
                }

                var at = source.At(listen);
                found.Value("port", address.Port, $"{at} ({listen.Value.Trim()})");
                if (address.IsLoopback)
                {
                    found.Warning(LoopbackWarning(at, listen.Value.Trim(), $"\":{address.Port}\""));
                }

                return;
            }
        }

        CheckLoopbackListen(sources, found);
    }

    // 3. also covers gin's router.Run(":5001") and echo's e.Start(":1323").

    /// <summary>A listen call or Addr that puts a loopback host before a port from elsewhere: "127.0.0.1:" + port.</summary>
    private static void CheckLoopbackListen(IReadOnlyList<GoSource> sources, ProjectDetection.Builder found)
    {
        foreach (var source in sources)
        {
            if (LoopbackConcatenation().Match(source.Text) is { Success: true } m)
            {
                found.Warning(LoopbackWarning(source.At(m), m.Value.Trim(), "\":\" + port"));
                return;
            }
        }
    }

    private static string LoopbackWarning(string at, string code, string change) =>
        $"{at}: {code} listens on a loopback address: the app answers only inside its own container, never through a published port. " +
        $"Listen on all interfaces: change the address in {at} to {change}.";

    /// <summary>The first port literal in the few lines after `os.Getenv("PORT")`: `if port == "" { port = "8080" }`, cmp.Or(..., "8080").</summary>
    private static (string Port, string Literal, int Index)? DefaultAfter(GoSource source, Match env)
    {
        var start = env.Index + env.Length;
        var end = start;
        for (var lines = 0; end < source.Text.Length && lines < 6; end++)
        {
            if (source.Text[end] == '\n')
            {
                lines++;
            }
        }

        var window = source.Text[start..end];
        if (PortLiteral().Match(window) is { Success: true } literal && Address.Parse(literal.Groups[1].Value) is { } address)
        {
            return (address.Port, literal.Groups[1].Value, start + literal.Index);
        }

        return null;
    }

    /// <summary>String flags with no default that the code exits without: `if *text == "" { log.Fatal(...) }`.</summary>
    private static void ReadRequiredFlags(IReadOnlyList<GoSource> sources, ProjectDetection.Builder found)
    {
        var required = new List<string>();
        var from = new List<string>();
        foreach (var source in sources)
        {
            foreach (var flag in Flags(source).Where(f => !f.IsInteger && f.Default == "\"\"" && f.Variable is not null))
            {
                var check = new Regex(@"if\s+(?:" + Regex.Escape(flag.Pointer ? "*" + flag.Variable : flag.Variable!) + @"\s*==\s*""""|""""\s*==\s*" +
                                      Regex.Escape(flag.Pointer ? "*" + flag.Variable : flag.Variable!) + @")[^{]*\{[^}]*?(log\.Fatal|log\.Panic|os\.Exit|panic\(|flag\.Usage)");
                if (check.Match(source.Text) is not { Success: true } exits)
                {
                    continue;
                }

                var at = source.At(flag.Index);
                required.Add("-" + flag.Name);
                from.Add(at);
                found.Warning($"{at}: the app requires the flag -{flag.Name} (no default; {source.At(exits)} stops it when it is empty). " +
                              $"Give it a value: add `CMD [\"-{flag.Name}\", \"VALUE\"]` below the ENTRYPOINT in Dockerfile (and after the binary in Dockerfile.single's CMD), " +
                              $"or pass it after the image name: `docker run IMAGE -{flag.Name} VALUE`.");
            }
        }

        if (required.Count > 0)
        {
            found.Value("required-flags", string.Join(' ', required), string.Join(", ", from));
        }
    }

    private static void ReadHealthPath(IReadOnlyList<GoSource> sources, ProjectDetection.Builder found)
    {
        var routes = sources
            .SelectMany(s => Route().Matches(s.Text).Select(m => (Path: "/" + m.Groups[1].Value.ToLowerInvariant(), At: s.At(m), Code: m.Value.TrimStart('.') + ", ...)")))
            .ToList();
        foreach (var path in HealthRoutes.Names.Select(n => "/" + n))
        {
            if (routes.FirstOrDefault(r => r.Path == path) is { Code: not null } route)
            {
                found.Value("health-path", path, $"{route.At} ({route.Code})");
                return;
            }
        }
    }

    /// <summary>signal.Notify or signal.NotifyContext with SIGTERM: the app stops itself; else tini is PID 1.</summary>
    private static void ReadSignalHandler(IReadOnlyList<GoSource> sources, ProjectDetection.Builder found)
    {
        foreach (var source in sources)
        {
            foreach (Match call in NotifyCall().Matches(source.Text))
            {
                var arguments = Arguments(source.Text, call.Index + call.Length);
                if (arguments.Contains("SIGTERM", StringComparison.Ordinal))
                {
                    found.Value("tini", "false", $"{source.At(call)} (signal.{call.Groups[1].Value}(..., SIGTERM): the app stops itself on docker stop)");
                    return;
                }
            }
        }

        found.Value("tini", "true",
            "no signal.Notify(..., syscall.SIGTERM) in the code: tini as PID 1 passes docker stop's SIGTERM on, so the stop does not hang on how PID 1 treats signals");
    }

    /// <summary>The text between the parenthesis opened before <paramref name="start"/> and the one that closes it.</summary>
    private static string Arguments(string text, int start)
    {
        var depth = 1;
        for (var i = start; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[start..i];
            }
        }

        return text[start..];
    }

    private sealed record Flag(string Name, string Default, bool IsInteger, string? Variable, bool Pointer, int Index);

    /// <summary>flag.String("addr", ":8080", ...), port := flag.Int("p", 1024, ...), flag.StringVar(&amp;addr, "addr", "localhost:8080", ...).</summary>
    private static IEnumerable<Flag> Flags(GoSource source)
    {
        foreach (Match m in FlagCall().Matches(source.Text))
        {
            var variable = m.Groups["var"].Success ? m.Groups["var"].Value : null;
            yield return new Flag(m.Groups["name"].Value, m.Groups["default"].Value, m.Groups["kind"].Value != "String", variable, Pointer: true, m.Index);
        }

        foreach (Match m in FlagVarCall().Matches(source.Text))
        {
            yield return new Flag(m.Groups["name"].Value, m.Groups["default"].Value, m.Groups["kind"].Value != "String", m.Groups["var"].Value, Pointer: false, m.Index);
        }
    }

    private static bool IsAddressFlag(string name) =>
        name is "p" or "l" or "a" or "http" or "bind" || name.Contains("addr", StringComparison.OrdinalIgnoreCase)
        || name.Contains("port", StringComparison.OrdinalIgnoreCase) || name.Contains("listen", StringComparison.OrdinalIgnoreCase);

    /// <summary>A listen address as Go code writes it: ":8080", "0.0.0.0:8080", "localhost:8080", "8080", 8080.</summary>
    private sealed record Address(string Host, string Port)
    {
        public bool IsLoopback => Host is "localhost" or "::1" or "[::1]" || Host.StartsWith("127.", StringComparison.Ordinal);

        public static Address? Parse(string value)
        {
            var text = value.Trim().Trim('"');
            var colon = text.LastIndexOf(':');
            var (host, port) = colon >= 0 ? (text[..colon], text[(colon + 1)..]) : ("", text);
            return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
                ? new Address(host, number.ToString(CultureInfo.InvariantCulture))
                : null;
        }
    }

    [GeneratedRegex(@"os\.(?:Getenv|LookupEnv)\(\s*""([A-Z0-9_]*PORT)""\s*\)")]
    private static partial Regex EnvPort();

    [GeneratedRegex(@"""(:?[0-9]{2,5})""")]
    private static partial Regex PortLiteral();

    [GeneratedRegex(@"(?:(?<var>\w+)\s*:?=\s*)?flag\.(?<kind>String|Int|Uint)\(\s*""(?<name>[\w.-]+)""\s*,\s*(?<default>""[^""\n]*""|[0-9]+)")]
    private static partial Regex FlagCall();

    [GeneratedRegex(@"flag\.(?<kind>String|Int|Uint)Var\(\s*&(?<var>[\w.]+)\s*,\s*""(?<name>[\w.-]+)""\s*,\s*(?<default>""[^""\n]*""|[0-9]+)")]
    private static partial Regex FlagVarCall();

    [GeneratedRegex(@"(ListenAndServe(?:TLS)?\(|Listen\(\s*""tcp[46]?""\s*,|Addr:|\.Run\(|\.Start\()\s*""([^""\n]*)""")]
    private static partial Regex ListenLiteral();

    [GeneratedRegex(@"(?:ListenAndServe(?:TLS)?\(|Listen\(\s*""tcp[46]?""\s*,|Addr:)\s*""(?:localhost|127\.[0-9.]+|\[::1\]):?""\s*\+[^\n,)]*")]
    private static partial Regex LoopbackConcatenation();

    [GeneratedRegex(@"\.(?:HandleFunc|Handle|Get|GET|Head|HEAD|Any|Route|Path)\(\s*""(?:(?:GET|HEAD)\s+)?/(" + HealthRoutes.Alternation + @")/?""", RegexOptions.IgnoreCase)]
    private static partial Regex Route();

    [GeneratedRegex(@"\b(?:ListenAndServe(?:TLS)?|net\.Listen|http\.Serve)\(")]
    private static partial Regex ListenCall();

    [GeneratedRegex(@"signal\.(Notify|NotifyContext)\(")]
    private static partial Regex NotifyCall();
}
