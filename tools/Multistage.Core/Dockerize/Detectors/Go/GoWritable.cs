using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Go;

/// <summary>Folders the app creates or writes with a relative path (os.MkdirAll("data"), os.Create("uploads/x"),
/// sql.Open("sqlite", "data/app.db")): the image makes them writable for its user under /app.</summary>
public static partial class GoWritable
{
    public static void Read(IReadOnlyList<GoSource> sources, ProjectDetection.Builder found)
    {
        var folders = new List<string>();
        var from = new List<string>();
        foreach (var source in sources)
        {
            foreach (Match m in WriteCall().Matches(source.Text).Concat(SqliteOpen().Matches(source.Text)))
            {
                var path = m.Groups["path"].Value;
                while (path.StartsWith("./", StringComparison.Ordinal))
                {
                    path = path[2..];
                }

                path = path.TrimEnd('/');
                if (path.Length == 0 || path == "." || path.StartsWith('/') || path.Split('/').Contains("..") || path.Contains(' '))
                {
                    continue;
                }

                var isFolder = m.Groups["call"].Value is "MkdirAll" or "Mkdir";
                var folder = isFolder ? path : path.Contains('/') ? path[..path.LastIndexOf('/')] : null;
                var at = source.At(m);
                if (folder is null)
                {
                    found.Warning($"{at}: {m.Value.Trim()}...) writes the file {path} at the top of the app's folder /app, which stays read-only for " +
                                  $"the image's user: write it in a folder instead (e.g. data/{path}), then run init again, which makes that folder writable.");
                    continue;
                }

                if (!folders.Contains(folder, StringComparer.Ordinal))
                {
                    folders.Add(folder);
                    from.Add($"{at} ({m.Value.Trim()}...)");
                }
            }
        }

        if (folders.Count > 0)
        {
            found.Value("writable", string.Join(' ', folders), string.Join(", ", from));
        }
    }

    [GeneratedRegex(@"os\.(?<call>MkdirAll|Mkdir|Create|WriteFile|OpenFile)\(\s*""(?<path>[^""\n]*)""")]
    private static partial Regex WriteCall();

    [GeneratedRegex(@"sql\.Open\(\s*""(?<call>sqlite3?)""\s*,\s*""(?:file:)?(?<path>[^""?\n]+)")]
    private static partial Regex SqliteOpen();
}
