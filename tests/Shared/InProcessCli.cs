using Multistage.Cli;
using Multistage.Cli.Seeding;
using Multistage.Cli.Templates;
using Multistage.Core.Docker;
using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace Multistage.Tests.Shared;

/// <summary>
/// Runs the generator's command line in-process through Spectre's <see cref="CommandAppTester"/>, configured
/// by the same <see cref="MultistageCommands"/> as the tool, with test consoles for output and errors, a
/// clock that stands still (so "in 0.0 s" is exact) and, unless a test names one, a Docker daemon that is
/// not there. What needs a real process (signals, the installed tool) uses <see cref="MultistageCli"/>.
/// </summary>
public static class InProcessCli
{
    /// <summary>A socket nothing listens on: a command that gets as far as Docker stops with exit 3.</summary>
    public static readonly DockerLocation NoDaemon = new("docker", "unix:///nonexistent/multistage-in-process-tests.sock");

    public static async Task<CliRun> RunAsync(IReadOnlyList<string> arguments, DockerLocation? docker = null, CancellationToken cancellationToken = default)
    {
        var errorConsole = new TestConsole().Width(int.MaxValue);
        var errors = new ErrorOutput(errorConsole);
        var services = new CommandServices(errors, TemplateLoader.ForRunningTool(), new DockerConnector(docker ?? NoDaemon, errors), new StoppedClock());
        var tester = new CommandAppTester(services.Registrar(), new CommandAppTesterSettings { TrimConsoleOutput = false });
        tester.SetDefaultCommand<SeedCommand>();
        tester.Configure(config => MultistageCommands.Configure(config, services));

        var output = "";
        var exitCode = await MultistageCommands.RunAsync([.. arguments], services, async args =>
        {
            var result = await tester.RunAsync(args, cancellationToken);
            output = result.Output;
            return result.ExitCode;
        });
        return new CliRun(arguments, exitCode, output, errorConsole.Output.Replace("\r\n", "\n"));
    }

    private sealed class StoppedClock : TimeProvider
    {
        public override long GetTimestamp() => 0;
    }
}

/// <summary>One in-process run: the exit code and what went to output and to errors.</summary>
public sealed record CliRun(IReadOnlyList<string> Arguments, int ExitCode, string Output, string Errors)
{
    public bool Succeeded => ExitCode == 0;

    public IReadOnlyList<string> OutputLines => Lines(Output);

    public IReadOnlyList<string> ErrorLines => Lines(Errors);

    public string Describe() =>
        $"multistage {string.Join(' ', Arguments)} exited {ExitCode}\n--- output:\n{Output}\n--- errors:\n{Errors}";

    private static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
