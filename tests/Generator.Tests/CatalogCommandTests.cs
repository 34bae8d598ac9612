using System.Text.Json;
using Multistage.Cli.Catalog;
using Multistage.Core.Templates;

namespace Generator.Tests;

/// <summary>The <c>catalog</c> command as a process, as scripts run it: its JSON is the catalog, in the documented schema.</summary>
public sealed class CatalogCommandTests : IDisposable
{
    private readonly TempFolder _work = TempFolder.Create("catalog-command");
    private readonly IReadOnlyList<TemplateMetadata> _templates = TemplateCatalog.Load(TestRepository.TemplatesDirectory);

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Catalog_json_lists_every_template_with_its_images()
    {
        var result = await MultistageCli.RunAsync(_work.Path, ["catalog", "--json", "--templates", TestRepository.TemplatesDirectory]);
        Assert.True(result.ExitCode == 0, $"Expected exit code 0 from catalog --json; got:\n{result.Describe()}");

        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(CatalogJson.SchemaVersion, json.RootElement.GetProperty("schemaVersion").GetInt32());
        var languages = json.RootElement.GetProperty("languages").EnumerateArray().ToList();
        Assert.Equal(_templates.Select(t => t.Language), languages.Select(l => l.GetProperty("language").GetString()));
        foreach (var (entry, template) in languages.Zip(_templates))
        {
            Assert.Equal(template.FolderPath, entry.GetProperty("folder").GetString());
            Assert.Equal(template.SingleStageImage, entry.GetProperty("singleStageImage").GetString());
            Assert.Equal(template.PackageIndexBuildArg, entry.GetProperty("packageIndexBuildArg").GetString());
            var runtimes = entry.GetProperty("runtimes").EnumerateArray().ToList();
            Assert.Equal(template.Runtimes.Keys, runtimes.Select(r => r.GetProperty("name").GetString()));
            foreach (var runtime in runtimes)
            {
                var expected = template.Runtimes[runtime.GetProperty("name").GetString()!];
                Assert.Equal(expected.BuilderImage, runtime.GetProperty("builderImage").GetString());
                Assert.Equal(expected.RuntimeImage, runtime.GetProperty("runtimeImage").GetString());
                Assert.Equal(expected.NeedsRegistry, runtime.GetProperty("needsRegistry").GetString());
            }
        }
    }

    [Fact]
    public async Task Catalog_of_a_missing_folder_exits_2_with_one_line_naming_it()
    {
        var missing = _work.Combine("nowhere");
        var result = await MultistageCli.RunAsync(_work.Path, ["catalog", "--json", "--templates", missing]);
        Assert.True(result.ExitCode == 2, $"Expected exit code 2 (bad input); got:\n{result.Describe()}");
        Assert.Equal("", result.StandardOutput);
        Assert.Contains($"error: --templates {missing}: there is no folder", result.StandardError, StringComparison.Ordinal);
    }
}
