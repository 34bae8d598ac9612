using System.Text.RegularExpressions;
using Multistage.Core.Docker;

namespace Multistage.Core.Pipeline;

/// <summary>The rules a finished multi-stage image meets, stated once: the image tests assert them on
/// every template variant and `multistage check` grades a learner's Dockerfile with them.</summary>
public static partial class SampleRules
{
    /// <summary>Package managers a final image without one (multistage.json packageManager null) must not carry.</summary>
    public static readonly IReadOnlyList<string> PackageManagerGlobs = ["**/bin/pip", "**/bin/pip3", "**/bin/pip3.*", "**/bin/npm", "**/bin/npx"];

    /// <summary>A numeric uid other than 0 (with an optional gid), which Kubernetes' runAsNonRoot can verify.</summary>
    public static bool IsNumericNonRoot(string user)
    {
        var match = NumericUser().Match(user);
        return match.Success && match.Groups["uid"].Value != "0";
    }

    /// <summary>What a final image from <paramref name="finalBase"/> must not hold: the template's forbiddenPaths, and
    /// the package managers when the base is a runtime choice that declares none (a base no choice names: the
    /// forbiddenPaths alone).</summary>
    public static IEnumerable<string> ForbiddenGlobs(Templates.TemplateMetadata template, string? finalBase)
    {
        var runtime = template.Runtimes.Values.FirstOrDefault(choice => string.Equals(choice.RuntimeImage, finalBase, StringComparison.Ordinal));
        return runtime is { PackageManager: null } ? [.. template.ForbiddenPaths, .. PackageManagerGlobs] : template.ForbiddenPaths;
    }

    /// <summary>Each file of the image that a glob forbids, as "path (matches glob)".</summary>
    public static IReadOnlyList<string> ForbiddenFiles(IEnumerable<string> files, IEnumerable<string> globs)
    {
        var compiled = globs.Select(pattern => new PathGlob(pattern)).ToList();
        return files
            .SelectMany(path => compiled.Where(glob => glob.IsMatch(path)).Select(glob => $"{path} (matches {glob.Pattern})"))
            .ToList();
    }

    /// <summary>What a rebuild after a source-only change did with the dependency step.</summary>
    public static DependencyCacheUse DependencyCache(BuildResult rebuild, string dependencyStep)
    {
        var steps = rebuild.StepsContaining(dependencyStep);
        return new DependencyCacheUse(
            steps.Count,
            steps.Where(step => !step.Cached).Select(step => step.Name).ToList(),
            rebuild.Steps.Any(step => !step.Cached && BuildInstruction().IsMatch(step.Name)));
    }

    [GeneratedRegex(@"^(?<uid>\d+)(:\d+)?$")]
    private static partial Regex NumericUser();

    // A Dockerfile step in BuildKit's log: `[stage n/m] COPY ...` (not `[internal] ...` or a FROM).
    [GeneratedRegex(@"^\[[^\]]+ \d+/\d+\] (COPY|ADD|RUN) ")]
    private static partial Regex BuildInstruction();
}

/// <param name="DependencySteps">Build steps that hold the dependency step's text (0: it was not found).</param>
/// <param name="Rerun">Those of them that ran again instead of coming from the cache.</param>
/// <param name="ChangeReachedBuild">Some COPY/ADD/RUN step ran again, so the source change reached the build
/// at all (if not, "cached" proves nothing).</param>
public sealed record DependencyCacheUse(int DependencySteps, IReadOnlyList<string> Rerun, bool ChangeReachedBuild)
{
    public bool Reused => DependencySteps > 0 && Rerun.Count == 0 && ChangeReachedBuild;
}
