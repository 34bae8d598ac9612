using Multistage.Core.Dockerize.Detectors.Dotnet;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>An ASP.NET Core project (a .csproj on Microsoft.NET.Sdk.Web): in the folder, in the solution
/// (.sln, .slnx) there, under src/ without a solution, or the one --set project-file names. It reads
/// the project's AssemblyName and TargetFramework as MSBuild takes them, the files its restore needs
/// (the ProjectReference closure and the solution's Directory.*.props, NuGet.config, global.json),
/// where it listens, its health route and that it stops on SIGTERM.</summary>
public sealed class DotnetDetector : IProjectDetector
{
    public string Language => "dotnet";

    public string LooksFor => "a .csproj, a .sln/.slnx with its projects, or projects under src/";

    public ProjectDetection? Detect(ProjectFolder folder)
    {
        var discovered = ProjectDiscovery.Find(folder);
        if (folder.Given.TryGetValue("project-file", out var chosen))
        {
            return Chosen(folder, chosen, discovered);
        }

        if (discovered is null || discovered.Projects.Count == 0)
        {
            return null;
        }

        var web = WebProjects(folder, discovered.Projects);
        if (web.Count == 0 && discovered.Beside is { } beside && WebProjects(folder, beside.Projects) is { Count: > 0 } listed)
        {
            (discovered, web) = (beside, listed);
        }

        var projects = discovered.Projects;
        if (web.Count != 1)
        {
            var name = Path.GetFileNameWithoutExtension(discovered.Solution ?? projects[0]);
            var none = ProjectDetection.For(Language, name, [.. discovered.Solution is null ? projects : [discovered.Solution, .. projects]]);
            if (web.Count == 0)
            {
                NoWebProject(folder, projects, none);
            }
            else
            {
                none.Ambiguous("project-file", "several ASP.NET Core projects", web.Select(w => w.Path).ToList());
            }

            return none.Build();
        }

        return Read(folder, web[0], discovered.Solution, discovered.How);
    }

    private static List<ProjectFile> WebProjects(ProjectFolder folder, IReadOnlyList<string> projects) =>
        projects.Select(p => ProjectFile.Load(folder, p)).OfType<ProjectFile>().Where(p => p.IsWeb).ToList();

    /// <summary>No project on the Web SDK: one on the plain SDK that references ASP.NET Core is offered; a
    /// console program is not (it would run once and exit), nor a library or a test project.</summary>
    private static void NoWebProject(ProjectFolder folder, IReadOnlyList<string> projects, ProjectDetection.Builder none)
    {
        var loaded = projects.Select(p => ProjectFile.Load(folder, p)).OfType<ProjectFile>().ToList();
        var hosts = loaded.Where(p => p.ReferencesAspNetCore).Select(p => p.Path).ToList();
        if (hosts.Count > 0)
        {
            none.Ambiguous("project-file", "no project on Sdk=\"Microsoft.NET.Sdk.Web\"; these reference ASP.NET Core (FrameworkReference Microsoft.AspNetCore.App)", hosts);
            return;
        }

        var all = string.Join(", ", projects);
        var programs = loaded.Where(p => p.IsProgram).Select(p => p.Path).ToList();
        none.Problem(programs.Count == 0
            ? $"No ASP.NET Core project among {all}: none is a program (OutputType Exe), and these Dockerfiles serve a web app on a port. Run init in the web app's folder, or pass --set project-file=<its .csproj>."
            : $"No ASP.NET Core project among {all}: {string.Join(", ", programs)} {(programs.Count == 1 ? "is a program" : "are programs")} without ASP.NET Core (OutputType Exe), which would run once and exit, and these Dockerfiles serve a web app on a port. If {(programs.Count == 1 ? "it does" : "one does")} serve HTTP, pass --set project-file={programs[0]}.");
    }

    /// <summary>--set project-file=PATH: that project is read, whatever else the folder holds.</summary>
    private ProjectDetection Chosen(ProjectFolder folder, string path, ProjectDiscovery.Found? discovered)
    {
        var normalized = path.Replace('\\', '/').TrimStart('.', '/');
        var project = ProjectFile.Load(folder, normalized);
        if (project is null)
        {
            var found = ProjectDetection.For(Language, Path.GetFileNameWithoutExtension(normalized), normalized);
            var candidates = discovered?.Projects ?? [];
            found.Problem($"--set project-file={path}: {(folder.Exists(normalized) ? "is not an MSBuild project file (not XML)" : "there is no such file in this folder")}: name the web project's .csproj relative to the folder{(candidates.Count > 0 ? $" ({string.Join(", ", candidates)})" : "")}.");
            return found.Build();
        }

        return Read(folder, project, discovered?.Solution, "--set project-file");
    }

    private ProjectDetection Read(ProjectFolder folder, ProjectFile web, string? solution, string how)
    {
        var found = ProjectDetection.For(Language, web.Name, solution is null ? [web.Path] : [solution, web.Path]);
        found.Value("project-file", web.Path, how);

        var (assembly, framework, note) = BuildProperties.Read(folder, web);
        if (note is not null)
        {
            found.Note(note);
        }

        if (assembly is not null)
        {
            found.Value("assembly", assembly.Value, assembly.From);
        }
        else
        {
            found.Problem($"{web.Path}: its AssemblyName uses MSBuild properties init cannot evaluate here: pass --set assembly=NAME (the file name `dotnet publish` writes, without .dll).");
        }

        if (framework is not null && OutOfSupport(framework.Value))
        {
            // No image builds it, and --set framework would only change the tags, not what the project targets.
            found.Problem($"{framework.Value} ({framework.From}) is out of support and no .NET image here builds it: retarget the project to net10.0 (<TargetFramework>net10.0</TargetFramework>, in the projects it references too), then run init again.");
        }
        else if (framework is not null)
        {
            found.Value("framework", framework.Value, framework.From);
            if (framework.Value is "net8.0" or "net9.0")
            {
                found.Note($"{framework.Value} ({framework.From}): .NET {framework.Value[3..^2]} left support on 10 November 2026; its images still build, but get no more security fixes. Retarget to net10.0 (LTS) when you can.");
            }
        }
        else
        {
            found.Note($"{web.Path} names no TargetFramework init could read: the Dockerfiles use the template's default images (pass --set framework=net9.0 for another).");
        }

        if (string.Equals(web.Property("PublishAot")?.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            found.Value("runtime", "aot", $"{web.Path}:{web.Property("PublishAot")!.Value.Line} PublishAot");
        }

        var restore = RestoreInputs.Of(folder, web);
        foreach (var problem in restore.Problems)
        {
            found.Problem(problem);
        }

        var spaced = restore.Files.Where(f => f.Contains(' ', StringComparison.Ordinal)).ToList();
        if (spaced.Count > 0)
        {
            found.Problem($"{string.Join(", ", spaced)}: the Dockerfile's restore layer lists its files separated by spaces: rename the folder or file without the space.");
        }
        else if (restore.Files.Count > 1)
        {
            var references = restore.Projects.Count - 1;
            found.Value("restore-files", string.Join(' ', restore.Files),
                $"{web.Path}{(references > 0 ? $" and its {references} referenced project{(references == 1 ? "" : "s")}" : "")}{(restore.SettingsFiles.Count > 0 ? $", {string.Join(", ", restore.SettingsFiles)}" : "")}");
        }

        // The build stage's SDK follows the framework the Dockerfile is written for (--set framework wins).
        var target = folder.Given.GetValueOrDefault("framework") ?? framework?.Value;
        var sdkMajor = target is not null && TargetMajor(target) is { } major ? major : 10;
        if (SdkPin.Check(folder, restore.SettingsFiles, sdkMajor) is { } pin)
        {
            found.Warning(pin);
        }

        BuildTools.Read(restore.Projects, found);
        AspNetHosting.Read(folder, web, found);
        return found.Build();
    }

    /// <summary>net8.0 gives 8; netcoreapp3.1 and netstandard give null.</summary>
    private static int? TargetMajor(string framework) =>
        framework.StartsWith("net", StringComparison.Ordinal) && framework.EndsWith(".0", StringComparison.Ordinal)
        && int.TryParse(framework[3..^2], out var major) ? major : null;

    /// <summary>Before net8.0 (net5.0-net7.0, netcoreapp*): no supported image exists for it.</summary>
    private static bool OutOfSupport(string framework) =>
        framework.StartsWith("netcoreapp", StringComparison.Ordinal) || TargetMajor(framework) is < 8;
}
