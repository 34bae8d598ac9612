using System.Text.Json.Nodes;
using Multistage.Core.Docker;
using Multistage.Core.Dockerize;
using Multistage.Core.Pipeline;
using Multistage.Core.Templates;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>
/// A toolchain version bump, done on a copy of one language's template folder as a contributor does it:
/// a new choice made the default in the project template's template.json, then the item template's copy
/// refreshed (what MULTISTAGE_ACCEPT_SNAPSHOTS=1 does). Every output that names the toolchain image must
/// follow (the catalog, and both templates as `dotnet new` renders them: Dockerfiles and prose), every
/// pitfall edit must still apply, and no other file may have needed an edit.
/// </summary>
[Collection(TemplatesCollection.Name)]
public sealed class ToolchainBumpTests(TemplatesFixture fixture)
{
    public static TheoryData<string> ToolchainLanguages() =>
        new(TemplateCatalog.Load(TestRepository.TemplatesDirectory).Where(t => t.Toolchain is not null).Select(t => t.Language));

    [Theory]
    [MemberData(nameof(ToolchainLanguages))]
    public async Task A_version_bump_in_template_json_reaches_every_output(string language)
    {
        var original = fixture.GetTemplate(language);
        var toolchain = original.Toolchain!;
        var newVersion = VersionBump.NextVersion(toolchain.DefaultValue);
        var templates = fixture.NewScratchPath($"bump-{language}");
        var folder = Path.Combine(templates, language);
        VersionBump.CopyTemplates(original.FolderPath, folder);
        var projectFile = Path.Combine(folder, ".template.config", TemplateDefinition.FileName);
        var itemFile = Path.Combine(folder, ItemTemplate.FolderName, ".template.config", TemplateDefinition.FileName);

        // The one edit: the new version as a choice, and the default.
        var project = JsonNode.Parse(File.ReadAllText(projectFile))!;
        var symbol = project["symbols"]![toolchain.Name]!;
        symbol["defaultValue"] = newVersion;
        symbol["choices"]!.AsArray().Add(new JsonObject { ["choice"] = newVersion, ["description"] = $"Version {newVersion} (newest)." });
        File.WriteAllText(projectFile, project.ToJsonString(new() { WriteIndented = true }) + "\n");
        // What accepting does: the item template's copy of the symbol follows.
        File.WriteAllText(itemFile, ToolchainCopy.Apply(File.ReadAllText(projectFile), File.ReadAllText(itemFile), toolchain.Name));

        Assert.Equal([$"{ItemTemplate.FolderName}/.template.config/template.json", ".template.config/template.json"], VersionBump.ChangedFiles(folder, original.FolderPath));

        // The catalog: every image that named the old default now names the new one, nothing else moved.
        var bumped = Assert.Single(TemplateCatalog.Load(templates));
        Assert.Equal(newVersion, bumped.Toolchain?.DefaultValue);
        Assert.Equal(Bump(toolchain, original.SingleStageImage, newVersion), bumped.SingleStageImage);
        Assert.NotEqual(original.SingleStageImage, bumped.SingleStageImage);
        foreach (var (name, runtime) in original.Runtimes)
        {
            Assert.Equal(Bump(toolchain, runtime.BuilderImage, newVersion), bumped.Runtimes[name].BuilderImage);
            Assert.Equal(Bump(toolchain, runtime.RuntimeImage, newVersion), bumped.Runtimes[name].RuntimeImage);
        }

        // Every dotnet new the test reads, started at once (the hive runs as many as it has lanes): both templates with
        // their defaults, and the project template once per runtime a pitfall edits (the pitfalls only read it).
        var hive = await TemplateHive.CreateAsync(Path.Combine(templates, "hive"), [folder], cache: null, TestContext.Current.CancellationToken);
        var item = ItemTemplate.Load(language, folder);
        var itemToolchain = TemplateDefinition.Load(item.FolderPath).Toolchain!;
        var pitfalls = Pitfall.LoadFor(bumped).Where(p => p.Edits is { Count: > 0 }).ToList();
        var defaults = new[] { (bumped.ShortName, toolchain), (item.ShortName, itemToolchain) }
            .Select(t => (t.ShortName, Rendered: t.Item2, Output: Path.Combine(templates, "out", t.ShortName)))
            .Select(t => (t.ShortName, t.Rendered, t.Output, Run: InstantiateAsync(hive, t.ShortName, t.Output, [])))
            .ToList();
        var samples = pitfalls.Select(p => p.RuntimeOf(bumped)).Distinct(StringComparer.Ordinal)
            .ToDictionary(runtime => runtime, runtime => Path.Combine(templates, "pitfalls", runtime), StringComparer.Ordinal);
        var sampleRuns = samples.Select(s => InstantiateAsync(hive, bumped.ShortName, s.Value, ["--runtime", s.Key])).ToList();
        await Task.WhenAll(defaults.Select(d => d.Run).Concat(sampleRuns));

        // Both templates as dotnet new renders them from the bumped folder, with their defaults.
        foreach (var (shortName, rendered, output, _) in defaults)
        {
            var where = $"dotnet new {shortName} after bumping {toolchain.Name} to {newVersion} (output: {output})";

            var multi = DockerfileStages.BaseImages(DockerfileStages.Read(Path.Combine(output, TemplateImages.MultiStageFile)));
            var expected = new[] { bumped.DefaultRuntimeChoice.BuilderImage, bumped.DefaultRuntimeChoice.RuntimeImage }.Distinct();
            Assert.True(multi.SequenceEqual(expected), $"{where}: Dockerfile builds on [{string.Join(", ", multi)}], expected [{string.Join(", ", expected)}].");
            var single = DockerfileStages.BaseImages(DockerfileStages.Read(Path.Combine(output, TemplateImages.SingleStageFile)));
            Assert.True(single.SequenceEqual([bumped.SingleStageImage]), $"{where}: Dockerfile.single builds on [{string.Join(", ", single)}], expected {bumped.SingleStageImage}.");

            // Prose and every other file: the old version is gone wherever the symbol replaces it.
            var stale = FileTree.RelativeFiles(output)
                .Where(f => rendered.Occurrences(toolchain.DefaultValue).Any(File.ReadAllText(Path.Combine(output, f)).Contains))
                .ToList();
            Assert.True(stale.Count == 0, $"{where}: [{string.Join(", ", stale)}] still name version {toolchain.DefaultValue}.");
        }

        // The project template's README names the toolchain image; it follows without an edit.
        var readme = File.ReadAllText(Path.Combine(templates, "out", bumped.ShortName, "README.md"));
        Assert.True(toolchain.Occurrences(newVersion).Any(readme.Contains),
            $"README.md of dotnet new {bumped.ShortName} never names version {newVersion} after the bump.");

        // pitfalls.json does not go through the engine: each edit must still find its text in the bumped sample.
        foreach (var pitfall in pitfalls)
        {
            VersionBump.AssertEditsApply(language, pitfall, samples[pitfall.RuntimeOf(bumped)], $"bumping {toolchain.Name} to {newVersion}",
                "a find that names the version stops matching when the default moves; end it before the version (FROM --platform=$BUILDPLATFORM golang:) or find a line without one.");
        }
    }

    /// <summary>`dotnet new <paramref name="shortName"/> -n SampleApp` and <paramref name="options"/> from the bumped copy; fails the test when it fails.</summary>
    private static async Task InstantiateAsync(TemplateHive hive, string shortName, string output, string[] options)
    {
        var result = await hive.InstantiateAsync(shortName, output, ["-n", Scenario.FixedName, .. options], TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, $"dotnet new {shortName} {string.Join(' ', options)} from the bumped copy failed:\n{result.Describe()}");
    }

    /// <summary>The image as the engine renders it with the new default in place of the old one, wherever one of
    /// the toolchain's replacements writes it.</summary>
    private static string Bump(ToolchainSymbol toolchain, string image, string newVersion) =>
        toolchain.Replacements.Aggregate(image, (text, replacement) => replacement.Occurrences(toolchain.DefaultValue)
            .Zip(replacement.Occurrences(newVersion))
            .Aggregate(text, (current, pair) => current.Replace(pair.First, pair.Second, StringComparison.Ordinal)));
}
