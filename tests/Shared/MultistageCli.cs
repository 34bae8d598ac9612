using Multistage.Core.Processes;
using Multistage.Core.Templates;
using Xunit;

namespace Multistage.Tests.Shared;

/// <summary>Runs the generator CLI as a process, as a user does: the multistage.dll that each test
/// project's reference to tools/Multistage builds beside the tests. For what needs a real process
/// (signals, the installed tool); everything else runs in-process through <see cref="InProcessCli"/>.</summary>
public static class MultistageCli
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "multistage.dll");

    public static Task<ProcessResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        Assert.True(File.Exists(AssemblyPath),
            $"{AssemblyPath} is missing: the test project must reference tools/Multistage/Multistage.csproj so the tool is built beside the tests.");
        Directory.CreateDirectory(workingDirectory);
        return ProcessRunner.RunAsync(new ProcessSpec("dotnet", [AssemblyPath, .. arguments])
        {
            WorkingDirectory = workingDirectory,
            Timeout = timeout ?? TimeSpan.FromMinutes(3),
            Environment = environment ?? DotnetEnvironment.Quiet,
        });
    }
}
