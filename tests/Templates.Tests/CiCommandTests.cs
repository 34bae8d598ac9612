using System.Text.RegularExpressions;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>CI runs the README's own test command, so what a new user types is what CI proves.</summary>
public sealed partial class CiCommandTests
{
    [Fact]
    public void Ci_runs_the_test_command_of_the_readme_set_up()
    {
        var readme = File.ReadAllText(Path.Combine(TestRepository.Root, "README.md"));
        var ciScript = File.ReadAllText(Path.Combine(TestRepository.Root, ".ci", "run"));

        // The set-up block's test step is the first `dotnet test` line of the README.
        var readmeCommand = TestCommand().Match(readme);
        Assert.True(readmeCommand.Success, "README.md has no `dotnet test` line in its set-up.");
        var ciCommands = TestCommand().Matches(ciScript).Select(m => m.Groups["command"].Value).ToList();

        Assert.Contains(readmeCommand.Groups["command"].Value, ciCommands);
    }

    [Fact]
    public void Ci_runs_the_new_user_walk_after_the_tests()
    {
        var ciScript = File.ReadAllText(Path.Combine(TestRepository.Root, ".ci", "run"));
        var walk = ciScript.IndexOf("bash .ci/new-user-walk", StringComparison.Ordinal);
        var tests = ciScript.IndexOf("dotnet test Templates.sln", StringComparison.Ordinal);
        Assert.True(walk > tests && tests >= 0,
            ".ci/run must run `bash .ci/new-user-walk` (README.md's commands as a new user runs them) after the README's test command.");
        Assert.True(File.Exists(Path.Combine(TestRepository.Root, ".ci", "new-user-walk")), ".ci/new-user-walk is missing.");
    }

    // A line that starts with `dotnet test`, up to a pipe, a comment or its end.
    [GeneratedRegex(@"^(?<command>dotnet test [^|#\n]*?)\s*(?:2>&1\s*)?(?:\||#|$)", RegexOptions.Multiline)]
    private static partial Regex TestCommand();
}
