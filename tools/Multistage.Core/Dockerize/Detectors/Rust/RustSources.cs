using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>A line of Rust source, with the path the user sees (from the build context) and its 1-based number.</summary>
public sealed record RustLine(string File, int Number, string Text)
{
    public string Where => $"{File}:{Number}";
}

/// <summary>The Rust sources of the packages that make the binary: the package's own files (src/, build.rs)
/// and those of the path dependencies it uses (a workspace's library members), comments and #[cfg(test)] items dropped.</summary>
public static partial class RustSources
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "target", ".git", "tests", "benches", "examples" };

    public static IReadOnlyList<RustLine> Of(IEnumerable<CargoPackage> packages)
    {
        var lines = new List<RustLine>();
        foreach (var package in packages)
        {
            foreach (var file in Files(package.Folder.Root, ""))
            {
                var number = 0;
                // Unit tests share the files (#[cfg(test)] mod tests { ... }): their loopback servers, fixed ports and
                // variables are not the program's, so the item after #[cfg(test)] is skipped, braces counted.
                var testItem = false;
                var depth = 0;
                foreach (var raw in File.ReadLines(Path.Combine(package.Folder.Root, file)))
                {
                    number++;
                    var text = WithoutLineComment(raw).Trim();
                    if (text.Length == 0 || text.StartsWith("//", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (depth > 0 || testItem)
                    {
                        depth += Braces(text);
                        testItem = testItem && depth == 0 && !text.EndsWith(';') && !text.EndsWith('}');
                        continue;
                    }

                    if (text == "#[cfg(test)]")
                    {
                        testItem = true;
                        continue;
                    }

                    lines.Add(new RustLine(package.Display(file), number, text));
                }
            }
        }

        return lines;
    }

    /// <summary>Each file's kept lines as one text, at their own line numbers (dropped lines left empty), for
    /// readers of whole files such as <see cref="SelfProbe"/>.</summary>
    public static IEnumerable<(string Path, string Text)> Texts(IReadOnlyList<RustLine> lines) =>
        lines.GroupBy(l => l.File, StringComparer.Ordinal).Select(file =>
        {
            var text = new List<string>();
            foreach (var line in file)
            {
                while (text.Count < line.Number - 1)
                {
                    text.Add("");
                }

                text.Add(line.Text);
            }

            return (file.Key, string.Join('\n', text));
        });

    /// <summary>The folders (relative to <paramref name="package"/>'s folder) of its `path = "..."` dependencies.</summary>
    public static IReadOnlyList<string> PathDependencies(CargoPackage package)
    {
        var text = package.Folder.Read("Cargo.toml") ?? "";
        return PathKey().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
    }

    private static IEnumerable<string> Files(string root, string relative)
    {
        var full = Path.Combine(root, relative);
        foreach (var file in Directory.GetFiles(full, "*.rs").Order(StringComparer.Ordinal))
        {
            yield return Join(relative, Path.GetFileName(file));
        }

        foreach (var dir in Directory.GetDirectories(full).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            // A nested package (its own Cargo.toml) is another crate, not this one's sources.
            if (Skipped.Contains(dir) || dir.StartsWith('.') || File.Exists(Path.Combine(full, dir, "Cargo.toml")))
            {
                continue;
            }

            foreach (var file in Files(root, Join(relative, dir)))
            {
                yield return file;
            }
        }
    }

    private static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

    /// <summary>Opening minus closing braces outside string and char literals.</summary>
    private static int Braces(string line)
    {
        var count = 0;
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '\'' && i + 2 < line.Length && line[i + 2] == '\'')
            {
                i += 2;
            }
            else if (c == '{')
            {
                count++;
            }
            else if (c == '}')
            {
                count--;
            }
        }

        return count;
    }

    /// <summary>The line up to a `//` comment outside a string literal.</summary>
    private static string WithoutLineComment(string line)
    {
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && inString)
            {
                i++;
            }
            else if (line[i] == '"')
            {
                inString = !inString;
            }
            else if (!inString && line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                return line[..i];
            }
        }

        return line;
    }

    [GeneratedRegex(@"\bpath\s*=\s*""([^""]+)""")]
    private static partial Regex PathKey();
}
