namespace Multistage.Core.Dockerize.Detectors.Dotnet;

/// <summary>Programs a project's build runs (an Exec task) that the build stage's .NET SDK image does not
/// have: Node.js and its package managers, which front-end bundling targets call before every build.</summary>
internal static class BuildTools
{
    private static readonly string[] NodeTools = ["npm", "npx", "node", "yarn", "pnpm"];

    public static void Read(IReadOnlyList<ProjectFile> projects, ProjectDetection.Builder found)
    {
        foreach (var project in projects)
        {
            foreach (var (command, line, target) in project.Execs)
            {
                if (NodeTools.Contains(command.Split(' ', 2)[0]))
                {
                    found.Warning($"{project.Path}:{line} runs `{command}` in the build{(target is null ? "" : $" (target {target})")}, and the build stage's .NET SDK image has no Node.js: dotnet publish would stop there (npm: not found). " +
                                  "Build the front end before the image and commit its output (if the Exec's Condition then skips it), or add Node.js to the build stage of Dockerfile and Dockerfile.single.");
                    break;
                }
            }
        }
    }
}
