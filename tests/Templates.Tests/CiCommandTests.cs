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

    // A line that starts with `dotnet test`, up to a pipe, a comment or its end.
    [GeneratedRegex(@"^(?<command>dotnet test [^|#\n]*?)\s*(?:2>&1\s*)?(?:\||#|$)", RegexOptions.Multiline)]
    private static partial Regex TestCommand();
}
