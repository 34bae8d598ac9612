using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>A build run by an install hook (postinstall, prepare): the Dockerfiles install before they
/// copy the sources, and the production install has no compiler, so the hook fails the build.</summary>
internal static partial class InstallScripts
{
    private static readonly string[] Hooks = ["preinstall", "install", "postinstall", "prepare"];

    public static void Check(PackageJson manifest, string manifestPath, ProjectDetection.Builder found)
    {
        foreach (var hook in Hooks)
        {
            if (manifest.Script(hook) is { } script && Builds().IsMatch(script))
            {
                found.Problem($"{manifestPath}'s {hook} script ({script}) builds at install time, which the Dockerfiles run before the sources are copied (and the production install has no dev tools): move it to a \"build\" script (init runs the app's build, and its workspace packages' first), then init again.");
            }
        }
    }

    // `yarn workspaces run build`, `npm run build`, `tsc`, `turbo build`: not `husky`, `patch-package`, `prisma generate`.
    [GeneratedRegex(@"(^|[\s&;])((npm|yarn|pnpm)\b[^&;]*\brun\s+build\b|(npx\s+)?(tsc|tsup|turbo\s+(run\s+)?build)(\s|$))")]
    private static partial Regex Builds();
}
