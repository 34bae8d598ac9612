using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>What a workspace member's code shows that its package.json may not: that it listens (the app
/// when no member has a start script) and which workspace members it imports without listing them
/// (Yarn 1 and npm link every member at the root, so such an import works until the image leaves the
/// member out).</summary>
internal static partial class MemberSources
{
    private static readonly string[] Patterns = ["*.js", "*.mjs", "*.cjs", "*.ts", "*.mts", "*.cts"];

    public static bool Listens(ProjectFolder member) => Texts(member).Any(t => Listen().IsMatch(t));

    /// <summary>The names in <paramref name="names"/> the member's code imports or requires.</summary>
    public static IReadOnlyList<string> Imported(ProjectFolder member, IEnumerable<string> names)
    {
        var imported = Texts(member).SelectMany(t => Import().Matches(t).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        return names.Where(imported.Contains).Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Texts(ProjectFolder member) =>
        Patterns.SelectMany(p => member.FilesBelow(p, 4))
            .Where(f => !f.EndsWith(".d.ts", StringComparison.Ordinal) && !f.StartsWith("dist/", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).Take(300)
            .Select(f => member.Read(f) ?? "");

    [GeneratedRegex(@"\.listen\(")]
    private static partial Regex Listen();

    // from '@acme/common', require("@acme/common/sub"), import('x'): the package name, scoped or not.
    [GeneratedRegex(@"(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['""]((?:@[\w.-]+/)?[\w.-]+)(?:/[^'""]*)?['""]", RegexOptions.Multiline)]
    private static partial Regex Import();
}
