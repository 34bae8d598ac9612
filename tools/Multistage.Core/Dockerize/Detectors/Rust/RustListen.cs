using System.Globalization;
using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>Where a Rust server listens, read from its code: a PORT-like variable and its default
/// (`env::var("PORT").unwrap_or(...)`), a `-p`/`--port` argument's default, a literal port in the bind
/// address; and a loopback-only bind, which no published port can reach.</summary>
public static partial class RustListen
{
    public static void Read(IReadOnlyList<RustLine> lines, ProjectDetection.Builder found)
    {
        var variable = FromVariable(lines, found);
        var flag = variable is null ? FromFlag(lines) : null;
        if (flag is { } f && !lines.Any(l => EnvVar().IsMatch(l.Text)))
        {
            found.Note($"The app takes its port from a -p/--port argument ({f.From}), not from a variable: ENV PORT does not move it. " +
                       "To listen elsewhere, pass the argument after the image name (`docker run IMAGE --port 9000`) and change EXPOSE.");
        }

        var port = variable ?? flag ?? FromLiteral(lines);
        if (port is { } p)
        {
            found.Value("port", p.Port.ToString(CultureInfo.InvariantCulture), p.From);
        }

        foreach (var line in lines)
        {
            if (Loopback(line.Text) is { } change)
            {
                found.Warning($"{line.Where} listens on loopback only (`{line.Text}`): nothing outside the container reaches it, " +
                              $"not even through a published port. Change it to `{change}` (every interface).");
            }
            else if (BoundConstant(lines, line) is { } bind && EveryInterface(line.Text) is { } changed)
            {
                found.Warning($"{line.Where} listens on loopback only (`{line.Text}`, bound at {bind.Where}): nothing outside the container reaches it, " +
                              $"not even through a published port. Change it to `{changed}` (every interface).");
            }
        }
    }

    /// <summary>The line that binds the address a `const NAME: &amp;str = "..."` holds (`TcpListener::bind(NAME)`), if any.</summary>
    private static RustLine? BoundConstant(IReadOnlyList<RustLine> lines, RustLine line)
    {
        if (StringConstant().Match(line.Text) is not { Success: true } constant)
        {
            return null;
        }

        var name = new Regex(@"\b" + Regex.Escape(constant.Groups["name"].Value) + @"\b");
        return lines.FirstOrDefault(l => l != line && name.IsMatch(l.Text) && BindContext().IsMatch(l.Text) && !l.Text.Contains("connect", StringComparison.Ordinal));
    }

    /// <summary>`env::var("PORT")` (or APP_PORT, ...): the variable fills port-variable; a number in the same
    /// statement (`unwrap_or("8080")`, `unwrap_or(8080)`) is the default port.</summary>
    private static (int Port, string From)? FromVariable(IReadOnlyList<RustLine> lines, ProjectDetection.Builder found)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (EnvVar().Match(lines[i].Text) is not { Success: true } read)
            {
                continue;
            }

            var variable = read.Groups[1].Value;
            found.Value("port-variable", variable, $"{lines[i].Where} (env::var(\"{variable}\"))");
            var statement = Statement(lines, i, read.Index + read.Length);
            if (DefaultNumber().Match(statement) is { Success: true } number && Port(number.Groups[1].Value) is { } port)
            {
                return (port, $"{lines[i].Where} (env::var(\"{variable}\") defaults to {port})");
            }

            return null;
        }

        return null;
    }

    /// <summary>A `--port`/`-p` argument: the default it starts from (`let mut port = 3000;`, clap's `default_value_t = 3000`).</summary>
    private static (int Port, string From)? FromFlag(IReadOnlyList<RustLine> lines)
    {
        if (!lines.Any(l => l.Text.Contains("\"--port\"", StringComparison.Ordinal) || l.Text.Contains("\"-p\"", StringComparison.Ordinal)
                            || (l.Text.Contains("default_value", StringComparison.Ordinal) && l.Text.Contains("port", StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (FlagDefault().Match(lines[i].Text) is { Success: true } m && Port(m.Groups[1].Value) is { } port
                && (!m.Value.StartsWith("default_value", StringComparison.Ordinal) || IsListenPort(FieldAfter(lines, i))))
            {
                return (port, $"{lines[i].Where} (the --port argument's default)");
            }
        }

        return null;
    }

    /// <summary>The field a clap attribute on line <paramref name="index"/> annotates: the first `name: Type` on
    /// that line after the attribute or on the lines below it, past further attributes.</summary>
    private static string? FieldAfter(IReadOnlyList<RustLine> lines, int index)
    {
        var text = lines[index].Text;
        var rest = text[(text.LastIndexOf(']') + 1)..];
        for (var next = index; next < lines.Count && next <= index + 4; next++)
        {
            var candidate = next == index ? rest : lines[next].Text;
            if (next > index && candidate.StartsWith("#[", StringComparison.Ordinal))
            {
                continue;
            }

            if (Field().Match(candidate) is { Success: true } field)
            {
                return field.Groups[1].Value;
            }

            if (next > index)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>`port`, `http_port`, ...: where the app listens; `min_port`/`max_port` bound a range it hands out.</summary>
    private static bool IsListenPort(string? field) =>
        field is not null && (field == "port" || (field.EndsWith("_port", StringComparison.Ordinal)
                                                  && !field.StartsWith("min_", StringComparison.Ordinal) && !field.StartsWith("max_", StringComparison.Ordinal)));

    /// <summary>A port written into the bind address: "0.0.0.0:7878", ("0.0.0.0", 7878), ([0, 0, 0, 0], 7878).</summary>
    private static (int Port, string From)? FromLiteral(IReadOnlyList<RustLine> lines)
    {
        foreach (var line in lines)
        {
            if (LiteralAddress().Match(line.Text) is { Success: true } m && Port(m.Groups["port"].Value) is { } port)
            {
                return (port, $"{line.Where} ({m.Value.Trim()})");
            }
        }

        return null;
    }

    /// <summary>The line made to listen on every interface, or null when it does not bind loopback only.</summary>
    private static string? Loopback(string text)
    {
        // A line that turns a wildcard address into loopback (`if ip.is_unspecified() => ...LOCALHOST`) finds where
        // a probe connects to a server bound to every interface: it binds nothing.
        if (!BindContext().IsMatch(text) || text.Contains("connect", StringComparison.Ordinal) || text.Contains("is_unspecified()", StringComparison.Ordinal))
        {
            return null;
        }

        return EveryInterface(text);
    }

    /// <summary>The line with its loopback address made every interface's, or null when it holds none.</summary>
    private static string? EveryInterface(string text)
    {
        var changed = LoopbackAddress().Replace(text, m => m.Groups["v4"].Success || m.Groups["name"].Success
            ? $"{m.Groups["q"].Value}0.0.0.0{m.Groups["rest"].Value}"
            : m.Groups["v6"].Success ? $"{m.Groups["q"].Value}{(m.Groups["v6"].Value.StartsWith('[') ? "[::]" : "::")}{m.Groups["rest"].Value}"
            : m.Groups["arr"].Success ? "[0, 0, 0, 0]"
            : "Ipv4Addr::UNSPECIFIED");
        return changed == text ? null : changed;
    }

    /// <summary>From <paramref name="start"/> on line <paramref name="index"/> to the statement's `;` (at most 4 lines).</summary>
    private static string Statement(IReadOnlyList<RustLine> lines, int index, int start)
    {
        var text = lines[index].Text[start..];
        for (var next = index + 1; !text.Contains(';') && next < lines.Count && next <= index + 4; next++)
        {
            text += " " + lines[next].Text;
        }

        var end = text.IndexOf(';');
        return end < 0 ? text : text[..end];
    }

    private static int? Port(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;

    [GeneratedRegex(@"env::var(?:_os)?\(\s*""([A-Za-z0-9_]*PORT[A-Za-z0-9_]*)""\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex EnvVar();

    [GeneratedRegex(@"unwrap_or(?:_else)?\([^0-9;]*?""?(\d{2,5})\b")]
    private static partial Regex DefaultNumber();

    [GeneratedRegex(@"^\s*(?:pub(?:\([^)]*\))?\s+)?([a-z_][a-z0-9_]*)\s*:[^:]")]
    private static partial Regex Field();

    [GeneratedRegex(@"(?:\blet\s+(?:mut\s+)?port\s*(?::\s*u16\s*)?=\s*|default_value(?:_t)?\s*=\s*""?)(\d{2,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex FlagDefault();

    [GeneratedRegex(@"""(?:0\.0\.0\.0|127\.0\.0\.1|localhost|\[::\]|\[::1\]|::):(?<port>\d{1,5})""|\(\s*""[0-9a-z.:]+""\s*,\s*(?<port>\d{1,5})\s*\)|\(\s*\[\s*\d+\s*,\s*\d+\s*,\s*\d+\s*,\s*\d+\s*\]\s*,\s*(?<port>\d{1,5})\s*\)")]
    private static partial Regex LiteralAddress();

    [GeneratedRegex(@"\bbind\s*\(|SocketAddr|TcpListener|\.listen\(|\.run\(|serve\(|Ipv4Addr|HttpServer|\.parse\b|format!\(")]
    private static partial Regex BindContext();

    [GeneratedRegex(@"(?<q>"")(?:(?<v4>127\.0\.0\.1)|(?<name>localhost)|(?<v6>\[::1\]|::1))(?<rest>[:""])|(?<arr>\[\s*127\s*,\s*0\s*,\s*0\s*,\s*1\s*\])|(?<const>Ipv4Addr::LOCALHOST)")]
    private static partial Regex LoopbackAddress();

    [GeneratedRegex(@"\bconst\s+(?<name>[A-Z][A-Z0-9_]*)\s*:\s*&(?:'static\s+)?str\s*=")]
    private static partial Regex StringConstant();
}
