using System.Text.RegularExpressions;
using Multistage.Core.Dockerize.Detectors.Go;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>A Go module (go.mod) or workspace (go.work) and its main package: the module root, or cmd/&lt;name&gt;/,
/// in the module or in the workspace's modules; vendor/; how the server listens and stops (<see cref="GoServing"/>);
/// the folders it writes and the files it opens at run time.</summary>
public sealed partial class GoDetector : IProjectDetector
{
    public string Language => "go";

    public string LooksFor => "go.mod or go.work";

    public ProjectDetection? Detect(ProjectFolder folder)
    {
        var goWork = folder.Read("go.work");
        var goMod = folder.Read("go.mod");
        if (goWork is null && goMod is null)
        {
            return null;
        }

        return goWork is not null ? Workspace(folder, goWork) : Module(folder, goMod!);
    }

    /// <summary>A --set main must name a folder of Go files: `go build` of a missing package fails only in the image build.</summary>
    public IReadOnlyList<string> CheckChosen(ProjectFolder folder, IReadOnlyDictionary<string, string> chosen, IReadOnlySet<string> given)
    {
        if (!given.Contains("main") || !chosen.TryGetValue("main", out var main))
        {
            return [];
        }

        var relative = main == "." ? "" : main.StartsWith("./", StringComparison.Ordinal) ? main[2..].TrimEnd('/') : main.TrimEnd('/');
        return folder.Files(relative, "*.go").Count > 0
            ? []
            : [$"--set main={main}: there are no .go files in {(relative.Length == 0 ? "the project's root" : relative + "/")} of {folder.FolderName}: " +
               "pass the folder of the main package, relative to the project, such as `--set main=./cmd/api`."];
    }

    /// <summary>go.work at the root: the build context is the work root, every used module is in it, and go build
    /// runs there in workspace mode; the main package is looked for in each used module.</summary>
    private ProjectDetection Workspace(ProjectFolder folder, string goWork)
    {
        var modules = GoModules.UsedFolders(goWork)
            .Select(f => new GoModule(f, GoModules.ModulePath(folder.Read(f.Length == 0 ? "go.mod" : f + "/go.mod")) ?? ""))
            .ToList();
        var missing = modules.Where(m => m.Path.Length == 0).Select(m => m.Folder.Length == 0 ? "." : "./" + m.Folder).ToList();
        var mains = modules.Where(m => m.Path.Length > 0).SelectMany(m => GoModules.MainPackages(folder, m.Folder).Select(p => (Module: m, Package: p))).ToList();
        var owner = mains.Count == 1 ? mains[0].Module : null;
        var found = ProjectDetection.For(Language, owner?.Name ?? folder.FolderName, "go.work");
        if (owner is not null)
        {
            found.NamedFrom($"{(owner.Folder.Length == 0 ? "" : owner.Folder + "/")}go.mod (module {owner.Path}, the one with the main package)");
        }
        else
        {
            found.NamedFrom("the work folder's name");
        }

        found.Value("workspace", "true", $"go.work (use {string.Join(", ", modules.Select(m => m.Folder.Length == 0 ? "." : "./" + m.Folder))})");
        if (missing.Count > 0)
        {
            found.Problem($"go.work uses {string.Join(", ", missing)} but there is no go.mod with a module line there: fix go.work's use list (or run `go work use -r .`), then run init again.");
        }

        CheckUnpublishedRequirements(folder, goWork, modules, found);
        var all = GoSource.All(folder);
        ChooseMain(found, mains.Select(m => m.Package).ToList(), owner?.Name, "in the modules go.work uses", all);
        if (folder.Exists("vendor/modules.txt"))
        {
            found.Value("vendor", "true", "vendor/modules.txt (go work vendor)");
        }

        var sources = WithoutOtherMains(all, mains.Select(m => m.Package).ToList(), folder.Given);
        GoServing.Read(sources, found);
        SelfProbe.Read(sources.Select(s => (s.Path, s.Text)), found);
        GoWritable.Read(sources, found);
        // `go run .` in the main module's folder resolves its relative paths there; else from the work root.
        GoAssets.Read(sources, folder, owner is { Folder.Length: > 0 } ? [owner.Folder, ""] : [""], found);
        GoCgo.Read(sources, modules.Select(m => folder.Read(m.Folder.Length == 0 ? "go.mod" : m.Folder + "/go.mod") ?? ""), found);
        return found.Build();
    }

    /// <summary>A module requiring another module of the workspace at v0.0.0 (or a v0.0.0- pseudo-version) without a replace:
    /// go build takes it from the workspace, but `go mod download` asks the module proxy for that version and fails.</summary>
    private static void CheckUnpublishedRequirements(ProjectFolder folder, string goWork, IReadOnlyList<GoModule> modules, ProjectDetection.Builder found)
    {
        var byPath = modules.Where(m => m.Path.Length > 0).ToDictionary(m => m.Path, StringComparer.Ordinal);
        var workReplaced = GoModules.Replaced(goWork);
        foreach (var module in modules.Where(m => m.Path.Length > 0))
        {
            var goModPath = module.Folder.Length == 0 ? "go.mod" : module.Folder + "/go.mod";
            var goMod = folder.Read(goModPath) ?? "";
            var replaced = GoModules.Replaced(goMod);
            foreach (var (path, version) in GoModules.Requires(goMod))
            {
                if (byPath.TryGetValue(path, out var sibling) && version.StartsWith("v0.0.0", StringComparison.Ordinal)
                    && !replaced.Contains(path) && !workReplaced.Contains(path))
                {
                    var relative = Path.GetRelativePath("/" + module.Folder, "/" + sibling.Folder).Replace(Path.DirectorySeparatorChar, '/');
                    found.Problem($"{goModPath} requires {path} {version}, a module of this workspace that no module proxy serves: go build takes it from " +
                                  $"the workspace, but the Dockerfile's `go mod download` would fetch it and fail. Add `replace {path} => {(relative.StartsWith('.') ? relative : "./" + relative)}` " +
                                  $"to {goModPath} (or drop the require), then run init again.");
                }
            }
        }
    }

    private ProjectDetection Module(ProjectFolder folder, string goMod)
    {
        var module = new GoModule("", GoModules.ModulePath(goMod) ?? folder.FolderName);
        var found = ProjectDetection.For(Language, module.Name, "go.mod");
        if (GoModules.EnclosingWorkspace(folder.Root) is { } workRoot)
        {
            found.Problem($"This module is used by {Path.Combine(workRoot, "go.work")}: the build needs the whole workspace as its context. " +
                          $"Run init in {workRoot} (the work root) instead.");
        }

        var mains = GoModules.MainPackages(folder, "");
        // A nested module (a go.mod of its own) is no part of this one: its code is not this app's.
        var nestedModules = folder.FilesBelow("go.mod", 6).Where(f => f != "go.mod").Select(f => PackageFolder(f) + "/").ToList();
        var all = GoSource.All(folder).Where(s => !nestedModules.Any(n => s.Path.StartsWith(n, StringComparison.Ordinal))).ToList();
        if (mains.Count == 0 && !folder.Given.ContainsKey("main") && NestedMains(folder, GoSource.All(folder)) is { Count: > 0 } nested)
        {
            found.Problem(NestedProblem(nested));
        }
        else
        {
            ChooseMain(found, mains, module.Name, "in the module root or under cmd/", all);
        }

        if (folder.Exists("vendor/modules.txt"))
        {
            found.Value("vendor", "true", "vendor/modules.txt (go mod vendor)");
        }

        var sources = WithoutOtherMains(all, mains, folder.Given);
        GoServing.Read(sources, found);
        SelfProbe.Read(sources.Select(s => (s.Path, s.Text)), found);
        GoWritable.Read(sources, found);
        GoAssets.Read(sources, folder, [""], found);
        GoCgo.Read(sources, [goMod], found);
        return found.Build();
    }

    /// <summary>Modules below this one (a go.mod of their own, up to two folders down) with a main package, the ones
    /// that listen on a port first: `go build` in this module cannot build them, init in their folder can.</summary>
    private static IReadOnlyList<(string Folder, bool Listens)> NestedMains(ProjectFolder folder, IReadOnlyList<GoSource> sources) =>
        folder.FilesBelow("go.mod", 2)
            .Where(f => f != "go.mod")
            .Select(PackageFolder)
            .Where(m => GoModules.MainPackages(folder, m).Count > 0)
            .Select(m => (Folder: m, Listens: GoServing.Listens(sources.Where(s => s.Path.StartsWith(m + "/", StringComparison.Ordinal)))))
            .OrderBy(m => m.Listens ? 0 : 1)
            .ThenBy(m => m.Folder, StringComparer.Ordinal)
            .ToList();

    private static string NestedProblem(IReadOnlyList<(string Folder, bool Listens)> nested)
    {
        var shown = nested.Take(3).Select(n => n.Folder + "/" + (n.Listens ? " (listens on a port)" : "")).ToList();
        var more = nested.Count > 3 ? $" and {nested.Count - 3} more" : "";
        return "There is no main package in this module's root or under cmd/, but modules of their own below it (a go.mod each) have one: " +
               $"{string.Join(", ", shown)}{more}. Run init in that module's folder (`cd {nested[0].Folder}`, then `multistage init`).";
    }

    /// <summary>With several main packages and one given (--set main=./cmd/api), the others' files are not that
    /// program's: their ports, handlers and files would be read as its own.</summary>
    private static IReadOnlyList<GoSource> WithoutOtherMains(IReadOnlyList<GoSource> sources, IReadOnlyList<string> mains, IReadOnlyDictionary<string, string> given)
    {
        if (!given.TryGetValue("main", out var chosen))
        {
            return sources;
        }

        // Main packages outside cmd/ (golang/example's template/) are other programs too: `package main` says so.
        var others = mains.Select(Folder)
            .Concat(sources.Where(s => PackageMain().IsMatch(s.Text)).Select(s => PackageFolder(s.Path)))
            .Where(m => m != Folder(chosen))
            .ToHashSet(StringComparer.Ordinal);
        return sources.Where(s => !others.Contains(PackageFolder(s.Path))).ToList();
    }

    /// <summary>A main package as go build names it (./cmd/api, .) as a folder relative to the project ("cmd/api", "").</summary>
    private static string Folder(string main) => main is "." or "./" ? "" : main.StartsWith("./", StringComparison.Ordinal) ? main[2..].TrimEnd('/') : main.TrimEnd('/');

    private static string PackageFolder(string file) => file.Contains('/') ? file[..file.LastIndexOf('/')] : "";

    /// <summary>The one main package, and the binary named after its folder (the module's name for the module root).
    /// With several, init asks; the ones that listen on a port come first, since the refusal offers the first.</summary>
    private static void ChooseMain(ProjectDetection.Builder found, IReadOnlyList<string> mains, string? moduleName, string where, IReadOnlyList<GoSource> sources)
    {
        switch (mains.Count)
        {
            case 1:
                var main = mains[0];
                var from = main == "." ? "package main in the module root" : $"package main in {main[2..]}/";
                found.Value("main", main, from);
                found.Value("binary", main == "." ? moduleName! : main.Split('/')[^1], main == "." ? "the module's name" : from);
                break;
            case 0:
                found.Ambiguous("main", $"no main package {where}", ["./path/to/main/package"]);
                break;
            default:
                var listening = mains.Where(m => GoServing.Listens(sources.Where(s => PackageFolder(s.Path) == Folder(m)))).ToList();
                found.Ambiguous("main",
                    listening.Count > 0 && listening.Count < mains.Count
                        ? $"several main packages, of which {string.Join(" and ", listening)} {(listening.Count == 1 ? "listens" : "listen")} on a port"
                        : "several main packages",
                    [.. listening, .. mains.Except(listening)]);
                break;
        }
    }

    [GeneratedRegex(@"^package\s+main\b", RegexOptions.Multiline)]
    private static partial Regex PackageMain();
}
