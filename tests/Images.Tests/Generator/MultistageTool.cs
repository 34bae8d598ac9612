using Multistage.Core.Processes;
using Multistage.Core.Templates;

namespace Images.Tests.Generator;

/// <summary>
/// Runs the generator CLI as a process, as a user does. This project does not reference the tool, so it
/// builds tools/Multistage once per run (in the tests' own configuration; a no-op when up to date) and
/// runs that build's multistage.dll.
/// </summary>
public static class MultistageTool
{
    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    public static async Task<ProcessResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var assembly = await Built.Value;
        Directory.CreateDirectory(workingDirectory);
        return await ProcessRunner.RunAsync(new ProcessSpec("dotnet", [assembly, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            Timeout = timeout ?? TimeSpan.FromMinutes(3),
            Environment = environment ?? new Dictionary<string, string?>(),
        });
    }

    private static async Task<string> BuildAsync()
    {
        var root = RepositoryLayout.FindRoot();
        // bin/<Configuration>/<framework>/: the tool is built the way the tests were.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var project = Path.Combine(root, "tools", "Multistage", "Multistage.csproj");
        var build = await ProcessRunner.RunAsync(new ProcessSpec("dotnet", ["build", project, "-c", configuration, "-nologo", "-v", "q"])
        {
            WorkingDirectory = root,
            Timeout = TimeSpan.FromMinutes(5),
        });
        Assert.True(build.Succeeded, $"Building the generator for this test failed:\n{build.Describe()}");
        var assembly = Path.Combine(root, "tools", "Multistage", "bin", configuration, "net10.0", "multistage.dll");
        Assert.True(File.Exists(assembly), $"dotnet build {project} -c {configuration} succeeded but {assembly} is missing.");
        return assembly;
    }
}
