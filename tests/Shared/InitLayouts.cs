using System.Text.Json;
using Multistage.Core;

namespace Multistage.Tests.Shared;

/// <summary>One project under tests/InitProjects/ and what `multistage init` must make of it, read from the
/// project's own <see cref="InitLayouts.ExpectationFile"/>: adding a layout is adding a folder.</summary>
/// <param name="Values">Every option value the detector must read: exactly these, nothing more.</param>
/// <param name="Greeting">Part of what the app answers on its own port; a layout with one is built, run and
/// probed by the image tests (init --verify).</param>
/// <param name="AlsoRuntimes">Final-stage choices image-tested beside the one init picks.</param>
/// <param name="Warnings">Parts of the warnings init must print (it then exits with ExitCodes.Incomplete).</param>
/// <param name="Options">What the tests pass to init besides the folder (--skip-existing for a project with a Dockerfile of its own).</param>
/// <param name="BaseImages">Base images its Dockerfiles name that the templates' defaults do not (another version
/// choice, pinned by its Options or by the project itself, e.g. net8.0): the image test has
/// tools/docker/seed-base-images.sh provide them before it builds.</param>
public sealed record InitLayout(
    string Folder,
    string Language,
    string Name,
    IReadOnlyDictionary<string, string> Values,
    string Greeting,
    IReadOnlyList<string> AlsoRuntimes,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Options,
    IReadOnlyList<string> BaseImages)
{
    public bool ImageTest => Greeting.Length > 0;
}

/// <summary>The projects init is tested against, laid out as real ones are (tests/InitProjects/README.md).</summary>
public static class InitLayouts
{
    public const string FolderName = "InitProjects";

    /// <summary>Each layout's expectations, beside its files (never copied with the project).</summary>
    public const string ExpectationFile = ".init-test.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<InitLayout> All { get; } = Load(Directory(TestRepository.Root));

    /// <summary>tests/InitProjects/ of the clone <paramref name="repositoryRoot"/>.</summary>
    public static string Directory(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", FolderName);

    public static InitLayout Get(string folder) =>
        All.SingleOrDefault(l => l.Folder == folder) ?? throw new ArgumentException($"No init layout '{folder}': tests/{FolderName}/{folder}/{ExpectationFile} is missing.");

    /// <summary>Copies a layout's project to <paramref name="destination"/> (created), so a test can write into it.</summary>
    public static string CopyTo(string repositoryRoot, string folder, string destination)
    {
        FolderCopy.Copy(Path.Combine(Directory(repositoryRoot), folder), destination);
        // The test's expectations are not part of the project init reads.
        File.Delete(Path.Combine(destination, ExpectationFile));
        return destination;
    }

    private static List<InitLayout> Load(string root) =>
        System.IO.Directory.GetDirectories(root)
            .Where(folder => File.Exists(Path.Combine(folder, ExpectationFile)))
            .Select(folder => Read(Path.GetFileName(folder), Path.Combine(folder, ExpectationFile)))
            .OrderBy(l => l.Folder, StringComparer.Ordinal)
            .ToList();

    private static InitLayout Read(string folder, string file)
    {
        var data = JsonSerializer.Deserialize<Expectations>(File.ReadAllText(file), JsonOptions)
                   ?? throw new InvalidDataException($"{file} is empty.");
        if (string.IsNullOrEmpty(data.Language) || string.IsNullOrEmpty(data.Name))
        {
            throw new InvalidDataException($"{file}: 'language' and 'name' are required.");
        }

        return new InitLayout(folder, data.Language, data.Name, data.Values ?? [], data.Greeting ?? "", data.AlsoRuntimes ?? [], data.Warnings ?? [], data.Options ?? [], data.BaseImages ?? []);
    }

    private sealed record Expectations(
        string? Language,
        string? Name,
        Dictionary<string, string>? Values,
        string? Greeting,
        List<string>? AlsoRuntimes,
        List<string>? Warnings,
        List<string>? Options,
        List<string>? BaseImages);
}
