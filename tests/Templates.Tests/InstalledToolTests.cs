using Multistage.Core.Docker;
using Multistage.Core.Processes;
using Multistage.Core.Templates;
using Multistage.Tests.Shared;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>The generator as users without a clone get it: packed, installed with `dotnet tool install
/// --tool-path`, and run in an empty folder outside the repository.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class InstalledToolTests(PackagesFixture packages)
{
    [Fact]
    public async Task Installed_tool_seeds_outside_the_clone_the_course_the_clone_seeds()
    {
        var tool = await packages.InstalledToolAsync();
        var outside = NewFolderOutsideTheClone("installed-seed");
        var installed = await RunInstalledAsync(tool, outside, ["seed", "--out", "course"]);
        Assert.True(installed.ExitCode == 0, $"The installed tool's seed failed in {outside}:\n{installed.Describe()}");
        Assert.Contains($"Templates: the templates bundled with the tool", installed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Next: multistage compare course", installed.StandardOutput, StringComparison.Ordinal);

        var inClone = NewFolderOutsideTheClone("clone-seed");
        var fromClone = await MultistageCli.RunAsync(inClone, ["seed", "--out", "course"]);
        Assert.True(fromClone.ExitCode == 0, $"seed from the clone's build failed:\n{fromClone.Describe()}");
        Assert.Contains($"Templates: the clone's own template folders ({TestRepository.TemplatesDirectory})", fromClone.StandardOutput, StringComparison.Ordinal);

        var differences = DirectorySnapshot.Compare(Path.Combine(inClone, "course"), Path.Combine(outside, "course"));
        Assert.True(differences is null,
            $"The course the installed tool seeded ({outside}/course) differs from the clone's ({inClone}/course): " +
            $"the tool package carries other templates than templates/ (see TemplateFiles.props):\n{differences}");
    }

    [Fact]
    public async Task Installed_tool_compare_recognises_the_samples_by_its_bundled_templates()
    {
        var tool = await packages.InstalledToolAsync();
        var outside = NewFolderOutsideTheClone("installed-compare");
        var seeded = await RunInstalledAsync(tool, outside, ["seed", "--out", "course", "--languages", "go,rust"]);
        Assert.True(seeded.ExitCode == 0, $"The installed tool's seed failed:\n{seeded.Describe()}");

        // No daemon on purpose: compare finds the samples (with the bundled catalog) before it needs one.
        var compared = await RunInstalledAsync(tool, outside, ["compare", "course"], dockerHost: "unix:///nonexistent/multistage-test.sock");
        // Exit 2 would mean it found no sample: its catalog did not come with it.
        Assert.True(compared.ExitCode == 3,
            $"Expected compare to find both samples and then stop with exit 3 (no daemon at the socket given):\n{compared.Describe()}");
        // Its fix names the user's own Docker: an installed tool has no tools/docker/start-daemon.sh beside it.
        var said = compared.StandardOutput + compared.StandardError;
        Assert.True(said.Contains(DaemonStartHint.OwnDocker, StringComparison.Ordinal) && !said.Contains("start-daemon.sh", StringComparison.Ordinal),
            $"Expected the installed tool's no-daemon message to say \"{DaemonStartHint.OwnDocker}\", not a clone's script:\n{compared.Describe()}");
    }

    [Fact]
    public async Task Installed_tool_init_writes_with_its_bundled_item_template_what_the_clone_writes()
    {
        var tool = await packages.InstalledToolAsync();
        var outside = InitLayouts.CopyTo(TestRepository.Root, "rust-bin-renamed", NewFolderOutsideTheClone("installed-init"));
        var installed = await RunInstalledAsync(tool, outside, ["init"]);
        Assert.True(installed.ExitCode == 0, $"The installed tool's init failed in {outside}:\n{installed.Describe()}");
        Assert.Contains("Templates: the templates bundled with the tool", installed.StandardOutput, StringComparison.Ordinal);

        var inClone = InitLayouts.CopyTo(TestRepository.Root, "rust-bin-renamed", NewFolderOutsideTheClone("clone-init"));
        var fromClone = await MultistageCli.RunAsync(inClone, ["init"]);
        Assert.True(fromClone.ExitCode == 0, $"init from the clone's build failed:\n{fromClone.Describe()}");

        var differences = DirectorySnapshot.Compare(inClone, outside);
        Assert.True(differences is null,
            $"init by the installed tool ({outside}) wrote other files than the clone's build ({inClone}): the tool package lacks templates/<language>/.dockerfiles/ (TemplateFiles.props):\n{differences}");
    }

    [Fact]
    public async Task Installed_tool_help_and_version_name_the_bundled_templates_and_the_package_version()
    {
        var tool = await packages.InstalledToolAsync();
        var outside = NewFolderOutsideTheClone("installed-help");
        foreach (var command in new[] { "seed", "compare" })
        {
            var help = await RunInstalledAsync(tool, outside, [command, "--help"]);
            Assert.True(help.ExitCode == 0, help.Describe());
            Assert.Contains("Templates: the templates bundled with the tool", help.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("--templates", help.StandardOutput, StringComparison.Ordinal);
        }

        var version = await RunInstalledAsync(tool, outside, ["--version"]);
        var packageVersion = Path.GetFileNameWithoutExtension(await packages.TemplatePackageAsync())["Multistage.Templates.".Length..];
        Assert.True(version.ExitCode == 0 && version.StandardOutput.Trim() == packageVersion,
            $"Expected `multistage --version` to print the packages' version {packageVersion}:\n{version.Describe()}");
    }

    private string NewFolderOutsideTheClone(string hint)
    {
        var folder = Path.Combine(packages.WorkDirectory, "runs", hint);
        Assert.False(
            Path.GetFullPath(folder).StartsWith(TestRepository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal),
            $"{folder} is inside the clone {TestRepository.Root}: set TMPDIR elsewhere so the test runs where a user without a clone would.");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static Task<ProcessResult> RunInstalledAsync(string tool, string workingDirectory, IReadOnlyList<string> arguments, string? dockerHost = null)
    {
        var environment = new Dictionary<string, string?>(DotnetEnvironment.Quiet);
        if (dockerHost is not null)
        {
            environment["DOCKER_HOST"] = dockerHost;
        }

        return ProcessRunner.RunAsync(new ProcessSpec(tool, arguments)
        {
            WorkingDirectory = workingDirectory,
            Environment = environment,
            Timeout = TimeSpan.FromMinutes(3),
        });
    }
}
