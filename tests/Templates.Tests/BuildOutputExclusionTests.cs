using Multistage.Core.Templates;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>`dotnet new install ./templates/x` is how contributors and the generator use a template: a
/// developer's local build outputs inside the folder must never reach what the template emits.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class BuildOutputExclusionTests(TemplatesFixture fixture)
{
    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public async Task Build_outputs_inside_a_template_folder_stay_out_of_the_generated_project(string language)
    {
        var template = fixture.Templates.Single(t => t.Language == language);
        var copy = fixture.NewScratchPath($"exclusions-{language}");
        FileTree.Replace(template.FolderPath, copy);
        foreach (var folder in BuildOutputs.Folders)
        {
            Directory.CreateDirectory(Path.Combine(copy, folder));
            File.WriteAllText(Path.Combine(copy, folder, "leftover.txt"), "a local build output\n");
        }

        var hive = await TemplateHive.CreateAsync(fixture.NewScratchPath($"exclusions-hive-{language}"), [copy], TestContext.Current.CancellationToken);
        var output = fixture.NewScratchPath($"exclusions-out-{language}");
        var result = await hive.InstantiateAsync(template.ShortName, output, ["-n", Scenario.FixedName], TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, $"dotnet new {template.ShortName} failed:\n{result.Describe()}");

        var leaked = FileTree.RelativeFiles(output).Where(f => f.EndsWith("leftover.txt", StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0,
            $"templates/{language}/.template.config/template.json lets build outputs through: [{string.Join(", ", leaked)}]. " +
            "Add the folders to the 'exclude' list of its sources.");
    }
}
