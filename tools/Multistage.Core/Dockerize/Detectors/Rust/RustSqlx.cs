using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>sqlx's query macros (`query!`, `query_as!`, ...) check each query against a live database while the
/// crate compiles. The image build has none (a DATABASE_URL in .env stays out of the context), so without the
/// offline data `cargo sqlx prepare` writes (.sqlx/, or sqlx-data.json before sqlx 0.7) `cargo build` fails.</summary>
public static partial class RustSqlx
{
    public static void Read(IReadOnlyList<RustLine> lines, IReadOnlyList<CargoPackage> packages, ProjectFolder context, ProjectDetection.Builder found)
    {
        if (!lines.Any(l => l.Text.Contains("sqlx", StringComparison.Ordinal))
            || lines.Select(l => (Line: l, Macro: QueryMacro().Match(l.Text))).FirstOrDefault(x => x.Macro.Success) is not { Line: not null } use)
        {
            return;
        }

        var folders = packages.Select(p => p.Folder).Append(context);
        if (folders.Any(f => f.FolderExists(".sqlx") || f.Exists("sqlx-data.json")))
        {
            return;
        }

        var macro = use.Macro.Groups[1].Value;
        found.Warning($"{use.Line.Where} uses sqlx's {macro}! macro, which checks its query against a database while compiling: the image build " +
                      "has no database (and .env, with any DATABASE_URL, stays out of the build context), so `cargo build` fails. Run `cargo sqlx prepare` " +
                      "(sqlx-cli, with the database up) and commit the .sqlx/ folder it writes (sqlx-data.json before sqlx 0.7, with sqlx's offline feature): " +
                      "with no DATABASE_URL set, the macros read it instead.");
    }

    [GeneratedRegex(@"\b(query(?:_as|_scalar|_file|_file_as|_file_scalar)?(?:_unchecked)?)!\s*\(")]
    private static partial Regex QueryMacro();
}
