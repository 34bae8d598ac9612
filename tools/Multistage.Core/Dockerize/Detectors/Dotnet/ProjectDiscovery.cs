using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Dotnet;

/// <summary>Which project files a folder holds: the one --set project-file names, the project files in
/// the folder itself, the projects a solution (.sln or .slnx) in it lists, or, with neither, those under
/// src/ (a repository of projects without a solution).</summary>
internal static partial class ProjectDiscovery
{
    /// <summary>Beside: with project files in the folder, what its solution lists, for when none of them
    /// is the web app (a packaging-only Template.csproj beside the .slnx of a `dotnet new` pack).</summary>
    public sealed record Found(string? Solution, IReadOnlyList<string> Projects, string How, Found? Beside = null);

    public static Found? Find(ProjectFolder folder)
    {
        var solution = folder.Files("", "*.sln").Concat(folder.Files("", "*.slnx")).FirstOrDefault();
        var inSolution = solution is null ? null : OfSolution(folder, solution);
        var here = folder.Files("", "*.csproj");
        if (here.Count > 0)
        {
            return new Found(null, here, "the folder's project file", inSolution);
        }

        if (inSolution is not null)
        {
            return inSolution;
        }

        // No solution: the layout of many repositories (src/<Project>/<Project>.csproj). Only src/, so a
        // folder that merely holds projects somewhere below (a workspace, a home folder) is no project.
        var below = Below(folder, "src", 2).ToList();
        return below.Count > 0 ? new Found(null, below, "the web project under src/ (no solution)") : null;
    }

    private static Found OfSolution(ProjectFolder folder, string solution)
    {
        var listed = Listed(folder, solution).Where(folder.Exists).ToList();
        return listed.Count > 0
            ? new Found(solution, listed, $"the web project of {solution}")
            : new Found(solution, folder.FilesBelow("*.csproj", 3), $"the web project below {solution}");
    }

    /// <summary>The C# projects a solution lists, with '/' between folders.</summary>
    private static IEnumerable<string> Listed(ProjectFolder folder, string solution)
    {
        var text = folder.Read(solution) ?? "";
        var pattern = solution.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) ? SlnxProject() : SlnProject();
        return pattern.Matches(text).Select(m => m.Groups["path"].Value.Replace('\\', '/'))
            .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Below(ProjectFolder folder, string dir, int depth) =>
        !folder.FolderExists(dir) ? [] :
        folder.Files(dir, "*.csproj").Concat(depth == 0 ? [] : folder.Folders(dir).SelectMany(d => Below(folder, d, depth - 1)));

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*"",\s*""(?<path>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex SlnProject();

    [GeneratedRegex(@"<Project\s+Path=""(?<path>[^""]+)""")]
    private static partial Regex SlnxProject();
}
