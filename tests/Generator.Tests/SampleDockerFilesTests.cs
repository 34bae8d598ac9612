using System.Text.Json;
using Multistage.Core.Dockerize;
using Multistage.Core.Templates;

namespace Generator.Tests;

/// <summary>
/// One source per Docker file: a project template takes its Dockerfile, Dockerfile.single, compose.yaml and
/// .dockerignore from its item template (.dockerfiles/), with the sample's values. So `init` on the sample,
/// its Docker files removed, must write them back byte for byte: what init reads from the code is what the
/// project template states.
/// </summary>
public sealed class SampleDockerFilesTests : IDisposable
{
    /// <summary>The files a sample takes from its item template.</summary>
    private static readonly string[] DockerFiles = ["Dockerfile", "Dockerfile.single", "compose.yaml", ".dockerignore"];

    /// <summary>What a sample fixes that no file of it says, given to init as --set: `go build` names a binary
    /// after its module, and the Go sample names it server (multistage.json's artifactPath).</summary>
    private static readonly Dictionary<string, string[]> NotInTheCode = new(StringComparer.Ordinal)
    {
        ["go"] = ["binary=server"],
    };

    private readonly TempFolder _work = TempFolder.Create("sample-docker-files");

    public void Dispose() => _work.Dispose();

    /// <summary>The templates whose project template.json has a source in the item template's folder.</summary>
    public static TheoryData<string> SharingLanguages()
    {
        var data = new TheoryData<string>();
        foreach (var template in TemplateCatalog.LoadRepository().Where(TakesDockerFilesFromItemTemplate))
        {
            data.Add(template.Language);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SharingLanguages))]
    public async Task Init_on_the_sample_without_its_Docker_files_writes_them_back_byte_for_byte(string language)
    {
        var template = TemplateCatalog.LoadRepository().Single(t => t.Language == language);
        var sampleName = SourceName(template);
        var sample = _work.Combine("sample", sampleName);
        var hive = await TemplateHive.CreateAsync(_work.Combine("hive"), [template.FolderPath], TestContext.Current.CancellationToken);
        var made = await hive.InstantiateAsync(template.ShortName, sample, ["-n", sampleName], TestContext.Current.CancellationToken);
        Assert.True(made.Succeeded, made.Describe());

        var project = _work.Combine("init", sampleName);
        CopyTree(sample, project);
        foreach (var file in DockerFiles)
        {
            Assert.True(File.Exists(Path.Combine(sample, file)), $"dotnet new {template.ShortName} wrote no {file}: the project template must take it from {ItemTemplate.FolderName}/.");
            File.Delete(Path.Combine(project, file));
        }

        string[] sets = [.. (NotInTheCode.GetValueOrDefault(language) ?? []).SelectMany(set => new[] { "--set", set })];
        var init = await InProcessCli.RunAsync(["init", project, .. sets], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(init.ExitCode == 0, init.Describe());
        foreach (var file in DockerFiles)
        {
            var expected = File.ReadAllText(Path.Combine(sample, file));
            var written = File.ReadAllText(Path.Combine(project, file));
            Assert.True(expected == written,
                $"init wrote a {file} unlike the sample's ({template.FolderPath}/{ItemTemplate.FolderName}/{file} with the sample's values " +
                $"in {template.FolderPath}/.template.config/template.json, or what the {language} detector read):\n" +
                Multistage.Core.Text.LineDiff.Unified(expected, written, $"{file} (sample)", $"{file} (init)") + "\n" + init.Describe());
        }
    }

    [Fact]
    public void A_template_that_takes_its_Docker_files_from_its_item_template_keeps_no_copy_of_them()
    {
        var copies = TemplateCatalog.LoadRepository()
            .Where(TakesDockerFilesFromItemTemplate)
            .SelectMany(t => DockerFiles.Where(f => File.Exists(Path.Combine(t.FolderPath, f))).Select(f => Path.Combine(t.FolderPath, f)))
            .ToList();

        Assert.True(copies.Count == 0,
            $"Docker files beside a sample that takes them from {ItemTemplate.FolderName}/: [{string.Join(", ", copies)}]. " +
            "dotnet new would write both; move what they teach into the item template and delete them (CONTRIBUTING.md, \"Item templates\").");
    }

    private static bool TakesDockerFilesFromItemTemplate(TemplateMetadata template)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(template.ConfigDirectory, TemplateDefinition.FileName)));
        return json.RootElement.TryGetProperty("sources", out var sources)
               && sources.EnumerateArray().Any(s => s.TryGetProperty("source", out var source) && source.GetString()?.TrimEnd('/') == ItemTemplate.FolderName);
    }

    private static string SourceName(TemplateMetadata template)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(template.ConfigDirectory, TemplateDefinition.FileName)));
        return json.RootElement.GetProperty("sourceName").GetString()!;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
