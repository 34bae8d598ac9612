using System.Text.Json;
using Multistage.Core;
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

    /// <summary>The samples that still keep their own copies of the Docker files beside them (with `##` conditionals),
    /// to be moved into their item template as Go's were (issue 19). Empty when every language is moved.</summary>
    private static readonly HashSet<string> StillToMove = new(StringComparer.Ordinal) { };

    /// <summary>Every template of the catalog: each sample's Docker files are what init writes for it.</summary>
    public static TheoryData<string> Languages()
    {
        var data = new TheoryData<string>();
        foreach (var template in TemplateCatalog.LoadRepository())
        {
            data.Add(template.Language);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Init_on_the_sample_without_its_Docker_files_writes_them_back_byte_for_byte(string language)
    {
        if (StillToMove.Contains(language))
        {
            Assert.Skip($"The {language} sample still keeps its own Docker files (issue 19).");
        }

        var template = TemplateCatalog.LoadRepository().Single(t => t.Language == language);
        var sampleName = SourceName(template);
        var sample = _work.Combine("sample", sampleName);
        var hive = await TemplateHive.CreateAsync(_work.Combine("hive"), [template.FolderPath], TestContext.Current.CancellationToken);
        var made = await hive.InstantiateAsync(template.ShortName, sample, ["-n", sampleName], TestContext.Current.CancellationToken);
        Assert.True(made.Succeeded, made.Describe());

        var project = _work.Combine("init", sampleName);
        FolderCopy.Copy(sample, project);
        foreach (var file in DockerFiles)
        {
            Assert.True(File.Exists(Path.Combine(sample, file)), $"dotnet new {template.ShortName} wrote no {file}: the project template must take it from {ItemTemplate.FolderName}/.");
            File.Delete(Path.Combine(project, file));
        }

        string[] sets = [.. (NotInTheCode.GetValueOrDefault(language) ?? []).SelectMany(set => new[] { "--set", set })];
        var init = await InProcessCli.RunAsync(["init", project, .. sets], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(init.ExitCode == 0, init.Describe());
        var differences = DockerFiles
            .Select(file => (file, expected: File.ReadAllText(Path.Combine(sample, file)), written: File.ReadAllText(Path.Combine(project, file))))
            .Where(f => f.expected != f.written)
            .Select(f => Multistage.Core.Text.LineDiff.Unified(f.expected, f.written, $"{f.file} (sample)", $"{f.file} (init)"))
            .ToList();
        Assert.True(differences.Count == 0,
            $"init wrote Docker files unlike the sample's ({template.FolderPath}/{ItemTemplate.FolderName}/ with the sample's values " +
            $"in {template.FolderPath}/.template.config/template.json, or what the {language} detector read):\n" +
            string.Join("\n", differences) + "\n" + init.Describe());
    }

    [Fact]
    public void Every_moved_template_takes_its_Docker_files_from_its_item_template_and_keeps_no_copy_of_them()
    {
        var moved = TemplateCatalog.LoadRepository().Where(t => !StillToMove.Contains(t.Language)).ToList();
        var notTaking = moved.Where(t => !TakesDockerFilesFromItemTemplate(t)).Select(t => t.Language).ToList();
        var copies = moved
            .SelectMany(t => DockerFiles.Where(f => File.Exists(Path.Combine(t.FolderPath, f))).Select(f => Path.Combine(t.FolderPath, f)))
            .ToList();

        Assert.True(notTaking.Count == 0,
            $"[{string.Join(", ", notTaking)}]: template.json has no source in {ItemTemplate.FolderName}/ (CONTRIBUTING.md, \"Item templates\").");
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
}
