using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Python;

/// <summary>Where the project lists its packages, most exact first: uv.lock, poetry.lock (locked installs),
/// requirements.txt, pyproject.toml; and the text the servers it lists are looked for in.</summary>
/// <param name="Folder">The folder the requirement lists are split into (requirements/), which the images copy
/// beside <paramref name="File"/>; "" when there is none. <paramref name="FolderFrom"/> says where it was seen.</param>
internal sealed partial record PythonDependencies(string Choice, string File, string Packages, string Folder = "", string FolderFrom = "")
{
    /// <summary>The list a split layout installs in the image, production's first; base.txt when it is the only common one.</summary>
    private static readonly string[] SplitLists = ["prod.txt", "production.txt", "base.txt", "common.txt"];

    private const string SplitFolder = "requirements";

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
            return Split(folder, "requirements.txt", requirements);
        }

        if (pyproject is not null)
        {
            return new("pyproject", "pyproject.toml", pyproject);
        }

        // Only requirements/*.txt (base, dev, prod): the production list, with the folder its -r lines resolve in.
        return SplitLists.Select(l => $"{SplitFolder}/{l}").FirstOrDefault(folder.Exists) is { } list
            ? Split(folder, list, folder.Read(list)!) with { Folder = SplitFolder, FolderFrom = $"{list}: the production list of {SplitFolder}/" }
            : null;
    }

    /// <summary>A list with its -r includes: their packages count as listed, and a subfolder they are in is copied too.</summary>
    private static PythonDependencies Split(ProjectFolder folder, string file, string text)
    {
        var packages = new System.Text.StringBuilder(text);
        var folderName = "";
        var folderFrom = "";
        var seen = new HashSet<string>(StringComparer.Ordinal) { file };
        var todo = new Queue<(string File, string Text)>([(file, text)]);
        while (todo.Count > 0)
        {
            var (current, content) = todo.Dequeue();
            var source = new PythonSource(current, content);
            foreach (Match include in Include().Matches(content))
            {
                // An include that leaves the project cannot be in the image's build context: not read.
                if (RelativePath.Resolve(current.Contains('/') ? current[..current.LastIndexOf('/')] : "", include.Groups["path"].Value) is not { } path)
                {
                    continue;
                }

                if (!current.Contains('/') && path.Contains('/') && folderName.Length == 0)
                {
                    folderName = path[..path.IndexOf('/')];
                    folderFrom = $"{source.Where(include)} ({source.Quote(include)})";
                }

                if (seen.Add(path) && folder.Read(path) is { } included)
                {
                    packages.Append('\n').Append(included);
                    todo.Enqueue((path, included));
                }
            }
        }

        return new("requirements", file, packages.ToString(), folderName, folderFrom);
    }

    /// <summary>Whether the project's packages include <paramref name="package"/>; fastapi[standard] brings uvicorn.</summary>
    public bool Lists(string package) =>
        Listed(package).IsMatch(Packages) || (package == "uvicorn" && FastApiStandard().IsMatch(Packages));

    /// <summary>A pyproject.toml install reads [project] dependencies: without that table it installs nothing.</summary>
    private bool HasProjectTable => Choice != "pyproject" || ProjectTable().IsMatch(Packages);

    /// <summary>Why a pyproject.toml without [project] lists no packages, and the fix. Poetry 1 lists them only in
    /// poetry.lock's input; a pyproject.toml of tool settings (black, ruff, pytest) is not the package list at all,
    /// and a requirements.txt one or two folders down (src/) is where the project keeps it: init belongs there.</summary>
    public string? Missing(ProjectFolder folder)
    {
        if (HasProjectTable)
        {
            return null;
        }

        if (PoetryTable().IsMatch(Packages))
        {
            return "pyproject.toml has no [project] table to read dependencies from (Poetry 1's [tool.poetry] only): run `poetry lock` and commit poetry.lock, or add a requirements.txt.";
        }

        var tables = ToolTable().Matches(Packages).Select(m => m.Value.Trim()).Distinct().ToList();
        var settings = tables.Count > 0 ? $", only tool settings ({string.Join(", ", tables)})" : "";
        // docs/requirements.txt (Sphinx for Read the Docs) and tests' lists are not the app's packages.
        var below = folder.FilesBelow("requirements.txt", 2)
            .FirstOrDefault(p => p.Contains('/') && !p.Split('/').Any(part => part is "docs" or "doc" or "tests" or "test"));
        var fix = below is null
            ? "List the packages in a requirements.txt or in a [project] table's dependencies."
            : $"{below} lists them: run init in {below[..below.LastIndexOf('/')]}/, the folder that holds them.";
        return $"pyproject.toml has no [project] table{settings}: it lists no packages, and there is no requirements.txt or lock file beside it. {fix}";
    }

    // A requirement line, a quoted pyproject dependency, or a lock file's name = "...".
    private static Regex Listed(string package) => new($@"(^\s*|[""']){Regex.Escape(package)}\b", RegexOptions.Multiline | RegexOptions.IgnoreCase);

    // -r other.txt, --requirement other.txt, --requirement=other.txt
    [GeneratedRegex(@"^\s*(?:-r|--requirement)[=\s]\s*(?<path>\S+)", RegexOptions.Multiline)]
    private static partial Regex Include();

    [GeneratedRegex(@"fastapi\[[^\]]*\bstandard\b", RegexOptions.IgnoreCase)]
    private static partial Regex FastApiStandard();

    [GeneratedRegex(@"^\[project\]", RegexOptions.Multiline)]
    private static partial Regex ProjectTable();

    [GeneratedRegex(@"^\[tool\.poetry[\].]", RegexOptions.Multiline)]
    private static partial Regex PoetryTable();

    // A tool's own table ([tool.ruff]; pytest's is [tool.pytest.ini_options]), not a subtable such as [tool.ruff.lint].
    [GeneratedRegex(@"^\[tool\.[A-Za-z0-9_-]+(?:\.ini_options)?\]", RegexOptions.Multiline)]
    private static partial Regex ToolTable();
}
