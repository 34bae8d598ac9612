using Multistage.Core.Dockerize;
using Templates.Tests.Infrastructure;

namespace Templates.Tests.Init;

/// <summary>Every language has an item template and a detector, and they agree with each other and
/// with the project template: the same runtime choices and default, port and files.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class ItemTemplateAgreementTests(TemplatesFixture fixture)
{
    private static readonly string[] WrittenFiles = [".dockerignore", "Dockerfile", "Dockerfile.single", "README.Docker.md", "compose.yaml"];

    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public void Item_template_offers_the_project_templates_runtimes_port_and_writes_only_the_Docker_files(string language)
    {
        var template = fixture.GetTemplate(language);
        var item = ItemTemplate.Load(language, template.FolderPath);
        var where = Path.Combine(item.FolderPath, ".template.config", "template.json");

        var runtime = item.Option("runtime");
        Assert.True(runtime is not null, $"{where} has no --runtime option.");
        Assert.True(runtime.DefaultValue == template.DefaultRuntime && runtime.Choices.Order(StringComparer.Ordinal).SequenceEqual(template.Runtimes.Keys),
            $"{where}: runtime choices [{string.Join(", ", runtime.Choices)}] (default {runtime.DefaultValue}) must equal the project template's [{string.Join(", ", template.Runtimes.Keys)}] (default {template.DefaultRuntime}).");
        Assert.True(item.Option("port")?.DefaultValue == template.DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{where}: --port must default to the project template's port {template.DefaultPort}.");
        Assert.True(item.Option("health-path") is not null, $"{where}: every item template takes --health-path.");
        Assert.True(item.Files.SequenceEqual(WrittenFiles), $"{item.FolderPath} must hold exactly [{string.Join(", ", WrittenFiles)}]; holds [{string.Join(", ", item.Files)}].");
    }

    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public void Every_language_has_a_detector(string language)
    {
        Assert.True(ProjectDetectors.For(language) is not null,
            $"No IProjectDetector with Language \"{language}\" in Multistage.Core/Dockerize/Detectors: `multistage init` cannot recognise {language} projects.");
    }

    [Fact]
    public void Every_detector_belongs_to_a_template_and_names_only_its_options()
    {
        foreach (var detector in ProjectDetectors.All)
        {
            var template = fixture.Templates.SingleOrDefault(t => t.Language == detector.Language);
            Assert.True(template is not null, $"{detector.GetType().Name} detects '{detector.Language}', which is no folder under templates/.");
            var item = ItemTemplate.Load(template.Language, template.FolderPath);
            var options = Multistage.Tests.Shared.InitLayouts.All.Where(l => l.Language == detector.Language).SelectMany(l => l.Values.Keys).Distinct();
            var unknown = options.Where(o => item.Option(o) is null).ToList();
            Assert.True(unknown.Count == 0, $"{detector.GetType().Name} fills [{string.Join(", ", unknown)}], which {item.ShortName} does not take.");
        }
    }
}
