using Multistage.Core.Dockerize.Detectors.Node;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>A Node.js project (package.json): the package manager and its lock file, the script node
/// runs (built first when the start script runs a build's output), the one app of a workspace,
/// and from the code the port, the health route, a loopback bind and whether the app handles SIGTERM.
/// Each reading is its own class in Detectors/Node/.</summary>
public sealed class NodeDetector : IProjectDetector
{
    public string Language => "node";

    public string LooksFor => "package.json";

    public ProjectDetection? Detect(ProjectFolder folder)
    {
        var text = folder.Read("package.json");
        if (text is null)
        {
            return null;
        }

        var (manifest, error) = PackageJson.Parse(text);
        if (manifest is null)
        {
            return ProjectDetection.For(Language, folder.FolderName, "package.json")
                .Problem($"package.json is not valid JSON ({error}): fix it, then run init again.")
                .Build();
        }

        if (folder.Exists("pnpm-workspace.yaml"))
        {
            return Workspace(folder, manifest, WorkspaceReader.PnpmGlobs(folder.Read("pnpm-workspace.yaml")!), "pnpm-workspace.yaml");
        }

        if (manifest.Workspaces.Count > 0)
        {
            return Workspace(folder, manifest, manifest.Workspaces, "package.json");
        }

        var found = ProjectDetection.For(Language, ImageName(manifest, folder), "package.json");
        if (WorkspaceReader.RootAbove(folder) is { } root)
        {
            var relative = Path.GetRelativePath(root, folder.Root).Replace(Path.DirectorySeparatorChar, '/');
            var up = Path.GetRelativePath(folder.Root, root).Replace(Path.DirectorySeparatorChar, '/');
            return found
                .Problem($"This folder is the member {relative} of the workspace at {up}: its image needs the workspace root as build context (the lock file and the workspace packages it uses are there). Run `multistage init {up}` (with --set workspace-member={relative} if the workspace has several apps).")
                .Build();
        }

        PackageManagerReader.Read(folder, manifest, found);
        InstallScripts.Check(manifest, "package.json", found);
        EntryReader.Read(folder, manifest, found);
        SourceScanner.Read(folder, "", found);
        EntryReader.ReadProbe(folder, "", found);
        return found.Build();
    }

    /// <summary>An entry, member or build output given with --set must name what the image will hold: a
    /// file of the project (of the member in a workspace), or a file under the build output when the
    /// build runs.</summary>
    public IReadOnlyList<string> CheckChosen(ProjectFolder folder, IReadOnlyDictionary<string, string> chosen, IReadOnlySet<string> given)
    {
        if (!given.Overlaps(["entry", "workspace-member", "build", "build-output"]))
        {
            return [];
        }

        var member = chosen.GetValueOrDefault("workspace-member", "");
        if (member.Length > 0 && !folder.Exists($"{member}/package.json"))
        {
            return [$"--set workspace-member={member}: there is no {member}/package.json in {folder.FolderName}: pass a member's folder, relative to the workspace root."];
        }

        var entry = EntryReader.Normalise(chosen.GetValueOrDefault("entry", "server.js"));
        var path = member.Length > 0 ? $"{member}/{entry}" : entry;
        var output = EntryReader.Normalise(chosen.GetValueOrDefault("build-output", "dist")).TrimEnd('/');
        var builds = chosen.GetValueOrDefault("build") == "true";
        if (folder.Exists(path))
        {
            return [];
        }

        if (builds && entry.StartsWith(output + "/", StringComparison.Ordinal))
        {
            // tsc's output is checked against its source; another build is taken at its word.
            var app = member.Length > 0 ? new ProjectFolder(Path.Combine(folder.Root, member)) : folder;
            var build = PackageJson.Parse(app.Read("package.json") ?? "{}").Manifest?.Script("build");
            var check = ProjectDetection.For(Language, "", "package.json");
            EntryReader.CheckBuiltEntry(app, entry, $"--set entry={entry}", build, check);
            return check.Build().Problems;
        }

        var how = builds
            ? $"there is no {path}, and it is not under the build output {output}/"
            : $"there is no {path}" + (entry.Contains('/', StringComparison.Ordinal) ? $" (if the build writes it, add --set build=true --set build-output={entry[..entry.IndexOf('/', StringComparison.Ordinal)]})" : "");
        return [$"entry {entry}: {how}: pass --set entry=<the file node runs>."];
    }

    /// <summary>A pnpm, npm or Yarn classic workspace, init in its root: the member that is an app (a start script) is
    /// the image; its entry, build and code are read in its folder, the lock file in the root.</summary>
    private ProjectDetection Workspace(ProjectFolder root, PackageJson rootManifest, IReadOnlyList<string> globs, string declaredIn)
    {
        var pnpm = declaredIn == "pnpm-workspace.yaml";
        var yarn = !pnpm && root.Exists("yarn.lock") && !root.Exists("package-lock.json");
        var kind = pnpm ? "pnpm workspace" : yarn ? "Yarn workspace" : "npm workspace";
        var members = WorkspaceReader.Members(root, globs);
        var apps = members.Where(m => EntryReader.StartScript(m.Manifest) is not null).ToList();
        var chosenBy = "the one member with a start script";
        if (apps.Count == 0 && members.Where(m => MemberSources.Listens(new ProjectFolder(Path.Combine(root.Root, m.Path)))).ToList() is [var listener])
        {
            // smartclash/simple-monorepo: no start script anywhere; the server runs its main through nodemon.
            apps = [listener];
            chosenBy = "no member has a start script; the one whose code calls listen()";
        }

        if (root.Given.TryGetValue("workspace-member", out var chosen))
        {
            // --set workspace-member: that member is the app, with a start script or not (--set entry names its file).
            apps = members.Where(m => m.Path == chosen.Trim().Trim('/')).ToList();
            if (apps.Count == 0)
            {
                return ProjectDetection.For(Language, ImageName(rootManifest, root), declaredIn)
                    .Problem($"--set workspace-member={chosen}: no member of the {kind} is there: pass one of {string.Join(", ", members.Select(m => m.Path))}.")
                    .Build();
            }
        }

        if (apps.Count != 1)
        {
            var found = ProjectDetection.For(Language, ImageName(rootManifest, root), declaredIn);
            if (apps.Count == 0)
            {
                return found.Problem(members.Count == 0
                    ? $"{declaredIn}'s workspaces ({string.Join(", ", globs)}) name no folder with a package.json: fix the globs, or run init in the app's folder."
                    : $"No member of the {kind} has a start script ({string.Join(", ", members.Select(m => m.Path))}): add \"start\": \"node <file>\" to the app's package.json, or pass --set workspace-member=<its folder> --set entry=<the file node runs, relative to it>.")
                    .Build();
            }

            var runs = string.Join("; ", apps.Select(a => $"{a.Path} runs `{EntryReader.StartScript(a.Manifest)?.Script}`"));
            return found.Ambiguous("workspace-member", $"several members of the {kind} are apps ({runs}); pass the one to containerise, with --set entry=<the file it runs, relative to it> when it is not the first's", apps.Select(a => a.Path).ToList())
                .Build();
        }

        var (path, manifest) = apps[0];
        var member = new ProjectFolder(Path.Combine(root.Root, path)) { Given = root.Given };
        var detection = ProjectDetection.For(Language, ImageName(manifest, member), declaredIn, $"{path}/package.json")
            .Value("workspace-member", path, $"{declaredIn} ({string.Join(", ", globs)}): {chosenBy}");
        if (!pnpm)
        {
            detection.Value("workspace-members", string.Join(' ', members.Select(m => m.Path)), $"package.json workspaces ({string.Join(", ", globs)})");
            var names = members.Select(m => m.Manifest.Name).OfType<string>().Where(n => n != manifest.Name && !manifest.Dependencies.Contains(n));
            var undeclared = MemberSources.Imported(member, names);
            foreach (var name in undeclared)
            {
                detection.Note($"{path} imports {name}, which its package.json does not list: the image copies it all the same; add it to {path}/package.json's dependencies (pnpm and a clean npm install need it there).");
            }

            var uses = WorkspaceReader.UsedMembers(members, manifest with { Dependencies = [.. manifest.Dependencies, .. undeclared] });
            if (uses.Count > 0)
            {
                detection.Value("workspace-packages", string.Join(' ', uses), undeclared.Count == 0 ? $"{path}/package.json dependencies on workspace members" : $"{path}/package.json dependencies on workspace members and its code's imports of them");
            }

            if (!yarn && !root.Exists("package-lock.json"))
            {
                detection.Problem("An npm workspace without package-lock.json: run npm install at the workspace root and commit the lock file.");
            }
        }

        // The workspace's packageManager field, or the member's own.
        PackageManagerReader.Read(root, rootManifest.PackageManager is null ? manifest : rootManifest, detection);
        InstallScripts.Check(rootManifest, "package.json", detection);
        InstallScripts.Check(manifest, $"{path}/package.json", detection);
        if (yarn && detection.Build().Values.Any(v => v.Option == "package-manager" && v.Value == "yarn-berry"))
        {
            detection.Problem($"package.json declares Yarn Berry workspaces ({string.Join(", ", globs)}), which these Dockerfiles do not build yet (Yarn classic, npm and pnpm workspaces they do): switch the workspace to one of those.");
        }
        EntryReader.Read(member, manifest, detection);
        SourceScanner.Read(member, path + "/", detection);
        EntryReader.ReadProbe(member, path + "/", detection);
        return detection.Build();
    }

    /// <summary>@acme/api is published as a scoped name; the image is called api.</summary>
    private static string ImageName(PackageJson manifest, ProjectFolder folder) =>
        manifest.Name is { Length: > 0 } name ? name.Split('/')[^1] : folder.FolderName;
}
