using System.Collections.Concurrent;
using Multistage.Core.Processes;
using Multistage.Core.Templates;

namespace Templates.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class TemplatesCollection : ICollectionFixture<TemplatesFixture>, ICollectionFixture<PackagesFixture>
{
    public const string Name = "Templates";
}

/// <summary>
/// Shared by the tests of one run: the catalog, one template hive, and each `dotnet new` output (a scenario's, or
/// any template and options), generated once on first use. Everything lives in a temporary folder that is removed at the end.
/// </summary>
public sealed class TemplatesFixture : IDisposable
{
    private readonly Lazy<IReadOnlyList<TemplateMetadata>> _templates;
    private readonly Lazy<Task<TemplateHive>> _hive;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _outputs = new(StringComparer.Ordinal);
    private int _scratchCounter;

    public TemplatesFixture()
    {
        Root = RepositoryLayout.FindRoot();
        TemplatesDirectory = RepositoryLayout.TemplatesDirectory(Root);
        SnapshotsDirectory = RepositoryData.SnapshotsDirectory;
        WorkDirectory = TempFolder.NewPath("templates-tests");
        Directory.CreateDirectory(WorkDirectory);
        _templates = new Lazy<IReadOnlyList<TemplateMetadata>>(() => TemplateCatalog.Load(TemplatesDirectory));
        _hive = new Lazy<Task<TemplateHive>>(CreateHiveAsync);
    }

    public string Root { get; }

    public string TemplatesDirectory { get; }

    public string SnapshotsDirectory { get; }

    public string WorkDirectory { get; }

    public IReadOnlyList<TemplateMetadata> Templates => _templates.Value;

    public IReadOnlyList<Scenario> Scenarios => Scenario.For(Templates);

    public Scenario GetScenario(string name) =>
        Scenarios.SingleOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"No scenario named '{name}'; known: {string.Join(", ", Scenarios.Select(s => s.Name))}");

    public TemplateMetadata GetTemplate(string language) =>
        Templates.SingleOrDefault(t => t.Language == language)
        ?? throw new ArgumentException($"No template '{language}' in {TemplatesDirectory}");

    public Task<TemplateHive> GetHiveAsync() => _hive.Value;

    /// <summary>The scenario's generated tree (generated on first call); throws with the dotnet new output on failure.</summary>
    public Task<string> GenerateAsync(string scenarioName)
    {
        var scenario = GetScenario(scenarioName);
        return GenerateAsync(scenario.ShortName, scenario.Options, scenario.Name);
    }

    /// <summary>`dotnet new <paramref name="shortName"/> <paramref name="options"/>` from the clone's hive, run once per
    /// run for the same template and options and shared by every test that asks: read it, or copy it to change it.
    /// <paramref name="folderName"/> names the output folder when this call is the first.</summary>
    public Task<string> GenerateAsync(string shortName, IReadOnlyList<string> options, string folderName) =>
        _outputs.GetOrAdd(string.Join('\0', options.Prepend(shortName)),
            _ => new Lazy<Task<string>>(() => GenerateOnceAsync(shortName, options, folderName))).Value;

    /// <summary>A fresh, not yet existing path under the work folder, for a test's own output.</summary>
    public string NewScratchPath(string hint) =>
        Path.Combine(WorkDirectory, "scratch", $"{hint}-{Interlocked.Increment(ref _scratchCounter)}");

    public void Dispose() => TempFolder.Remove(WorkDirectory);

    private Task<TemplateHive> CreateHiveAsync() => CloneHive.CreateAsync(Path.Combine(WorkDirectory, "hive"));

    private async Task<string> GenerateOnceAsync(string shortName, IReadOnlyList<string> options, string folderName)
    {
        var hive = await GetHiveAsync();
        var output = Path.Combine(WorkDirectory, "outputs", folderName);
        ProcessResult result = await hive.InstantiateAsync(shortName, output, options);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"dotnet new {shortName} {string.Join(' ', options)} failed:\n{result.Describe()}");
        }
        return output;
    }
}
