namespace Generator.Tests;

/// <summary>Runs <c>seed</c> in-process through the tool's own command line (<see cref="InProcessCli"/>):
/// the same parsing, planning, writing and messages as the installed tool, without a process.</summary>
public static class CourseSeeding
{
    /// <summary><c>multistage seed --out OUTPUT ARGUMENTS...</c>.</summary>
    public static Task<CliRun> SeedAsync(string output, IReadOnlyList<string> arguments) =>
        InProcessCli.RunAsync(["seed", "--out", output, .. arguments]);

    /// <summary>Seeds, and fails the test with seed's output unless it exited 0.</summary>
    public static async Task SeedOrFailAsync(string output, IReadOnlyList<string> arguments)
    {
        var run = await SeedAsync(output, arguments);
        Assert.True(run.ExitCode == 0, $"Expected seed to exit 0:\n{run.Describe()}");
    }

    /// <summary>Every file under <paramref name="root"/> (dotfiles included), relative, '/'-separated, sorted.</summary>
    public static IReadOnlyList<string> Files(string root) => FileTree.RelativeFiles(root);
}
