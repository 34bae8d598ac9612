using System.Text.Json;

namespace Images.Tests;

/// <summary>
/// One package index the image tests serve from a folder, for the build argument <see cref="BuildArg"/> that a
/// template names in packageIndexBuildArg: an entry of <see cref="RelativePath"/>, so a language whose registry
/// the tests cannot reach is one entry there, not code.
/// </summary>
/// <param name="Name">How messages name it, after "the" ("Python wheelhouse").</param>
/// <param name="Contents">What a hand-built folder must hold.</param>
/// <param name="FolderVariable">The variable that names the folder to serve.</param>
/// <param name="CacheFolder">The folder under $MULTISTAGE_CACHE served when the variable is unset.</param>
/// <param name="Builder">The script (relative to the repository root) that builds or refreshes the folder.</param>
/// <param name="IndexFolder">The index's folder below the root, used when the folder has it; null serves the root.</param>
public sealed record LocalPackageIndex(
    string BuildArg, string Name, string Contents, string FolderVariable, string CacheFolder, string Builder, string? IndexFolder = null)
{
    public const string RelativePath = "tests/Images.Tests/local-package-indexes.json";

    /// <summary>The cache folder when $MULTISTAGE_CACHE is unset, as tools/docker's scripts have it.</summary>
    public const string DefaultCache = "/var/cache/multistage";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The clone's entries; a missing field or a build argument listed twice throws naming the file.</summary>
    public static IReadOnlyList<LocalPackageIndex> Load(string repositoryRoot) =>
        Parse(File.ReadAllText(Path.Combine(repositoryRoot, RelativePath)));

    public static IReadOnlyList<LocalPackageIndex> Parse(string json)
    {
        List<LocalPackageIndex> indexes;
        try
        {
            indexes = JsonSerializer.Deserialize<List<LocalPackageIndex>>(json, JsonOptions) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{RelativePath}: {e.Message}", e);
        }

        var incomplete = indexes.Where(i => new[] { i.BuildArg, i.Name, i.Contents, i.FolderVariable, i.CacheFolder, i.Builder }.Any(string.IsNullOrWhiteSpace));
        var twice = indexes.GroupBy(i => i.BuildArg, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
        var problems = incomplete.Select(i => $"the entry for '{i.BuildArg}' lacks a field").Concat(twice.Select(a => $"'{a}' is listed twice")).ToList();
        return problems.Count == 0
            ? indexes
            : throw new InvalidDataException($"{RelativePath}: {string.Join("; ", problems)}.");
    }

    /// <summary>The folder to serve: $<see cref="FolderVariable"/>, else <see cref="CacheFolder"/> under $MULTISTAGE_CACHE.</summary>
    public string Folder(Func<string, string?> environment) =>
        environment(FolderVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(environment(Multistage.Core.MultistageCache.Variable) is { Length: > 0 } cache ? cache : DefaultCache, CacheFolder);

    /// <summary>The build argument's value for <paramref name="folder"/> served at <paramref name="baseUrl"/> (ending in '/').</summary>
    public string Url(string baseUrl, string folder) =>
        IndexFolder is { Length: > 0 } index && Directory.Exists(Path.Combine(folder, index)) ? $"{baseUrl}{index}/" : baseUrl;
}
