using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>Folders the app creates or writes by relative path (`fs::create_dir_all("data")`,
/// `File::create("uploads/x")`): as the image's non-root user in a root-owned /app it could not.</summary>
public static partial class RustWritable
{
    public static void Read(IReadOnlyList<RustLine> lines, ProjectDetection.Builder found)
    {
        var folders = new List<(string Folder, string From)>();
        foreach (var line in lines)
        {
            foreach (Match m in Written().Matches(line.Text))
            {
                var path = m.Groups["path"].Value.Replace('\\', '/');
                while (path.StartsWith("./", StringComparison.Ordinal))
                {
                    path = path[2..];
                }

                var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
                // create_dir*("data") names a folder; File::create("data/app.db") its folder; a file at the top has none.
                var isFolderCall = m.Groups["call"].Value.StartsWith("create_dir", StringComparison.Ordinal);
                var folder = isFolderCall ? parts.FirstOrDefault() : parts.Length > 1 ? parts[0] : null;
                if (folder is null || path.StartsWith('/') || folder is "." or ".." or "tmp" || folders.Any(f => f.Folder == folder))
                {
                    if (!isFolderCall && parts.Length == 1 && !path.StartsWith('/'))
                    {
                        found.Warning($"{line.Where} writes {path} in the app's folder (`{line.Text}`): /app is root's and may be read-only. " +
                                      $"Write it in a folder of its own (e.g. data/{path}), which init then makes writable.");
                    }

                    continue;
                }

                folders.Add((folder, $"{line.Where} ({m.Value.Trim()}))"));
            }
        }

        if (folders.Count > 0)
        {
            found.Value("writable", string.Join(' ', folders.Select(f => f.Folder)), string.Join("; ", folders.Select(f => f.From)));
        }
    }

    [GeneratedRegex(@"(?<call>create_dir_all|create_dir|File::create|OpenOptions::new\(\)[^""]*\.open)\(\s*""(?<path>[^""]+)""")]
    private static partial Regex Written();
}
