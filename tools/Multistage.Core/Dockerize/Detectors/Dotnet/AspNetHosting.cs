using System.Text.Json;
using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Dotnet;

/// <summary>
/// Where an ASP.NET Core app listens, its health route and how it stops, read from its code and
/// settings: a URL in Program.cs (UseUrls, app.Run, app.Urls.Add, Listen*), a PORT-like variable read
/// there, "Urls" in appsettings.json, the launch profile's applicationUrl; MapHealthChecks and a
/// /health-like MapGet; the host builder (ASP.NET Core's host stops on SIGTERM by itself).
/// </summary>
internal static partial class AspNetHosting
{
    /// <summary>Kestrel's own variable: with no URL in the code or settings, the app listens where it says.</summary>
    public const string KestrelPortVariable = "ASPNETCORE_HTTP_PORTS";

    public static void Read(ProjectFolder folder, ProjectFile web, ProjectDetection.Builder found)
    {
        var sources = SourceLines(folder, web.Folder).ToList();
        ReadPort(folder, web, sources, found);
        SelfProbe.Read(CodeFiles(folder, web.Folder).Select(f => (f, folder.Read(f)!)), found);
        ReadHealthPath(sources, found);
        ReadShutdown(web, sources, found);
    }

    private static void ReadPort(ProjectFolder folder, ProjectFile web, List<SourceLine> sources, ProjectDetection.Builder found)
    {
        // 1. A URL in the code wins over every setting and variable (UseUrls and app.Run replace the "urls" setting).
        foreach (var line in sources)
        {
            var call = UrlInCode().Match(line.Text);
            if (call.Success)
            {
                var url = call.Groups["url"].Value;
                var code = $"{call.Groups["call"].Value.TrimStart('.')}({call.Groups["dollar"].Value}\"{url}\")";
                var shown = $"{line.File}:{line.Number} ({code})";
                var interpolated = call.Groups["dollar"].Success && url.Contains('{');
                if (interpolated && PortVariable(sources) is { } variable)
                {
                    found.Value("port", variable.Default, $"{variable.Line.File}:{variable.Line.Number} ({variable.Name}, default {variable.Default})");
                    found.Value("port-variable", variable.Name, $"{variable.Line.File}:{variable.Line.Number}");
                    WarnIfLoopback(url, line, code, found);
                    return;
                }

                if (PortOf(url) is { } port)
                {
                    found.Value("port", port, shown);
                    WarnIfLoopback(url, line, code, found);
                    return;
                }
            }

            var listen = ListenCall().Match(line.Text);
            if (listen.Success)
            {
                found.Value("port", listen.Groups["port"].Value, $"{line.File}:{line.Number} ({listen.Value.Trim()})");
                if (listen.Groups["how"].Value is "ListenLocalhost" || listen.Value.Contains("Loopback", StringComparison.Ordinal))
                {
                    found.Warning($"{line.File}:{line.Number}: {listen.Value.Trim()} listens on the loopback interface only, which no published port reaches: use options.ListenAnyIP({listen.Groups["port"].Value}) instead.");
                }

                return;
            }
        }

        // 1b. A URL built by the app's own code (UseUrls(settings.ListenUrl)) from a PORT-like variable it reads.
        if (PortVariableBehindUrl(sources) is { } built)
        {
            found.Value("port-variable", built.Variable, built.From);
            return;
        }

        // 2. "Urls" (or a Kestrel endpoint's "Url") in appsettings.json: the image reads that file too.
        foreach (var settings in new[] { "appsettings.json", "appsettings.Production.json" })
        {
            var path = web.Folder + settings;
            var text = folder.Read(path);
            if (text is null)
            {
                continue;
            }

            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var match = UrlSetting().Match(lines[i]);
                if (match.Success && PortOf(match.Groups["url"].Value.Split(';')[0]) is { } port)
                {
                    var line = new SourceLine(path, i + 1, lines[i]);
                    var setting = $"\"{match.Groups["key"].Value}\": \"{match.Groups["url"].Value}\"";
                    found.Value("port", port, $"{path}:{i + 1} ({setting})");
                    WarnIfLoopback(match.Groups["url"].Value.Split(';')[0], line, setting, found);
                    return;
                }
            }
        }

        // 3. Kestrel listens on ASPNETCORE_HTTP_PORTS; the launch profile says which port the developer uses.
        var launch = web.Folder + "Properties/launchSettings.json";
        var from = $"{web.Path} (Microsoft.NET.Sdk.Web: Kestrel listens on {KestrelPortVariable}; no URL in the code or appsettings.json)";
        found.Value("port-variable", KestrelPortVariable, from);
        if (folder.Read(launch) is { } launchText && LaunchProfileUrl(launchText) is { } profile)
        {
            // The first profile `dotnet run` uses (commandName "Project"), not IIS Express's settings.
            var lines = launchText.Split('\n');
            var start = Array.FindIndex(lines, l => l.Contains($"\"{profile.Name}\"", StringComparison.Ordinal));
            var at = Array.FindIndex(lines, Math.Max(start, 0), l => LaunchUrl().IsMatch(l));
            found.Value("port", profile.Port, $"{launch}:{at + 1} (profile \"{profile.Name}\" applicationUrl {profile.Url})");
        }
    }

    private static void WarnIfLoopback(string url, SourceLine line, string call, ProjectDetection.Builder found)
    {
        var host = HostOf(url);
        if (host is "localhost" or "127.0.0.1" or "[::1]")
        {
            var fixedUrl = url.Replace($"//{host}", "//0.0.0.0", StringComparison.OrdinalIgnoreCase);
            found.Warning($"{line.File}:{line.Number}: {call} listens on {host} only, which no published port reaches: change \"{url}\" to \"{fixedUrl}\" (all interfaces).");
        }
    }

    private static void ReadHealthPath(List<SourceLine> sources, ProjectDetection.Builder found)
    {
        foreach (var pattern in new[] { HealthChecks(), HealthGet() })
        {
            foreach (var line in sources)
            {
                var match = pattern.Match(line.Text);
                if (match.Success)
                {
                    found.Value("health-path", match.Groups["path"].Value, $"{line.File}:{line.Number} ({match.Groups["call"].Value}(\"{match.Groups["path"].Value}\"))");
                    return;
                }
            }
        }
    }

    private static void ReadShutdown(ProjectFile web, List<SourceLine> sources, ProjectDetection.Builder found)
    {
        var host = sources.FirstOrDefault(l => HostBuilder().IsMatch(l.Text));
        var from = host is not null
            ? $"{host.File}:{host.Number} ({HostBuilder().Match(host.Text).Value}: ASP.NET Core's host stops on SIGTERM)"
            : $"{web.FileName} (Microsoft.NET.Sdk.Web: ASP.NET Core's host stops on SIGTERM)";
        found.Value("tini", "false", from);
    }

    private static (string Name, string Url, string Port)? LaunchProfileUrl(string json)
    {
        // Not JSON: no launch profile to read.
        using var document = ProjectJson.TryParse(json);
        if (document is null)
        {
            return null;
        }

        if (!document.RootElement.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var profile in profiles.EnumerateObject())
        {
            if (profile.Value.ValueKind == JsonValueKind.Object
                && profile.Value.TryGetProperty("commandName", out var command) && command.ValueKind == JsonValueKind.String && command.GetString() == "Project"
                && profile.Value.TryGetProperty("applicationUrl", out var urls) && urls.ValueKind == JsonValueKind.String)
            {
                var http = urls.GetString()!.Split(';').FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
                if (http is not null && PortOf(http) is { } port)
                {
                    return (profile.Name, http, port);
                }
            }
        }

        return null;
    }

    /// <summary>A URL call given an expression named like a URL (settings.ListenUrl), not a literal, and a PORT-like variable read somewhere in the code:
    /// the app builds its address from that variable (the port's default stays the template's).</summary>
    private static (string Variable, string From)? PortVariableBehindUrl(List<SourceLine> sources)
    {
        var call = sources.Select(l => (Line: l, Match: UrlFromExpression().Match(l.Text))).FirstOrDefault(c => c.Match.Success);
        var read = sources.Select(l => (Line: l, Match: PortVariableName().Match(l.Text))).FirstOrDefault(r => r.Match.Success);
        if (call.Line is null || read.Line is null)
        {
            return null;
        }

        var name = read.Match.Groups["name"].Value;
        return (name, $"{read.Line.File}:{read.Line.Number} (GetEnvironmentVariable(\"{name}\"), passed to {call.Match.Groups["call"].Value.TrimStart('.')} at {call.Line.File}:{call.Line.Number})");
    }

    private static (string Name, string Default, SourceLine Line)? PortVariable(List<SourceLine> sources)
    {
        foreach (var line in sources)
        {
            var match = PortVariableRead().Match(line.Text);
            if (match.Success)
            {
                return (match.Groups["name"].Value, match.Groups["port"].Value, line);
            }
        }

        return null;
    }

    private static string? HostOf(string url)
    {
        var match = UrlParts().Match(url);
        return match.Success ? match.Groups["host"].Value.ToLowerInvariant() : null;
    }

    private static string? PortOf(string url)
    {
        var match = UrlParts().Match(url);
        return match.Success && match.Groups["port"].Success ? match.Groups["port"].Value : null;
    }

    private sealed record SourceLine(string File, int Number, string Text);

    /// <summary>The web project's own C# files (not bin/ or obj/), Program.cs first.</summary>
    private static IEnumerable<string> CodeFiles(ProjectFolder folder, string projectFolder) =>
        CsFiles(folder, projectFolder.TrimEnd('/'), 4)
            .OrderBy(f => f == projectFolder + "Program.cs" ? 0 : 1)
            .ThenBy(f => f, StringComparer.Ordinal);

    /// <summary>Each line of <see cref="CodeFiles"/> but comment lines.</summary>
    private static IEnumerable<SourceLine> SourceLines(ProjectFolder folder, string projectFolder)
    {
        foreach (var file in CodeFiles(folder, projectFolder))
        {
            var lines = folder.Read(file)!.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    yield return new SourceLine(file, i + 1, lines[i].TrimEnd('\r'));
                }
            }
        }
    }

    private static IEnumerable<string> CsFiles(ProjectFolder folder, string dir, int depth) =>
        folder.Files(dir, "*.cs").Concat(depth == 0 ? [] : folder.Folders(dir).SelectMany(d => CsFiles(folder, d, depth - 1)));

    [GeneratedRegex(@"(?<call>UseUrls|\.Run|\.RunAsync|Urls\.Add)\(\s*(?<dollar>\$)?""(?<url>https?://[^""]+)""")]
    private static partial Regex UrlInCode();

    [GeneratedRegex(@"(?<call>UseUrls|\.Run|\.RunAsync|Urls\.Add)\(\s*(?<expression>(?:[A-Za-z_]\w*\.)*\w*[Uu]rls?\w*)\s*\)")]
    private static partial Regex UrlFromExpression();

    [GeneratedRegex(@"GetEnvironmentVariable\(\s*""(?<name>[A-Za-z_]*PORT[A-Za-z_]*)""\s*\)")]
    private static partial Regex PortVariableName();

    [GeneratedRegex(@"(?<how>ListenLocalhost|ListenAnyIP|Listen)\(\s*(?:IPAddress\.(?:Any|IPv6Any|Loopback|IPv6Loopback)\s*,\s*)?(?<port>\d{1,5})\b")]
    private static partial Regex ListenCall();

    [GeneratedRegex(@"(?:GetEnvironmentVariable\(\s*|Configuration\[\s*)""(?<name>[A-Za-z_]*PORT[A-Za-z_]*)""\s*\)?\]?\s*\?\?\s*""?(?<port>\d{1,5})""?")]
    private static partial Regex PortVariableRead();

    [GeneratedRegex(@"^(?:https?)://(?<host>\[[^\]]+\]|[^:/;]+)(?::(?<port>\d{1,5}))?", RegexOptions.IgnoreCase)]
    private static partial Regex UrlParts();

    [GeneratedRegex(@"(?<key>Urls|Url)""\s*:\s*""(?<url>https?://[^""]+)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlSetting();

    [GeneratedRegex(@"(?<name>applicationUrl)""\s*:\s*""(?<urls>[^""]+)")]
    private static partial Regex LaunchUrl();

    [GeneratedRegex(@"(?<call>MapHealthChecks|UseHealthChecks)\(\s*""(?<path>/[^""]*)""")]
    private static partial Regex HealthChecks();

    // The shared names (MapGet("/HealthCheck") too: IgnoreCase), and Aspire's /alive.
    [GeneratedRegex(@"(?<call>Map(?:Get)?)\(\s*""(?<path>/(?:" + HealthRoutes.Alternation + @"|alive|status)(?:/[^""]*)?)""", RegexOptions.IgnoreCase)]
    private static partial Regex HealthGet();

    [GeneratedRegex(@"(?:WebApplication\.Create(?:Slim|Empty)?Builder|WebApplication\.Create|Host\.CreateDefaultBuilder|Host\.CreateApplicationBuilder|WebHost\.CreateDefaultBuilder)")]
    private static partial Regex HostBuilder();
}
