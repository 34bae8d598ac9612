using Multistage.Core.Processes;
using Multistage.Core.Templates;
using Multistage.Tests.Shared;

namespace Templates.Tests.Infrastructure;

/// <summary>
/// What users install, made once per run the way a release makes it: `dotnet pack` of the template pack and
/// of the generator tool, the template package installed into a private hive, and the tool installed with
/// `dotnet tool install --tool-path` from the packed folder alone. Everything lives under a temporary
/// folder that is removed at the end.
/// </summary>
public sealed class PackagesFixture : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    private readonly Lazy<Task<string>> _templatePackage;
    private readonly Lazy<Task<TemplateHive>> _packageHive;
    private readonly Lazy<Task<string>> _installedTool;

    public PackagesFixture()
    {
        Directory.CreateDirectory(WorkDirectory);
        _templatePackage = new(() => PackAsync("Templates.csproj", "template-package"));
        _packageHive = new(async () => await TemplateHive.CreateAsync(Path.Combine(WorkDirectory, "package-hive"), [await TemplatePackageAsync()]));
        _installedTool = new(InstallToolAsync);
    }

    public string WorkDirectory { get; } = TempFolder.NewPath("package-tests");

    /// <summary>The packed Multistage.Templates .nupkg.</summary>
    public Task<string> TemplatePackageAsync() => _templatePackage.Value;

    /// <summary>A private hive with the packed template package installed, as `dotnet new install X.nupkg` does.</summary>
    public Task<TemplateHive> PackageHiveAsync() => _packageHive.Value;

    /// <summary>The `multistage` command of the packed tool, installed into a tool path of its own.</summary>
    public Task<string> InstalledToolAsync() => _installedTool.Value;

    public void Dispose() => TempFolder.Remove(WorkDirectory);

    private Task<string> PackAsync(string project, string folderName) =>
        ProjectPackage.PackAsync(TestRepository.Root, project, Path.Combine(WorkDirectory, folderName));

    private async Task<string> InstallToolAsync()
    {
        var package = await PackAsync(Path.Combine("tools", "Multistage", "Multistage.csproj"), "tool-package");
        var toolPath = Path.Combine(WorkDirectory, "tool-path");
        // Only the packed folder as a source, and a package cache of its own: the user's cache may hold
        // an older build of the same version, which NuGet would take instead of the one just packed.
        var config = Path.Combine(WorkDirectory, "nuget.config");
        File.WriteAllText(config,
            $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{Path.GetDirectoryName(package)}" />
              </packageSources>
            </configuration>
            """);
        var result = await ProcessRunner.RunAsync(new ProcessSpec(
            "dotnet",
            ["tool", "install", "Multistage.Cli", "--tool-path", toolPath, "--configfile", config])
        {
            WorkingDirectory = WorkDirectory,
            Environment = new Dictionary<string, string?>(DotnetEnvironment.Quiet)
            {
                ["NUGET_PACKAGES"] = Path.Combine(WorkDirectory, "nuget-packages"),
            },
            Timeout = PackTimeout,
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"dotnet tool install Multistage.Cli --tool-path {toolPath} failed:\n{result.Describe()}");
        }

        var command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "multistage.exe" : "multistage");
        return File.Exists(command)
            ? command
            : throw new InvalidOperationException($"dotnet tool install succeeded but {command} is missing:\n{result.Describe()}");
    }
}
