using System.IO.Compression;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>The NuGet package users install holds each template file at its own path, and a project made
/// from it is the project the template folder makes, byte for byte.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class PackageTests(TemplatesFixture fixture, PackagesFixture packages)
{
    [Fact]
    public async Task Package_holds_each_template_file_at_content_language_path_and_nothing_else()
    {
        var package = await packages.TemplatePackageAsync();
        List<string> packed;
        using (var zip = ZipFile.OpenRead(package))
        {
            packed = zip.Entries.Select(e => e.FullName).Where(e => e.StartsWith("content/", StringComparison.Ordinal)).ToList();
        }

        var expected = fixture.Templates
            .SelectMany(t => FileTree.RelativeFiles(t.FolderPath, BuildOutputs.IsBuildOutputFolder).Select(f => $"content/{t.Language}/{f}"))
            .ToList();
        var missing = expected.Except(packed, StringComparer.Ordinal).ToList();
        var unexpected = packed.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            $"{package} does not mirror templates/ (pack settings: Templates.csproj and TemplateFiles.props):\n" +
            $"  missing: {string.Join(", ", missing)}\n  unexpected: {string.Join(", ", unexpected)}");
    }

    [Fact]
    public async Task Package_installs_every_short_name()
    {
        var hive = await packages.PackageHiveAsync();
        var list = await hive.RunAsync(["new", "list"], TestContext.Current.CancellationToken);
        Assert.True(list.Succeeded, $"dotnet new list failed:\n{list.Describe()}");
        var listed = list.StandardOutput.Split((char[])[' ', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries);
        var absent = fixture.Templates
            .SelectMany(t => new[] { t.ShortName, Multistage.Core.Dockerize.ItemTemplate.Load(t.Language, t.FolderPath).ShortName })
            .Where(name => !listed.Contains(name)).ToList();
        Assert.True(
            absent.Count == 0,
            $"After installing {await packages.TemplatePackageAsync()}, `dotnet new list` does not show: {string.Join(", ", absent)}.\n{list.Describe()}");
    }

    [Theory]
    [MemberData(nameof(RepositoryData.ScenarioNames), MemberType = typeof(RepositoryData))]
    public async Task Project_from_the_package_equals_the_project_from_the_template_folder(string scenarioName)
    {
        var scenario = fixture.GetScenario(scenarioName);
        var fromFolder = await fixture.GenerateAsync(scenarioName);
        var fromPackage = Path.Combine(packages.WorkDirectory, "from-package", scenarioName);
        var result = await (await packages.PackageHiveAsync()).InstantiateAsync(scenario.ShortName, fromPackage, scenario.Options, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, $"{scenario} from {await packages.TemplatePackageAsync()} failed:\n{result.Describe()}");

        // The user's first command is `docker build .`: Dockerfile must be a file (or, in an exercise, absent).
        var dockerfile = Path.Combine(fromPackage, "Dockerfile");
        if (scenario.IsExercise)
        {
            Assert.False(File.Exists(dockerfile) || Directory.Exists(dockerfile),
                $"{scenario} from the package ships the finished multi-stage Dockerfile: {dockerfile}.");
        }
        else
        {
            Assert.True(File.Exists(dockerfile), $"{scenario} from the package has no regular file {dockerfile} (a folder: {Directory.Exists(dockerfile)}).");
        }

        var differences = DirectorySnapshot.Compare(fromFolder, fromPackage);
        Assert.True(differences is null,
            $"{scenario}: the project made from the package ({fromPackage}) differs from the one made from templates/{scenario.Template.Language} ({fromFolder}):\n{differences}");
    }
}
