using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>The folder tsup writes: dist/ unless its config file names an outDir (Turborepo's
/// kitchen-sink builds apps/api and packages/logger with a bare `tsup`, its entry in tsup.config.ts).</summary>
internal static partial class TsupOutput
{
    private static readonly string[] ConfigFiles = ["tsup.config.ts", "tsup.config.js", "tsup.config.mjs", "tsup.config.cjs", "tsup.config.json"];

    /// <summary>The folder, with the file that says so; null when the build script does not run tsup or
    /// the config computes its outDir.</summary>
    public static (string Folder, string Source)? Read(ProjectFolder folder, string build)
    {
        if (!RunsTsup().IsMatch(build))
        {
            return null;
        }

        foreach (var file in ConfigFiles.Where(folder.Exists))
        {
            var text = folder.Read(file)!;
            if (OutDir().Match(text) is { Success: true } named)
            {
                return (EntryReader.Normalise(named.Groups[1].Value).TrimEnd('/'), $"{file} outDir");
            }

            if (text.Contains("outDir", StringComparison.Ordinal))
            {
                return null;
            }
        }

        return ("dist", "tsup's default outDir");
    }

    [GeneratedRegex(@"(^|[\s&;])(npx\s+)?tsup(\s|$)")]
    private static partial Regex RunsTsup();

    [GeneratedRegex(@"[""']?outDir[""']?\s*:\s*[""']([^""']+)[""']")]
    private static partial Regex OutDir();
}
