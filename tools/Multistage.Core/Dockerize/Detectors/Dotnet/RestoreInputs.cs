namespace Multistage.Core.Dockerize.Detectors.Dotnet;

/// <summary>
/// What `dotnet restore` of the web project reads, so the Dockerfile can copy exactly these files
/// (each at its path) before the restore and keep that layer cached on a source-only change: the
/// project files of its ProjectReference closure (transitive), and the files MSBuild and NuGet pick up
/// on the way from each project up to the root (Directory.Build.props/.targets,
/// Directory.Packages.props, NuGet.config, global.json).
/// </summary>
internal sealed record RestoreInputs(IReadOnlyList<ProjectFile> Projects, IReadOnlyList<string> SettingsFiles, IReadOnlyList<string> Problems)
{
    /// <summary>Files MSBuild imports from a project's folder or any folder above it.</summary>
    public static readonly string[] ImportedAbove = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    /// <summary>Files NuGet and the SDK resolver read from above the project (any spelling NuGet accepts).</summary>
    private static readonly string[] ReadAbove = ["global.json", "NuGet.config", "nuget.config", "NuGet.Config"];

    /// <summary>Every file to copy before the restore: settings first (root ones first), then the projects.</summary>
    public IReadOnlyList<string> Files => [.. SettingsFiles, .. Projects.Select(p => p.Path).Order(StringComparer.Ordinal)];

    public static RestoreInputs Of(ProjectFolder folder, ProjectFile web)
    {
        var problems = new List<string>();
        var projects = new Dictionary<string, ProjectFile>(StringComparer.Ordinal) { [web.Path] = web };
        var queue = new Queue<ProjectFile>([web]);
        while (queue.Count > 0)
        {
            var project = queue.Dequeue();
            foreach (var reference in project.ReferencesAsWritten)
            {
                var path = project.Resolve(reference);
                if (path is null)
                {
                    problems.Add($"{project.Path} references {reference}, outside {folder.FolderName}/: the build context holds only this folder. Run init in the folder that holds both projects (the repository's root, or the solution's).");
                    continue;
                }

                if (projects.ContainsKey(path))
                {
                    continue;
                }

                var referenced = ProjectFile.Load(folder, path);
                if (referenced is null)
                {
                    problems.Add($"{project.Path} references {reference} ({path}), which is not there or not a project file: restore it, or remove the ProjectReference.");
                    continue;
                }

                projects[path] = referenced;
                queue.Enqueue(referenced);
            }
        }

        var settings = new SortedSet<string>(Comparer<string>.Create(RootFirst));
        foreach (var project in projects.Values)
        {
            foreach (var dir in FoldersUp(project.Folder))
            {
                foreach (var name in ImportedAbove.Concat(ReadAbove))
                {
                    if (folder.Exists(dir + name))
                    {
                        settings.Add(dir + name);
                    }
                }
            }
        }

        return new RestoreInputs(projects.Values.ToList(), settings.ToList(), problems);
    }

    /// <summary>The folder and each folder above it up to the root ("src/Web/", "src/", "").</summary>
    public static IEnumerable<string> FoldersUp(string folder)
    {
        var current = folder;
        while (true)
        {
            yield return current;
            if (current.Length == 0)
            {
                yield break;
            }

            current = ProjectFile.FolderOf(current.TrimEnd('/'));
        }
    }

    /// <summary>Shallower paths first, then by name: root settings, then nested ones.</summary>
    private static int RootFirst(string a, string b)
    {
        var depth = a.Count(c => c == '/').CompareTo(b.Count(c => c == '/'));
        return depth != 0 ? depth : StringComparer.Ordinal.Compare(a, b);
    }
}
