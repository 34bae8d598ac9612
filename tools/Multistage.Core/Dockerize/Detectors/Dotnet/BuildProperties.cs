using System.Text.Json;
using Multistage.Core.Processes;

namespace Multistage.Core.Dockerize.Detectors.Dotnet;

/// <summary>A property's value as the build takes it, and where it came from (for init's output).</summary>
internal sealed record BuildProperty(string Value, string From);

/// <summary>
/// AssemblyName and TargetFramework of a project as MSBuild takes them: `dotnet msbuild
/// -getProperty` evaluates the project with its Directory.Build.props and SDK defaults (offline,
/// about 1-2 s). Where that fails (no SDK, a global.json asking for one not installed, a timeout),
/// the files are read as written: the project, then the nearest Directory.Build.props.
/// Only files inside the folder count: the Docker build context holds nothing above it.
/// </summary>
internal static class BuildProperties
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static (BuildProperty? Assembly, BuildProperty? Framework, string? Note) Read(ProjectFolder folder, ProjectFile project)
    {
        var written = new WrittenProperties(folder, project);
        var (evaluated, failure) = Evaluate(folder, project);
        if (evaluated is not null)
        {
            var assembly = evaluated.GetValueOrDefault("AssemblyName");
            var framework = FirstFramework(evaluated.GetValueOrDefault("TargetFramework"), evaluated.GetValueOrDefault("TargetFrameworks"));
            var how = $"dotnet msbuild -getProperty on {project.FileName}";
            return (
                assembly is { Length: > 0 } ? new BuildProperty(assembly, $"{written.Where("AssemblyName") ?? "the project name (no AssemblyName)"}; {how}") : null,
                framework is not null ? new BuildProperty(framework, $"{written.Where("TargetFramework") ?? written.Where("TargetFrameworks") ?? "the SDK"}; {how}") : null,
                null);
        }

        var note = $"dotnet msbuild could not evaluate {project.Path} ({failure}): AssemblyName and TargetFramework are read from the files as written.";
        var writtenAssembly = written.Value("AssemblyName");
        var writtenFramework = written.Value("TargetFramework") ?? written.Value("TargetFrameworks");
        return (
            writtenAssembly is { } a && !a.Value.Contains("$(", StringComparison.Ordinal)
                ? a
                : writtenAssembly is null ? new BuildProperty(project.Name, $"{project.FileName} (no AssemblyName)") : null,
            writtenFramework is { } f && FirstFramework(f.Value, null) is { } first && !first.Contains("$(", StringComparison.Ordinal)
                ? f with { Value = first }
                : null,
            note);
    }

    private static string? FirstFramework(string? single, string? several)
    {
        var value = string.IsNullOrWhiteSpace(single) ? several : single;
        return value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
    }

    private static (Dictionary<string, string>? Properties, string? Failure) Evaluate(ProjectFolder folder, ProjectFile project)
    {
        List<string> arguments =
        [
            "msbuild", Path.Combine(folder.Root, project.Path), "-nologo", "-nodeReuse:false",
            "-getProperty:AssemblyName", "-getProperty:TargetFramework", "-getProperty:TargetFrameworks",
        ];
        // MSBuild looks for Directory.Build.props and .targets up to the file system's root; the build
        // context stops at the folder, so one found only above it must not count here either.
        foreach (var (file, switchOff) in new[] { ("Directory.Build.props", "ImportDirectoryBuildProps"), ("Directory.Build.targets", "ImportDirectoryBuildTargets"), ("Directory.Packages.props", "ImportDirectoryPackagesProps") })
        {
            if (!RestoreInputs.FoldersUp(project.Folder).Any(dir => folder.Exists(dir + file)))
            {
                arguments.Add($"-p:{switchOff}=false");
            }
        }

        var spec = new ProcessSpec("dotnet", arguments)
        {
            WorkingDirectory = folder.Root,
            Timeout = Timeout,
            Environment = new Dictionary<string, string?>
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                ["MSBUILDDISABLENODEREUSE"] = "1",
            },
        };
        ProcessResult result;
        try
        {
            result = ProcessRunner.RunAsync(spec).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return (null, $"dotnet did not start: {e.Message}");
        }

        if (!result.Succeeded)
        {
            var line = (result.StandardOutput + "\n" + result.StandardError).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase));
            return (null, result.TimedOut ? $"no answer in {Timeout.TotalSeconds:0} s" : line ?? $"exit code {result.ExitCode}");
        }

        try
        {
            using var json = JsonDocument.Parse(result.StandardOutput);
            var properties = json.RootElement.GetProperty("Properties").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            return (properties, null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, "its output was not the JSON -getProperty prints");
        }
    }

    /// <summary>The properties as written in the project file, else in the nearest Directory.Build.props
    /// inside the folder (which MSBuild imports before the project), with $(MSBuildProjectName) expanded.</summary>
    private sealed class WrittenProperties(ProjectFolder folder, ProjectFile project)
    {
        public string? Where(string name) => Value(name)?.From;

        public BuildProperty? Value(string name)
        {
            if (project.Property(name) is { } own)
            {
                return new BuildProperty(Expand(own.Value), $"{project.Path}:{own.Line} {name}");
            }

            // MSBuild imports both early (the SDK's props), before the project's own properties.
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props" })
            {
                var props = RestoreInputs.FoldersUp(project.Folder).Select(dir => dir + file).FirstOrDefault(folder.Exists);
                if (props is not null && ProjectFile.Load(folder, props)?.Property(name) is { } shared)
                {
                    return new BuildProperty(Expand(shared.Value), $"{props}:{shared.Line} {name}");
                }
            }

            return null;
        }

        private string Expand(string value) =>
            value.Replace("$(MSBuildProjectName)", project.Name, StringComparison.OrdinalIgnoreCase)
                .Replace("$(ProjectName)", project.Name, StringComparison.OrdinalIgnoreCase);
    }
}
