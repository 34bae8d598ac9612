using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Python;

/// <summary>Where the project lists its packages, most exact first: uv.lock, poetry.lock (locked installs),
/// requirements.txt, pyproject.toml; and the text the servers it lists are looked for in.</summary>
internal sealed partial record PythonDependencies(string Choice, string File, string Packages)
{
    public static PythonDependencies? Read(ProjectFolder folder)
    {
        var pyproject = folder.Read("pyproject.toml");
        if (pyproject is not null && folder.Read("uv.lock") is { } uv)
        {
            return new("uv", "uv.lock", uv);
        }

        if (pyproject is not null && folder.Read("poetry.lock") is { } poetry)
        {
            return new("poetry", "poetry.lock", poetry);
        }

        if (folder.Read("requirements.txt") is { } requirements)
        {
            return new("requirements", "requirements.txt", requirements);
        }

        return pyproject is null ? null : new("pyproject", "pyproject.toml", pyproject);
    }

    /// <summary>Whether the project's packages include <paramref name="package"/>; fastapi[standard] brings uvicorn.</summary>
    public bool Lists(string package) =>
        Listed(package).IsMatch(Packages) || (package == "uvicorn" && FastApiStandard().IsMatch(Packages));

    /// <summary>A pyproject.toml install reads [project] dependencies; Poetry 1's [tool.poetry.dependencies]
    /// without a lock file has none, and the build would install nothing.</summary>
    public bool HasProjectTable => Choice != "pyproject" || ProjectTable().IsMatch(Packages);

    // A requirement line, a quoted pyproject dependency, or a lock file's name = "...".
    private static Regex Listed(string package) => new($@"(^\s*|[""']){Regex.Escape(package)}\b", RegexOptions.Multiline | RegexOptions.IgnoreCase);

    [GeneratedRegex(@"fastapi\[[^\]]*\bstandard\b", RegexOptions.IgnoreCase)]
    private static partial Regex FastApiStandard();

    [GeneratedRegex(@"^\[project\]", RegexOptions.Multiline)]
    private static partial Regex ProjectTable();
}
