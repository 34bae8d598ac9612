using Multistage.Core.Templates;

namespace Core.Tests;

/// <summary>The catalog on a made-up template: each fact from the file that states it, and every broken
/// file named with the field to fix.</summary>
public sealed class TemplateCatalogTests : IDisposable
{
    private const string MultistageJson = """
        {
          "language": "demo", "displayName": "Demo",
          "runtimes": {
            "slim": { "shell": true, "packageManager": null, "artifactPath": "/app/demo", "needsRegistry": null },
            "tiny": { "shell": false, "packageManager": null, "artifactPath": "/app/demo", "needsRegistry": "only online" }
          },
          "forbiddenPaths": [".git/**"], "dependencyStep": "demo install", "sourceFile": "main.demo",
          "sourceCheck": "demo check .", "sourceRun": "demo run",
          "packageIndexBuildArg": null, "maxSizeRatio": 0.05
        }
        """;

    private const string TemplateJson = """
        {
          "identity": "Multistage.Templates.Demo",
          "shortName": "multistage-demo",
          "symbols": {
            "port": { "type": "parameter", "datatype": "integer", "defaultValue": "8080", "replaces": "8080" },
            "runtime": { "type": "parameter", "datatype": "choice", "defaultValue": "slim",
              "choices": [ { "choice": "slim", "description": "demo slim" }, { "choice": "tiny", "description": "tiny base" } ] },
            "exercise": { "type": "parameter", "datatype": "bool", "defaultValue": "false" },
            "demoVersion": { "type": "parameter", "datatype": "choice", "defaultValue": "2", "replaces": "2",
              "onlyIf": [ { "after": "demo:" } ],
              "choices": [ { "choice": "1", "description": "demo:1" }, { "choice": "2", "description": "demo:2" } ] }
          }
        }
        """;

    // The engine's line conditionals: the default branch written plainly, the others commented out.
    private const string Dockerfile = """
        # Build on the full image.
        FROM --platform=$BUILDPLATFORM demo:2-full AS build
        #if (runtime == "slim")
        # Slim final stage.
        FROM demo:2-slim AS final
        #elseif (runtime == "tiny" && !exercise)
        # Tiny final stage.
        FROM tiny:1 AS final
        #endif
        COPY --from=build /out /app
        """;

    private readonly string _templates = TempFolder.NewPath("catalog-tests");

    public void Dispose() => TempFolder.Remove(_templates);

    [Fact]
    public void Each_fact_comes_from_the_file_that_states_it()
    {
        Write();
        var template = Assert.Single(TemplateCatalog.Load(_templates));
        Assert.Equal("Multistage.Templates.Demo", template.Identity);
        Assert.Equal("multistage-demo", template.ShortName);
        Assert.Equal(8080, template.DefaultPort);
        Assert.Equal("slim", template.DefaultRuntime);
        Assert.Equal(new StageImages("demo:2-full", "demo:2-slim"), Images(template.Runtimes["slim"]));
        Assert.Equal(new StageImages("demo:2-full", "tiny:1"), Images(template.Runtimes["tiny"]));
        Assert.Equal("tiny base", template.Runtimes["tiny"].Description);
        Assert.Equal("only online", template.Runtimes["tiny"].NeedsRegistry);
        Assert.Equal("demo:2-full", template.SingleStageImage);
        Assert.Equal("2", template.Toolchain?.DefaultValue);
        Assert.Equal(["1", "2"], template.Toolchain!.Choices.Select(c => c.Choice));
        Assert.Equal(0.05, template.MaxSizeRatio);
        Assert.Equal(Path.Combine(_templates, "demo"), template.FolderPath);
        Assert.Equal("demo check .", template.SourceCheck);
    }

    [Fact]
    public void A_new_default_version_in_template_json_alone_moves_every_image_that_names_the_toolchain()
    {
        Write(templateJson: TemplateJson
            .Replace("\"defaultValue\": \"2\", \"replaces\": \"2\"", "\"defaultValue\": \"3\", \"replaces\": \"2\"", StringComparison.Ordinal)
            .Replace("{ \"choice\": \"2\", \"description\": \"demo:2\" }", "{ \"choice\": \"2\", \"description\": \"demo:2\" }, { \"choice\": \"3\", \"description\": \"demo:3\" }", StringComparison.Ordinal));
        var template = Assert.Single(TemplateCatalog.Load(_templates));
        Assert.Equal("demo:3-full", template.SingleStageImage);
        Assert.Equal(new StageImages("demo:3-full", "demo:3-slim"), Images(template.Runtimes["slim"]));
        // onlyIf "after demo:": the marker elsewhere (tiny:1's tag is another image) stays.
        Assert.Equal(new StageImages("demo:3-full", "tiny:1"), Images(template.Runtimes["tiny"]));
    }

    [Fact]
    public void A_constant_that_writes_a_base_image_line_moves_every_image_of_that_line_alone()
    {
        // The tiny base's line as a generated constant: its value is where the line is written; the files keep the marker 1.
        Write(templateJson: Replace(TemplateJson, "\"exercise\": {",
            "\"tinyLine\": { \"type\": \"generated\", \"generator\": \"constant\", \"parameters\": { \"value\": \"5\" }, \"replaces\": \"1\",\n" +
            "      \"onlyIf\": [ { \"after\": \"tiny:\" } ] },\n    \"exercise\": {"));
        var template = Assert.Single(TemplateCatalog.Load(_templates));
        Assert.Equal(new StageImages("demo:2-full", "tiny:5"), Images(template.Runtimes["tiny"]));
        Assert.Equal(new StageImages("demo:2-full", "demo:2-slim"), Images(template.Runtimes["slim"]));
    }

    // .NET's shape: the option users set is a choice parameter with another name (Framework, net10.0), and a
    // derived <x>Version turns its value into the image tag's form through a replace form.
    private const string DerivedToolchainSymbols = """
            "Framework": { "type": "parameter", "datatype": "choice", "defaultValue": "demo2", "replaces": "demo2",
              "choices": [ { "choice": "demo2", "description": "Demo 2" } ] },
            "demoVersion": { "type": "derived", "valueSource": "Framework", "valueTransform": "dropPrefix", "replaces": "2",
              "onlyIf": [ { "after": "demo:" } ] }
        """;

    private static string WithDerivedToolchain(string dropPrefixForm = "{ \"identifier\": \"replace\", \"pattern\": \"^demo\", \"replacement\": \"\" }")
    {
        var start = TemplateJson.IndexOf("\"demoVersion\"", StringComparison.Ordinal);
        var end = TemplateJson.IndexOf("] }", TemplateJson.IndexOf("\"choices\"", start, StringComparison.Ordinal), StringComparison.Ordinal) + "] }".Length;
        return (TemplateJson[..start] + DerivedToolchainSymbols.Trim() + TemplateJson[end..])
            .Replace("\"symbols\": {", $"\"forms\": {{ \"dropPrefix\": {dropPrefixForm} }},\n  \"symbols\": {{", StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_parameter_a_derived_version_takes_its_value_from_is_the_toolchain()
    {
        var bumped = WithDerivedToolchain()
            .Replace("\"defaultValue\": \"demo2\"", "\"defaultValue\": \"demo3\"", StringComparison.Ordinal)
            .Replace("{ \"choice\": \"demo2\", \"description\": \"Demo 2\" }", "{ \"choice\": \"demo2\", \"description\": \"Demo 2\" }, { \"choice\": \"demo3\", \"description\": \"Demo 3\" }", StringComparison.Ordinal);
        Write(templateJson: bumped);

        var template = Assert.Single(TemplateCatalog.Load(_templates));
        Assert.Equal("Framework", template.Toolchain?.Name);
        Assert.Equal("demo3", template.Toolchain?.DefaultValue);
        // The derived symbol's form turned demo3 into 3 where it replaces the marker.
        Assert.Equal(new StageImages("demo:3-full", "demo:3-slim"), Images(template.Runtimes["slim"]));
        Assert.Equal("demo:3-full", template.SingleStageImage);
    }

    [Fact]
    public void A_derived_version_from_a_symbol_that_is_no_choice_parameter_is_refused_naming_the_field()
    {
        Write(templateJson: Replace(WithDerivedToolchain(), "\"valueSource\": \"Framework\"", "\"valueSource\": \"port\""));
        var error = Assert.Throws<InvalidDataException>(() => TemplateCatalog.Load(_templates));
        Assert.Contains("'symbols.demoVersion.valueSource'", error.Message);
        Assert.Contains("no choice parameter", error.Message);
    }

    [Fact]
    public void A_derived_version_through_a_form_the_catalog_cannot_follow_is_refused_naming_the_form()
    {
        Write(templateJson: WithDerivedToolchain("{ \"identifier\": \"lowerCaseInvariant\" }"));
        var error = Assert.Throws<InvalidDataException>(() => TemplateCatalog.Load(_templates));
        Assert.Contains("dropPrefix", error.Message);
        Assert.Contains("'lowerCaseInvariant'", error.Message);
    }

    [Fact]
    public void Missing_multistage_json_names_the_file()
    {
        Directory.CreateDirectory(Path.Combine(_templates, "demo", ".template.config"));
        var error = Assert.Throws<FileNotFoundException>(() => TemplateCatalog.Load(_templates));
        Assert.Contains(Path.Combine("demo", ".template.config", "multistage.json"), error.Message);
    }

    [Theory]
    [InlineData("\"shell\": true,", "", "runtimes.slim.shell")]
    [InlineData("\"language\": \"demo\"", "\"language\": \"other\"", "language")]
    [InlineData("\"forbiddenPaths\": [\".git/**\"]", "\"forbiddenPaths\": [1]", "forbiddenPaths[0]")]
    [InlineData("\"maxSizeRatio\": 0.05", "\"maxSizeRatio\": 5", "maxSizeRatio")]
    [InlineData(", \"maxSizeRatio\": 0.05", "", "maxSizeRatio")]
    [InlineData("\"sourceCheck\": \"demo check .\",", "\"sourceCheck\": \"\",", "sourceCheck")]
    [InlineData("\"tiny\": {", "\"huge\": {", "runtimes")]
    [InlineData("\"maxSizeRatio\": 0.05", "\"maxSizeRatio\": 0.05, \"pitfalls\": []", "pitfalls")]
    public void Malformed_multistage_json_field_is_named_with_the_file(string original, string replacement, string field)
    {
        Write(multistageJson: Replace(MultistageJson, original, replacement));
        var error = Assert.Throws<InvalidDataException>(() => TemplateCatalog.Load(_templates));
        Assert.Contains($"'{field}'", error.Message);
        Assert.Contains("multistage.json", error.Message);
    }

    [Theory]
    [InlineData("\"defaultValue\": \"8080\"", "\"defaultValue\": \"abc\"", "symbols.port.defaultValue")]
    [InlineData("\"defaultValue\": \"slim\"", "\"defaultValue\": \"huge\"", "symbols.runtime.defaultValue")]
    [InlineData("\"defaultValue\": \"2\", ", "\"defaultValue\": \"7\", ", "symbols.demoVersion.defaultValue")]
    [InlineData("\"identity\": \"Multistage.Templates.Demo\",", "", "identity")]
    public void Malformed_template_json_field_is_named_with_the_file(string original, string replacement, string field)
    {
        Write(templateJson: Replace(TemplateJson, original, replacement));
        var error = Assert.Throws<InvalidDataException>(() => TemplateCatalog.Load(_templates));
        Assert.Contains($"'{field}'", error.Message);
        Assert.Contains("template.json", error.Message);
    }

    [Fact]
    public void A_runtime_without_a_FROM_line_names_the_Dockerfile()
    {
        Write(dockerfile: Replace(Dockerfile, "FROM --platform=$BUILDPLATFORM demo:2-full AS build\n", "").Replace("FROM tiny:1 AS final\n", "", StringComparison.Ordinal));
        var error = Assert.Throws<InvalidDataException>(() => TemplateCatalog.Load(_templates));
        Assert.Contains(Path.Combine("demo", ".dockerfiles", "Dockerfile"), error.Message);
        Assert.Contains("'tiny'", error.Message);
    }

    [Fact]
    public void Invalid_json_names_the_file_and_line()
    {
        Write(multistageJson: "{\n  \"language\": \"demo\",,\n}");
        var error = Assert.Throws<InvalidDataException>(() => TemplateCatalog.Load(_templates));
        Assert.Contains("multistage.json: not valid JSON at line 2", error.Message);
    }

    private static StageImages Images(RuntimeChoice runtime) => new(runtime.BuilderImage, runtime.RuntimeImage);

    private static string Replace(string text, string original, string replacement)
    {
        Assert.Contains(original, text);
        return text.Replace(original, replacement, StringComparison.Ordinal);
    }

    private void Write(string multistageJson = MultistageJson, string templateJson = TemplateJson, string dockerfile = Dockerfile)
    {
        var folder = Path.Combine(_templates, "demo");
        var config = Path.Combine(folder, ".template.config");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "multistage.json"), multistageJson);
        File.WriteAllText(Path.Combine(config, "template.json"), templateJson);
        // The Docker files live in the item template, which the project template takes them from.
        var item = Path.Combine(folder, ".dockerfiles");
        Directory.CreateDirectory(Path.Combine(item, ".template.config"));
        File.WriteAllText(Path.Combine(item, ".template.config", "template.json"), templateJson);
        File.WriteAllText(Path.Combine(item, "Dockerfile"), dockerfile.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.WriteAllText(Path.Combine(item, "Dockerfile.single"), "FROM demo:2-full\n");
    }
}
