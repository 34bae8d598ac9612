using Multistage.Core.Processes;
using Multistage.Core.Templates;

namespace Multistage.Tests.Shared;

/// <summary>`dotnet pack` of one of the repository's projects into a folder, as a release makes the
/// packages users install (the template pack, the Multistage.Cli tool). Compiled into both test projects.</summary>
public static class ProjectPackage
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Packs <paramref name="project"/> (relative to <paramref name="repositoryRoot"/>) into
    /// <paramref name="output"/> and returns the one .nupkg it wrote.</summary>
    public static async Task<string> PackAsync(string repositoryRoot, string project, string output)
    {
        var result = await ProcessRunner.RunAsync(new ProcessSpec(
            "dotnet",
            ["pack", Path.Combine(repositoryRoot, project), "-o", output, "--disable-build-servers", "-nodeReuse:false"])
        {
            Environment = DotnetEnvironment.Quiet,
            Timeout = PackTimeout,
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"dotnet pack {project} failed:\n{result.Describe()}");
        }

        var packages = Directory.GetFiles(output, "*.nupkg");
        return packages.Length == 1
            ? packages[0]
            : throw new InvalidOperationException($"Expected one .nupkg from dotnet pack {project} in {output}, found [{string.Join(", ", packages)}].");
    }
}
