using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Go;

/// <summary>A module of the project: its folder relative to the build context ("" for the root) and its path from go.mod.</summary>
public sealed record GoModule(string Folder, string Path)
{
    /// <summary>github.com/acme/api/v2 is named api: a major-version suffix is not a name.</summary>
    public string Name
    {
        get
        {
            var segments = Path.Split('/');
            return segments.Length > 1 && GoModules.IsMajorVersion(segments[^1]) ? segments[^2] : segments[^1];
        }
    }
}

/// <summary>Reads go.mod and go.work: the modules of a project, and the main packages go build can build in them.</summary>
public static partial class GoModules
{
    public static bool IsMajorVersion(string segment) => MajorVersion().IsMatch(segment);

    /// <summary>The module path in a go.mod's text, or null.</summary>
    public static string? ModulePath(string? goMod) =>
        goMod is not null && ModuleLine().Match(goMod) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The folders a go.work uses (`use ./app` or a `use ( ... )` block), as relative paths without "./" ("" for the root).</summary>
    public static IReadOnlyList<string> UsedFolders(string goWork)
    {
        var text = LineComment().Replace(goWork, "");
        var folders = new List<string>();
        foreach (Match block in UseBlock().Matches(text))
        {
            folders.AddRange(block.Groups[1].Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        }

        folders.AddRange(UseLine().Matches(text).Select(m => m.Groups[1].Value));
        return folders.Select(Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>"./app/" and "app" are "app"; "." and "./" are "" (the root).</summary>
    public static string Normalize(string folder)
    {
        var path = folder.Trim().Trim('"').Replace('\\', '/').TrimEnd('/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path == "." ? "" : path;
    }

    /// <summary>The main packages of <paramref name="module"/> as go build takes them from the build context's root:
    /// the module's root and its cmd/&lt;name&gt;/ folders, never a folder that is a module of its own (a nested module).</summary>
    public static IReadOnlyList<string> MainPackages(ProjectFolder folder, string module)
    {
        var mains = new List<string>();
        if (IsMainPackage(folder, module))
        {
            mains.Add(module.Length == 0 ? "." : "./" + module);
        }

        var cmd = module.Length == 0 ? "cmd" : module + "/cmd";
        mains.AddRange(folder.Folders(cmd)
            .Where(f => !folder.Exists(f + "/go.mod"))
            .Where(f => IsMainPackage(folder, f))
            .Select(f => "./" + f));
        return mains;
    }

    /// <summary>A go.work in a folder above <paramref name="root"/> that uses it: the build needs that folder as its context.</summary>
    public static string? EnclosingWorkspace(string root)
    {
        var child = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        for (var parent = Path.GetDirectoryName(child); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            var goWork = Path.Combine(parent, "go.work");
            if (File.Exists(goWork))
            {
                var relative = Path.GetRelativePath(parent, child).Replace(Path.DirectorySeparatorChar, '/');
                return UsedFolders(File.ReadAllText(goWork)).Contains(relative, StringComparer.Ordinal) ? parent : null;
            }
        }

        return null;
    }

    /// <summary>The requirements of a go.mod (`require path version` lines and blocks).</summary>
    public static IReadOnlyList<(string Path, string Version)> Requires(string goMod) =>
        Directive(goMod, "require").Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 2).Select(p => (p[0], p[1])).ToList();

    /// <summary>The requirements a go.mod marks `// indirect`: no package of the module imports them itself.</summary>
    public static IReadOnlySet<string> Indirect(string goMod) =>
        IndirectRequire().Matches(goMod).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The module paths a go.mod or go.work replaces (`replace path [version] => ...`).</summary>
    public static IReadOnlySet<string> Replaced(string text) =>
        Directive(text, "replace").Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 0).Select(p => p[0]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The lines of a directive, single (`require a v1`) or in a block (`require ( ... )`), without comments.</summary>
    private static IEnumerable<string> Directive(string text, string keyword)
    {
        var clean = LineComment().Replace(text, "");
        var inBlock = false;
        foreach (var raw in clean.Split('\n'))
        {
            var line = raw.Trim();
            if (inBlock)
            {
                if (line == ")")
                {
                    inBlock = false;
                }
                else if (line.Length > 0)
                {
                    yield return line;
                }
            }
            else if (line.StartsWith(keyword, StringComparison.Ordinal) && line.Length > keyword.Length && line[keyword.Length] is ' ' or '\t' or '(')
            {
                var rest = line[keyword.Length..].Trim();
                if (rest == "(")
                {
                    inBlock = true;
                }
                else if (rest.Length > 0)
                {
                    yield return rest;
                }
            }
        }
    }

    private static bool IsMainPackage(ProjectFolder folder, string relative) =>
        folder.Files(relative, "*.go")
            .Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal))
            .Any(f => PackageMain().IsMatch(folder.Read(f) ?? ""));

    [GeneratedRegex(@"^module\s+""?([^\s""]+)""?", RegexOptions.Multiline)]
    private static partial Regex ModuleLine();

    [GeneratedRegex(@"^v[0-9]+$")]
    private static partial Regex MajorVersion();

    [GeneratedRegex(@"^package\s+main\b", RegexOptions.Multiline)]
    private static partial Regex PackageMain();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"^\s*(?:require\s+)?([^\s()]+)\s+v\S+\s*//\s*indirect\b", RegexOptions.Multiline)]
    private static partial Regex IndirectRequire();

    [GeneratedRegex(@"^\s*use\s*\(([^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex UseBlock();

    [GeneratedRegex(@"^\s*use\s+([^\s(][^\s]*)\s*$", RegexOptions.Multiline)]
    private static partial Regex UseLine();
}
