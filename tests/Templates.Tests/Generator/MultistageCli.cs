using Multistage.Core.Processes;

namespace Templates.Tests.Generator;

/// <summary>Runs the built generator (multistage.dll, copied beside the tests by the ProjectReference) as a
/// user would: a separate process, its exit code and console output.</summary>
public static class MultistageCli
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "multistage.dll");

    public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new FileNotFoundException(
                $"{AssemblyPath} is missing: Templates.Tests.csproj must reference tools/Multistage/Multistage.csproj so the tool is built beside the tests.");
        }

        Directory.CreateDirectory(workingDirectory);
        return ProcessRunner.RunAsync(new ProcessSpec("dotnet", [AssemblyPath, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            Timeout = TimeSpan.FromMinutes(3),
            Environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
        });
    }
}
