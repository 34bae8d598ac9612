using Multistage.Core.Processes;

namespace Images.Tests.Generator;

/// <summary>Runs the generator CLI as a process, as a user does: the multistage.dll that the project
/// reference builds beside the tests.</summary>
public static class MultistageTool
{
    private static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "multistage.dll");

    public static Task<ProcessResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        Assert.True(File.Exists(AssemblyPath),
            $"{AssemblyPath} is missing: Images.Tests.csproj must reference tools/Multistage/Multistage.csproj so the tool is built beside the tests.");
        Directory.CreateDirectory(workingDirectory);
        return ProcessRunner.RunAsync(new ProcessSpec("dotnet", [AssemblyPath, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            Timeout = timeout ?? TimeSpan.FromMinutes(3),
            Environment = environment ?? new Dictionary<string, string?>(),
        });
    }
}
