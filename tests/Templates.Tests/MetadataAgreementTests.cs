using Multistage.Core.Docker;
using System.Text.Json;
using Multistage.Core.Templates;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>multistage.json states facts about its template; these tests hold the template to them.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class MetadataAgreementTests(TemplatesFixture fixture)
{
    [Fact]
    public void Catalog_loads_a_multistage_json_for_every_template_folder()
    {
        var loaded = fixture.Templates.Select(t => t.Language).ToList();
        Assert.Equal(RepositoryData.TemplateFolderNames(), loaded);
    }

    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public void Multistage_json_agrees_with_template_json(string language)
    {
        var metadata = fixture.GetTemplate(language);
        var json = TemplateJson.Load(metadata.FolderPath);
        var problems = new List<string>();

        Expect(problems, "identity", json.GetString("identity"), metadata.Identity);
        Expect(problems, "shortName", json.ShortNames().FirstOrDefault(), metadata.ShortName);

        if (json.SymbolForOption("--port") is not { } port)
        {
            problems.Add("template.json has no symbol behind --port");
        }
        else
        {
            Expect(problems, $"symbols.{port.Name}.defaultValue", DefaultValue(port.Value), metadata.DefaultPort.ToString());
        }

        if (json.SymbolForOption("--runtime") is not { } runtime)
        {
            problems.Add("template.json has no symbol behind --runtime");
        }
        else
        {
            Expect(problems, $"symbols.{runtime.Name}.defaultValue", DefaultValue(runtime.Value), metadata.DefaultRuntime);
            var choices = runtime.Value.TryGetProperty("choices", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(c => c.TryGetProperty("choice", out var v) ? v.GetString() ?? "" : "")
                    .Order(StringComparer.Ordinal).ToList()
                : [];
            Expect(problems, $"symbols.{runtime.Name}.choices", string.Join(", ", choices), string.Join(", ", metadata.Runtimes.Keys));
        }

        Assert.True(
            problems.Count == 0,
            $"{json.Path} disagrees with {Path.Combine(metadata.ConfigDirectory, TemplateCatalog.MetadataFileName)}:\n  " +
            string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(RepositoryData.RuntimeScenarioNames), MemberType = typeof(RepositoryData))]
    public async Task Generated_Dockerfiles_use_the_base_images_in_multistage_json(string scenarioName)
    {
        var scenario = fixture.GetScenario(scenarioName);
        var output = await fixture.GenerateAsync(scenarioName);
        var runtime = scenario.Template.Runtimes[scenario.Runtime];
        var where = $"scenario {scenario}; generated in {output}; metadata runtimes.{runtime.Name} of " +
                    $"{Path.Combine(scenario.Template.ConfigDirectory, TemplateCatalog.MetadataFileName)}";

        var stages = DockerfileStages.Parse(await File.ReadAllTextAsync(Path.Combine(output, "Dockerfile")));
        Assert.True(stages.Count > 0, $"Dockerfile has no FROM line ({where}).");
        Assert.True(
            stages[^1].Image == runtime.RuntimeImage,
            $"Dockerfile's final stage (line {stages[^1].Line}) starts from '{stages[^1].Image}', expected runtimeImage '{runtime.RuntimeImage}' ({where}).");
        var images = stages.Where(s => s.FromStage is null).Select(s => s.Image).Distinct().Order(StringComparer.Ordinal).ToList();
        var expected = new[] { runtime.BuilderImage, runtime.RuntimeImage }.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(
            images.SequenceEqual(expected),
            $"Dockerfile's FROM lines name [{string.Join(", ", images)}], expected exactly [{string.Join(", ", expected)}] ({where}).");

        var single = DockerfileStages.Parse(await File.ReadAllTextAsync(Path.Combine(output, "Dockerfile.single")));
        Assert.True(
            single.Count == 1 && single[0].Image == scenario.Template.SingleStageImage,
            $"Dockerfile.single must have one FROM naming singleStageImage '{scenario.Template.SingleStageImage}', " +
            $"found [{string.Join(", ", single.Select(s => $"line {s.Line}: {s.Image}"))}] ({where}).");
    }

    private static string? DefaultValue(JsonElement symbol) =>
        symbol.TryGetProperty("defaultValue", out var value) ? value.ToString() : null;

    private static void Expect(List<string> problems, string field, string? actual, string expected)
    {
        if (actual != expected)
        {
            problems.Add($"{field}: template.json has '{actual ?? "(missing)"}', multistage.json says '{expected}'");
        }
    }
}
