using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>Workspaces: a pnpm workspace (pnpm-workspace.yaml) or npm/Yarn workspaces (package.json's
/// workspaces), their members, which of them are apps (a start script), and the workspace a member
/// folder belongs to.</summary>
internal static partial class WorkspaceReader
{
    /// <summary>The member folders the workspace's globs name (apps/*, packages/api), each with its manifest.</summary>
    public static IReadOnlyList<(string Path, PackageJson Manifest)> Members(ProjectFolder root, IReadOnlyList<string> globs)
    {
        var members = new List<(string, PackageJson)>();
        foreach (var glob in globs.Where(g => !g.StartsWith('!')).Select(g => EntryReader.Normalise(g.Trim()).TrimEnd('/')))
        {
            var folders = glob.EndsWith("/**", StringComparison.Ordinal) ? Below(root, glob[..^3])
                : glob.EndsWith("/*", StringComparison.Ordinal) ? root.Folders(glob[..^2])
                : glob.Contains('*', StringComparison.Ordinal) ? [] : [glob];
            foreach (var folder in folders)
            {
                if (root.Read($"{folder}/package.json") is { } text && PackageJson.Parse(text).Manifest is { } manifest)
                {
                    members.Add((folder, manifest));
                }
            }
        }

        return members.DistinctBy(m => m.Item1).OrderBy(m => m.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>packages/** : every folder below, to any depth (four here), as pnpm reads it: packages/apps/api
    /// as well as packages/api.</summary>
    private static IReadOnlyList<string> Below(ProjectFolder root, string folder)
    {
        var found = new List<string>();
        var level = root.Folders(folder);
        for (var depth = 0; depth < 4 && level.Count > 0; depth++)
        {
            found.AddRange(level);
            level = level.SelectMany(f => root.Folders(f)).ToList();
        }

        return found;
    }

    /// <summary>The members <paramref name="app"/> depends on by name, and theirs in turn, as paths:
    /// each after the members it depends on, the order they build in.</summary>
    public static IReadOnlyList<string> UsedMembers(IReadOnlyList<(string Path, PackageJson Manifest)> members, PackageJson app)
    {
        var byName = members.Where(m => m.Manifest.Name is not null).ToDictionary(m => m.Manifest.Name!, m => m, StringComparer.Ordinal);
        var used = new List<string>();
        var seen = new HashSet<PackageJson> { app };
        void Visit(PackageJson manifest)
        {
            foreach (var dependency in manifest.Dependencies.Order(StringComparer.Ordinal))
            {
                if (byName.TryGetValue(dependency, out var member) && seen.Add(member.Manifest))
                {
                    Visit(member.Manifest);
                    used.Add(member.Path);
                }
            }
        }

        Visit(app);
        return used;
    }

    /// <summary>pnpm-workspace.yaml's packages list (a YAML list of globs).</summary>
    public static IReadOnlyList<string> PnpmGlobs(string yaml)
    {
        var globs = new List<string>();
        var inPackages = false;
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (Regex.IsMatch(line, @"^packages\s*:"))
            {
                inPackages = true;
                continue;
            }

            if (inPackages && ListItem().Match(line) is { Success: true } item)
            {
                globs.Add(item.Groups[1].Value);
            }
            else if (inPackages && line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#'))
            {
                inPackages = false;
            }
        }

        return globs;
    }

    /// <summary>The workspace root above <paramref name="folder"/> (up to four levels), if any.</summary>
    public static string? RootAbove(ProjectFolder folder)
    {
        var current = Directory.GetParent(folder.Root);
        for (var i = 0; i < 4 && current is not null; i++, current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, "pnpm-workspace.yaml")))
            {
                return current.FullName;
            }

            if (ReadIfExists(Path.Combine(current.FullName, "package.json")) is { } text
                && PackageJson.Parse(text).Manifest is { Workspaces.Count: > 0 })
            {
                return current.FullName;
            }
        }

        return null;
    }

    private static string? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    [GeneratedRegex(@"^\s+-\s*['""]?([^'""#]+?)['""]?\s*(#.*)?$")]
    private static partial Regex ListItem();
}
