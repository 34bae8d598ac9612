using Multistage.Core.Templates;

namespace Templates.Tests.Core;

public sealed class TemplateCatalogTests : IDisposable
{
    private const string ValidJson = """
        {
          "language": "demo", "displayName": "Demo", "identity": "Multistage.Templates.Demo",
          "shortName": "multistage-demo", "defaultPort": 8080, "singleStageImage": "demo:1-trixie",
          "defaultRuntime": "slim",
          "runtimes": { "slim": { "builderImage": "demo:1-trixie", "runtimeImage": "demo:1-slim", "shell": true,
                                  "packageManager": null, "artifactPath": "/app/demo", "needsRegistry": null } },
          "forbiddenPaths": [".git/**"], "dependencyStep": "demo install", "sourceFile": "main.demo",
          "sourceCheck": "demo check .", "sourceRun": "demo run",
          "packageIndexBuildArg": null, "maxSizeRatio": 0.05, "pitfalls": []
        }
        """;

    private readonly string _templates = TempFolder.NewPath("catalog-tests");

    public void Dispose() => TempFolder.Remove(_templates);

    [Fact]
    public void Valid_file_loads_every_field()
    {
        Write("demo", ValidJson);
        var template = Assert.Single(TemplateCatalog.Load(_templates));
        Assert.Equal("multistage-demo", template.ShortName);
        Assert.Equal(8080, template.DefaultPort);
        Assert.Equal("demo:1-slim", template.DefaultRuntimeChoice.RuntimeImage);
        Assert.Null(template.PackageIndexBuildArg);
        Assert.Equal(0.05, template.MaxSizeRatio);
        Assert.Equal(Path.Combine(_templates, "demo"), template.FolderPath);
        Assert.Equal("demo check .", template.SourceCheck);
        Assert.Equal("demo run", template.SourceRun);
    }

    [Fact]
    public void Missing_file_names_the_file()
    {
        Directory.CreateDirectory(Path.Combine(_templates, "demo", ".template.config"));
        var error = Assert.Throws<FileNotFoundException>(() => TemplateCatalog.Load(_templates));
        Assert.Contains(Path.Combine("demo", ".template.config", "multistage.json"), error.Message);
    }

    [Theory]
    [InlineData("\"defaultPort\": 8080", "\"defaultPort\": \"8080\"", "defaultPort")]
    [InlineData("\"shell\": true,", "", "runtimes.slim.shell")]
    [InlineData("\"defaultRuntime\": \"slim\"", "\"defaultRuntime\": \"alpine\"", "defaultRuntime")]
    [InlineData("\"language\": \"demo\"", "\"language\": \"other\"", "language")]
    [InlineData("\"pitfalls\": []", "\"pitfalls\": [1]", "pitfalls[0]")]
    [InlineData("\"maxSizeRatio\": 0.05", "\"maxSizeRatio\": 5", "maxSizeRatio")]
    [InlineData("\"maxSizeRatio\": 0.05, ", "", "maxSizeRatio")]
    [InlineData("\"sourceCheck\": \"demo check .\",", "\"sourceCheck\": \"\",", "sourceCheck")]
    public void Malformed_field_is_named_with_the_file(string original, string replacement, string field)
    {
        Write("demo", ValidJson.Replace(original, replacement, StringComparison.Ordinal));
        var error = Assert.Throws<InvalidDataException>(() => TemplateCatalog.Load(_templates));
        Assert.Contains($"'{field}'", error.Message);
        Assert.Contains("multistage.json", error.Message);
    }

    [Fact]
    public void Invalid_json_names_the_file_and_line()
    {
        Write("demo", "{\n  \"language\": \"demo\",,\n}");
        var error = Assert.Throws<InvalidDataException>(() => TemplateCatalog.Load(_templates));
        Assert.Contains("multistage.json: not valid JSON at line 2", error.Message);
    }

    private void Write(string language, string json)
    {
        var config = Path.Combine(_templates, language, ".template.config");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "multistage.json"), json);
    }
}
