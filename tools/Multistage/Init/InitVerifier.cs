using Multistage.Cli.Checking;
using Multistage.Core.Docker;
using Multistage.Core.Dockerize;
using Multistage.Core.Net;
using Multistage.Core.Pipeline;
using Multistage.Core.Templates;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace Multistage.Cli.Init;

/// <summary>`init --verify`: builds both Dockerfiles init wrote, runs the multi-stage image as `check` does
/// (read-only, no capabilities, on the port the Dockerfile names, probing the health path init found) and
/// grades it with <see cref="SampleChecks.ForProjects"/>. The images are removed afterwards; the build cache
/// stays, so the user's own `docker build` is quick.</summary>
public sealed partial class InitVerifier(IAnsiConsole console)
{
    /// <returns><see cref="ExitCodes.Success"/> when every check passed, <see cref="ExitCodes.Incomplete"/> when one
    /// failed (the files will not work as they are), <see cref="ExitCodes.Failure"/> when the image could not be run here.</returns>
    public async Task<int> VerifyAsync(
        InitPlan plan, TemplateMetadata template, DockerConnection connection, IReadOnlyDictionary<string, string> buildArguments, CancellationToken ct)
    {
        var contract = ProjectServing.Contract(plan.EffectiveValues);
        if (contract.Port is { } port && !FreeLoopbackPort.IsFree(port))
        {
            console.MarkupLineInterpolated($"[red]Not verified:[/] port {port} is in use on this machine, and the image is run on the port its Dockerfile names. Stop what listens there and run init --verify again.");
            return ExitCodes.Failure;
        }

        var slug = InitImageName.From(plan.Name);
        await using var owned = new OwnedSampleRun(connection.Docker, connection.Network, buildArguments,
            OwnedSampleRun.UniqueName($"multistage-verify-{slug}"), template, plan.Directory, ct, context => context with { Contract = contract });
        var run = owned.Run;
        var outcomes = await console.Status().StartAsync(
            $"Verifying: building both Dockerfiles in {UserPath.Display(plan.Directory)} and running the image",
            _ => SampleGrader.GradeAsync(run, SampleChecks.ForProjects));
        console.Write(CheckReport.Table(new CheckedSample(plan.Directory, template), outcomes));
        if ((await run.MultiBuildAsync()).Succeeded)
        {
            foreach (var line in await AnswersAsync(run))
            {
                console.WriteLine(line);
            }
        }

        var failed = outcomes.Where(o => !o.Passed).ToList();
        if (failed.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]Verified: {failed.Count} of {outcomes.Count} checks failed[/] ({string.Join(", ", failed.Select(o => o.Id))}): the files are written; change what the table names, then run init --verify again.");
            return ExitCodes.Incomplete;
        }

        console.MarkupLineInterpolated($"[green]Verified: all {outcomes.Count} checks passed.[/] Both Dockerfiles build; the image answers on port {contract.Port} and stops on SIGTERM.");
        return ExitCodes.Success;
    }

    /// <summary>What / and the health path answered, one line each, so the user sees it was their app.</summary>
    private static async Task<IReadOnlyList<string>> AnswersAsync(SampleRun run)
    {
        RunOutcome outcome;
        try
        {
            outcome = await run.RunAsync();
        }
        catch (InvalidOperationException)
        {
            return [];
        }

        return outcome.HealthPath == "/"
            ? [$"GET / answered {Shorten(outcome.Root)}"]
            : [$"GET / answered {Shorten(outcome.Root)}", $"GET {outcome.HealthPath} answered {Shorten(outcome.Health)}"];
    }

    private static string Shorten(HttpAnswer answer)
    {
        if (answer.Error is not null)
        {
            return answer.ToString();
        }

        var body = string.Join(' ', Readable(answer.Body).Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return $"HTTP {answer.Status}: \"{(body.Length > 100 ? body[..97] + "..." : body)}\"";
    }

    /// <summary>An HTML page's text (no head, scripts, styles or tags), so the line shows what a visitor reads.</summary>
    private static string Readable(string body) =>
        body.TrimStart().StartsWith('<')
            ? Tags().Replace(HeadScriptStyle().Replace(body, " "), " ")
            : body;

    [GeneratedRegex("<(head|script|style)\\b.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HeadScriptStyle();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
