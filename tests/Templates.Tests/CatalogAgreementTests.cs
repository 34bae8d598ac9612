using Multistage.Core.Docker;
using Multistage.Core.Templates;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>
/// The catalog reads the base images from the Dockerfiles' FROM lines under their conditionals, without the
/// template engine; these tests hold that reading to what `dotnet new` renders, for every runtime of both the
/// project template and the item template (whose Dockerfiles are the one other place an image is written).
/// </summary>
[Collection(TemplatesCollection.Name)]
public sealed class CatalogAgreementTests(TemplatesFixture fixture)
{
    [Fact]
    public void Catalog_has_an_entry_for_every_template_folder()
    {
        var loaded = fixture.Templates.Select(t => t.Language).ToList();
        Assert.Equal(RepositoryData.TemplateFolderNames(), loaded);
    }

    [Theory]
    [MemberData(nameof(RepositoryData.RuntimeScenarioNames), MemberType = typeof(RepositoryData))]
    public async Task Rendered_Dockerfiles_use_the_base_images_the_catalog_reads(string scenarioName)
    {
        var scenario = fixture.GetScenario(scenarioName);
        var output = await fixture.GenerateAsync(scenarioName);
        var runtime = scenario.Template.Runtimes[scenario.Runtime];
        var where = $"scenario {scenario}; generated in {output}; catalog images of runtime '{runtime.Name}', read from " +
                    $"{Path.Combine(scenario.Template.FolderPath, Multistage.Core.Dockerize.ItemTemplate.FolderName, TemplateImages.MultiStageFile)} and {TemplateImages.SingleStageFile}";

        var stages = DockerfileStages.Parse(await File.ReadAllTextAsync(Path.Combine(output, "Dockerfile"), TestContext.Current.CancellationToken));
        Assert.True(stages.Count > 0, $"Dockerfile has no FROM line ({where}).");
        Assert.True(
            stages[^1].Image == runtime.RuntimeImage,
            $"Dockerfile's final stage (line {stages[^1].Line}) starts from '{stages[^1].Image}', expected the catalog's final image '{runtime.RuntimeImage}' ({where}).");
        var images = stages.Where(s => s.FromStage is null).Select(s => s.Image).Distinct().Order(StringComparer.Ordinal).ToList();
        var expected = new[] { runtime.BuilderImage, runtime.RuntimeImage }.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(
            images.SequenceEqual(expected),
            $"Dockerfile's FROM lines name [{string.Join(", ", images)}], expected exactly [{string.Join(", ", expected)}] ({where}).");

        var single = DockerfileStages.Parse(await File.ReadAllTextAsync(Path.Combine(output, "Dockerfile.single"), TestContext.Current.CancellationToken));
        Assert.True(
            single.Count == 1 && single[0].Image == scenario.Template.SingleStageImage,
            $"Dockerfile.single must have one FROM naming the catalog's single-stage image '{scenario.Template.SingleStageImage}', " +
            $"found [{string.Join(", ", single.Select(s => $"line {s.Line}: {s.Image}"))}] ({where}).");
    }
}
