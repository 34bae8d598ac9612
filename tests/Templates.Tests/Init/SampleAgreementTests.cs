using System.Text.Json;
using System.Text.RegularExpressions;
using Multistage.Core.Dockerize;
using Templates.Tests.Infrastructure;

namespace Templates.Tests.Init;

/// <summary>
/// The sample's multi-stage Dockerfile and the one init writes for that same sample set the same things:
/// every ENV, and the build tool's flags, variables and cache mounts (DockerfileSettings). The two files are
/// written separately (CONTRIBUTING: the item templates repeat the teaching steps), so this is what keeps a
/// change to one (PYTHONUNBUFFERED, -trimpath, a cache id) from missing the other. init's side is the item
/// template rendered with what its detector reads from the generated sample, the sample's name and runtime.
/// </summary>
[Collection(TemplatesCollection.Name)]
public sealed partial class SampleAgreementTests(TemplatesFixture fixture)
{
    public static TheoryData<string> SampleRuntimeScenarios() =>
        new(RepositoryData.AllScenarios().Where(s => s.SelectsRuntime && !s.IsItem).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SampleRuntimeScenarios))]
    public async Task Init_on_the_sample_sets_what_the_sample_sets(string scenarioName)
    {
        var ct = TestContext.Current.CancellationToken;
        var scenario = fixture.GetScenario(scenarioName);
        var template = scenario.Template;
        var sample = await fixture.GenerateAsync(scenarioName);
        var item = ItemTemplate.Load(template.Language, template.FolderPath);

        var detection = ProjectDetectors.For(template.Language)?.Detect(new ProjectFolder(sample));
        Assert.True(detection is not null, $"The {template.Language} detector does not recognise the generated sample in {sample}.");
        List<string> options = ["-n", Scenario.FixedName, "--runtime", scenario.Runtime,
            .. detection.Values.Where(v => v.Option != "runtime").SelectMany(v => new[] { $"--{v.Option}", v.Value })];
        var initOutput = fixture.NewScratchPath($"init-{scenarioName}");
        var hive = await fixture.GetHiveAsync();
        var result = await hive.InstantiateAsync(item.ShortName, initOutput, options, ct);
        Assert.True(result.Succeeded, $"dotnet new {item.ShortName} {string.Join(' ', options)} failed:\n{result.Describe()}");

        var tool = template.DependencyStep.Split(' ')[0];
        var layoutFlags = LayoutFlags(item);
        var sampleSettings = DockerfileSettings.Read(await File.ReadAllTextAsync(Path.Combine(sample, "Dockerfile"), ct), tool, layoutFlags);
        var initSettings = DockerfileSettings.Read(await File.ReadAllTextAsync(Path.Combine(initOutput, "Dockerfile"), ct), tool, layoutFlags);

        var port = $"={template.DefaultPort}";
        var onlySample = sampleSettings.Except(initSettings).Where(s => !IsPortVariable(s, port)).ToList();
        var onlyInit = initSettings.Except(sampleSettings).Where(s => !IsPortVariable(s, port) && !StatedBySampleProject.ContainsKey(s)).ToList();
        Assert.True(onlySample.Count == 0 && onlyInit.Count == 0,
            $"The sample ({scenario}) and init's Dockerfile for it (dotnet new {item.ShortName} {string.Join(' ', options)}) disagree. " +
            $"Only in {Path.Combine(template.FolderPath, "Dockerfile")}:{Lines(onlySample)}\n" +
            $"Only in {Path.Combine(item.FolderPath, "Dockerfile")}:{Lines(onlyInit)}\n" +
            $"Make the change in both (generated in {sample} and {initOutput}).");
        Assert.Contains(sampleSettings, s => s.StartsWith($"RUN {tool}", StringComparison.Ordinal));
    }

    /// <summary>What init's Dockerfile must set because a project may not, where the sample's own project file
    /// states it (and the sample's Dockerfile therefore does not repeat it). Keep this short: each entry is a
    /// difference a reader of both files has to understand.</summary>
    private static readonly Dictionary<string, string> StatedBySampleProject = new(StringComparer.Ordinal)
    {
        ["ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true"] = "the sample's .csproj sets InvariantGlobalization; a user's project may not, and chiseled and AOT images have no ICU",
        ["RUN dotnet restore: -p:PublishAot=true"] = "the sample's .csproj sets PublishAot for --runtime aot; init's --runtime aot may meet a project without it",
        ["RUN dotnet publish: -p:PublishAot=true"] = "as for restore",
    };

    /// <summary>The ENV that gives the app its port: the variable is the app's own (the sample reads PORT, the
    /// input contract; init sets the one its detector found, --port-variable), so only its presence is shared.</summary>
    private static bool IsPortVariable(string setting, string portValue) =>
        setting.StartsWith("ENV ", StringComparison.Ordinal) && setting.EndsWith(portValue, StringComparison.Ordinal);

    private static string Lines(IReadOnlyList<string> settings) =>
        settings.Count == 0 ? " (none)" : "\n  " + string.Join("\n  ", settings);

    /// <summary>Flags of the item template's Dockerfile whose value is one of its placeholders (`--bin RUST_BINARY`,
    /// `-o /out/GO_BINARY`): they pass the project's layout, which the sample knows as plain text.</summary>
    private static HashSet<string> LayoutFlags(ItemTemplate item)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(item.FolderPath, ".template.config", "template.json")));
        var placeholders = json.RootElement.GetProperty("symbols").EnumerateObject()
            .Select(s => s.Value.TryGetProperty("replaces", out var r) ? r.GetString() ?? "" : "")
            .Where(r => Placeholder().IsMatch(r))
            .ToList();
        var dockerfile = File.ReadAllText(Path.Combine(item.FolderPath, "Dockerfile"));
        return FlagWithValue().Matches(dockerfile)
            .Where(m => placeholders.Any(p => m.Groups["value"].Value.Contains(p, StringComparison.Ordinal)))
            .Select(m => m.Groups["flag"].Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]*_[A-Z0-9_]+$")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""(?<![\w-])(?<flag>--?[A-Za-z][\w-]*)[ =]"?(?<value>[^\s"]+)""")]
    private static partial Regex FlagWithValue();
}
