using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Go;

/// <summary>Files and folders the app opens by a relative path at run time (gin's LoadHTMLGlob("templates/*"),
/// Static("/static", "static"), http.Dir("public"), template.ParseFiles("index.html"), os.ReadFile("config.json")):
/// the final image holds only the binary, so these are copied into /app, its WORKDIR. //go:embed needs nothing.</summary>
public static partial class GoAssets
{
    /// <summary>Reads the calls in <paramref name="sources"/>; a path counts when its first part exists in one of
    /// <paramref name="bases"/> (folders relative to the build context, "" for the context itself), tried in order.</summary>
    public static void Read(IReadOnlyList<GoSource> sources, ProjectFolder folder, IReadOnlyList<string> bases, ProjectDetection.Builder found)
    {
        var assets = new List<string>();
        var from = new List<string>();
        foreach (var source in sources)
        {
            foreach (Match call in OpeningCall().Matches(source.Text))
            {
                var literals = StringLiteral().Matches(call.Groups["args"].Value).Select(l => l.Groups["s"].Value).ToList();
                // Static("/static", "dir") and StaticFile("/favicon.ico", "file"): the first string is the URL path.
                var urlFirst = call.Groups["name"].Value.StartsWith("Static", StringComparison.Ordinal);
                if (urlFirst)
                {
                    literals = literals.Skip(1).ToList();
                }

                foreach (var literal in literals)
                {
                    if (Asset(literal, folder, bases) is { } asset && !assets.Contains(asset, StringComparer.Ordinal))
                    {
                        assets.Add(asset);
                        from.Add($"{source.At(call)} ({call.Value[..(call.Groups["args"].Index - call.Index)]}{(urlFirst ? "..., " : "")}\"{literal}\"))");
                    }
                }
            }
        }

        if (assets.Count > 0)
        {
            found.Value("assets", string.Join(' ', assets), string.Join("; ", from));
        }
    }

    /// <summary>The first part of a relative path ("templates" for "./templates/*.html"), prefixed with the base
    /// folder it exists in; null for an absolute, parent, hidden, glob-only or missing path.</summary>
    private static string? Asset(string path, ProjectFolder folder, IReadOnlyList<string> bases)
    {
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        var first = path.Split('/')[0];
        // A dot-file (.env) stays out: .dockerignore keeps it from the build context, and secrets from the image.
        if (first.Length == 0 || path.StartsWith('/') || first.StartsWith('.') || first.IndexOfAny(['*', '?', '[', ' ', ':']) >= 0)
        {
            return null;
        }

        foreach (var b in bases)
        {
            var relative = b.Length == 0 ? first : $"{b}/{first}";
            if (folder.Exists(relative) || folder.FolderExists(relative))
            {
                return relative;
            }
        }

        return null;
    }

    // One call and its arguments on the line: gin/echo/fiber's loaders and static routes, net/http's Dir and ServeFile,
    // html/template's parsers, and os reads.
    [GeneratedRegex(@"(?:\.(?<name>LoadHTMLGlob|LoadHTMLFiles|Static|StaticFile|StaticFS)|\b(?:http\.(?<name>Dir|ServeFile)|template\.(?<name>ParseFiles|ParseGlob)|(?:os|ioutil)\.(?<name>ReadFile|Open)))\((?<args>[^\n]*)")]
    private static partial Regex OpeningCall();

    [GeneratedRegex(@"""(?<s>[^""\n]*)""|`(?<s>[^`\n]*)`")]
    private static partial Regex StringLiteral();
}
