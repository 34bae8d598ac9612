using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>A Cargo workspace: the folder whose Cargo.toml has [workspace], and the member packages its
/// `members` globs name (less `exclude`), as cargo finds them.</summary>
public static class CargoWorkspace
{
    /// <summary>The member packages of the workspace at <paramref name="root"/>, the root package first when it has one.</summary>
    public static IReadOnlyList<CargoPackage> Members(ProjectFolder root, CargoManifest manifest)
    {
        var packages = new List<CargoPackage>();
        if (CargoPackage.Read(root, "") is { } rootPackage)
        {
            packages.Add(rootPackage);
        }

        var excluded = manifest.Array("workspace", "exclude").Select(Normalize).ToList();
        foreach (var dir in manifest.Array("workspace", "members").SelectMany(pattern => Expand(root, Normalize(pattern))).Distinct())
        {
            if (excluded.Any(e => Matches(e, dir)) || !root.Exists($"{dir}/Cargo.toml"))
            {
                continue;
            }

            if (CargoPackage.Read(new ProjectFolder(Path.Combine(root.Root, dir)), dir) is { } member)
            {
                packages.Add(member);
            }
        }

        return packages;
    }

    /// <summary>The workspace <paramref name="member"/> belongs to, as cargo finds it: the nearest folder above with
    /// a [workspace] Cargo.toml (or the one `package.workspace` names) whose members include it; null for a crate of its own.</summary>
    public static (ProjectFolder Root, string MemberDir)? Enclosing(ProjectFolder member, CargoManifest manifest)
    {
        var candidates = new List<string>();
        if (manifest.Table("package")?.GetValueOrDefault("workspace") is { Length: > 0 } declared)
        {
            candidates.Add(Path.GetFullPath(Path.Combine(member.Root, declared)));
        }
        else
        {
            var dir = Directory.GetParent(member.Root);
            for (var depth = 0; dir is not null && depth < 8; depth++, dir = dir.Parent)
            {
                candidates.Add(dir.FullName);
            }
        }

        foreach (var candidate in candidates)
        {
            var file = Path.Combine(candidate, "Cargo.toml");
            if (!File.Exists(file))
            {
                continue;
            }

            var rootManifest = CargoManifest.Parse(File.ReadAllText(file));
            if (!rootManifest.HasTable("workspace"))
            {
                continue;
            }

            var relative = Path.GetRelativePath(candidate, member.Root).Replace(Path.DirectorySeparatorChar, '/');
            var isMember = rootManifest.Array("workspace", "members").Any(p => Matches(Normalize(p), relative))
                           && !rootManifest.Array("workspace", "exclude").Any(p => Matches(Normalize(p), relative));
            // Cargo stops at the first workspace above: a crate it does not list is not built from there.
            return isMember ? (new ProjectFolder(candidate), relative) : null;
        }

        return null;
    }

    private static string Normalize(string pattern) => pattern.Replace('\\', '/').Trim('/').TrimStart('.', '/');

    /// <summary>The folders a members glob names (`*` and `?` within one folder level).</summary>
    private static IEnumerable<string> Expand(ProjectFolder root, string pattern)
    {
        var level = new List<string> { "" };
        foreach (var segment in pattern.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            level = segment.IndexOfAny(['*', '?']) < 0
                ? level.Select(d => d.Length == 0 ? segment : $"{d}/{segment}").Where(root.FolderExists).ToList()
                : level.SelectMany(d => root.Folders(d)).Where(d => Matches(segment, d.Split('/')[^1])).ToList();
        }

        return level.Where(d => d.Length > 0).Order(StringComparer.Ordinal);
    }

    private static bool Matches(string pattern, string path) =>
        Regex.IsMatch(path, "^" + Regex.Escape(pattern).Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$");
}
