using System.IO.Compression;
using Multistage.Core.Processes;
using Multistage.Core.Templates;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>The NuGet package users install holds every template, dotfiles included, and installs cleanly.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class PackageTests(TemplatesFixture fixture)
{
    [Fact]
    public async Task Package_holds_every_template_and_installs_all_short_names()
    {
        var packDirectory = fixture.NewScratchPath("pack");
        var pack = await ProcessRunner.RunAsync(new ProcessSpec(
            "dotnet",
            ["pack", Path.Combine(fixture.Root, "Templates.csproj"), "-o", packDirectory, "--disable-build-servers", "-nodeReuse:false"])
        {
            Environment = DotnetEnvironment.Quiet,
            Timeout = TimeSpan.FromMinutes(5),
        });
        Assert.True(pack.Succeeded, $"dotnet pack failed:\n{pack.Describe()}");

        var packages = Directory.GetFiles(packDirectory, "*.nupkg");
        Assert.True(packages.Length == 1, $"Expected exactly one .nupkg in {packDirectory}, found [{string.Join(", ", packages)}].");

        List<string> entries;
        using (var zip = ZipFile.OpenRead(packages[0]))
        {
            entries = zip.Entries.Select(e => e.FullName).ToList();
        }
        var problems = new List<string>();
        foreach (var template in fixture.Templates)
        {
            foreach (var required in new[] { ".template.config/template.json", ".dockerignore" })
            {
                var entry = $"content/{template.Language}/{required}";
                if (!entries.Contains(entry))
                {
                    problems.Add($"missing {entry}");
                }
            }
        }
        problems.AddRange(entries.Where(e => e.Split('/').Any(p => p is "bin" or "obj")).Select(e => $"build output packed: {e}"));
        Assert.True(
            problems.Count == 0,
            $"{packages[0]} (pack settings in Templates.csproj):\n  {string.Join("\n  ", problems)}");

        var hive = await TemplateHive.CreateAsync(fixture.NewScratchPath("package-hive"), [packages[0]]);
        var list = await hive.RunAsync(["new", "list"]);
        Assert.True(list.Succeeded, $"dotnet new list failed:\n{list.Describe()}");
        var listed = list.StandardOutput.Split((char[])[' ', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries);
        var absent = fixture.Templates.Select(t => t.ShortName).Where(name => !listed.Contains(name)).ToList();
        Assert.True(
            absent.Count == 0,
            $"After installing {packages[0]}, `dotnet new list` does not show: {string.Join(", ", absent)}.\n{list.Describe()}");
    }
}
