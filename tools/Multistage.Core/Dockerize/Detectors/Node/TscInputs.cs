using System.Text;
using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>The files tsc compiles (tsconfig's files, include and exclude, as tsc reads them) and, without a
/// rootDir, the folder it writes outDir from: their common folder. src/ when every source is there; the
/// project folder once one is beside it (an eslint.config.ts, a drizzle.config.ts), and dist/src/index.js
/// then, not dist/index.js.</summary>
internal static class TscInputs
{
    private static readonly string[] TypeScript = [".ts", ".tsx", ".mts", ".cts"];

    private static readonly string[] JavaScript = [".js", ".jsx", ".mjs", ".cjs"];

    /// <returns>"" for the project folder, else a folder such as src; null when no input is found here.</returns>
    public static string? CommonRoot(ProjectFolder folder, TsconfigReader.Tsconfig config)
    {
        var inputs = Inputs(folder, config);
        if (inputs.Count == 0)
        {
            return null;
        }

        var common = inputs[0].Split('/')[..^1];
        foreach (var input in inputs.Skip(1))
        {
            var parts = input.Split('/')[..^1];
            var same = 0;
            while (same < common.Length && same < parts.Length && common[same] == parts[same])
            {
                same++;
            }

            common = common[..same];
        }

        return string.Join('/', common);
    }

    /// <summary>The project's files tsc reads as inputs (declaration files are not), relative to the folder.</summary>
    public static IReadOnlyList<string> Inputs(ProjectFolder folder, TsconfigReader.Tsconfig config)
    {
        bool Source(string file) =>
            !file.EndsWith(".d.ts", StringComparison.Ordinal) && !file.EndsWith(".d.mts", StringComparison.Ordinal) && !file.EndsWith(".d.cts", StringComparison.Ordinal)
            && (TypeScript.Contains(Path.GetExtension(file)) || (config.AllowJs && JavaScript.Contains(Path.GetExtension(file))));

        // node_modules and dist/ are skipped by ProjectFolder, as tsc skips node_modules and outDir by default.
        var all = folder.FilesBelow("*.*", 12).Where(Source).ToList();
        // Without include, tsc takes every file, unless files is given (then none).
        var include = (config.Include ?? (config.Files is null ? ["**/*"] : [])).Select(g => Glob(g, folder)).ToList();
        var exclude = (config.Exclude ?? []).SelectMany(g => new[] { Glob(g, folder), Glob(g.TrimEnd('/') + "/**/*", folder) }).ToList();
        var outDir = config.OutDir is { } o ? EntryReader.Normalise(o).TrimEnd('/') + "/" : null;
        return all.Where(f => include.Any(r => r.IsMatch(f)) && !exclude.Any(r => r.IsMatch(f)) && (outDir is null || !f.StartsWith(outDir, StringComparison.Ordinal)))
            .Concat((config.Files ?? []).Select(EntryReader.Normalise).Where(folder.Exists).Where(Source))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>tsc's glob: `*` and `?` within a folder, `**/` any folders; a last part without a wildcard
    /// or an extension is a folder, meaning everything under it.</summary>
    private static Regex Glob(string glob, ProjectFolder folder)
    {
        var pattern = EntryReader.Normalise(glob.Trim()).TrimEnd('/');
        if (pattern is "" or ".")
        {
            pattern = "**/*";
        }

        var last = pattern.Split('/')[^1];
        if (!last.Contains('*', StringComparison.Ordinal) && !last.Contains('?', StringComparison.Ordinal)
            && (!last.Contains('.', StringComparison.Ordinal) || folder.FolderExists(pattern)))
        {
            pattern += "/**/*";
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 2 < pattern.Length && pattern[i + 1] == '*' && pattern[i + 2] == '/')
            {
                regex.Append("(?:[^/]+/)*");
                i += 2;
            }
            else if (pattern[i] == '*')
            {
                regex.Append("[^/]*");
            }
            else if (pattern[i] == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(pattern[i].ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
