using System.Globalization;
using Multistage.Core.Docker;

namespace Multistage.Core.Pipeline;

/// <summary>
/// What the solution Dockerfiles achieve, as checks on any sample folder: the grading list of
/// `multistage check`. Each hint is one of the course notes' lessons, for the learner who failed it.
/// </summary>
public static class SampleChecks
{
    // Declared before All, which lists it: static initialisers run in textual order.
    private static readonly SampleCheck DependencyCacheCheck =
        new("dependency-cache", "A source-only change reuses the dependency layer",
            "Copy the manifest and lock file and install dependencies before copying the sources.",
            DependencyCache) { PassesWhen = "after a change to a source file only, the dependency step comes from the cache" };

    public static IReadOnlyList<SampleCheck> All { get; } =
    [
        new("builds", "The multi-stage Dockerfile builds",
            "Build it yourself with `docker build .` and read the first error; each stage starts from its own FROM.",
            Builds) { PassesWhen = "`docker build` of `Dockerfile` works" },
        new("named-stages", "Stages are named and copied from by name",
            "Name the build stage (FROM ... AS build) and copy with COPY --from=build: --from=0 breaks when a stage is inserted.",
            NamedStages) { PassesWhen = "there are two or more stages and `COPY --from=` names a stage, not a number" },
        new("no-toolchain", "The final image holds no toolchain, sources or caches",
            "Copy only the artefact into the final stage: no compiler in production means nothing to compile an attack with.",
            NoToolchain) { PassesWhen = "the final image holds none of the language's `forbiddenPaths` (compiler, sources, caches), nor `pip`/`npm` on a runtime choice that declares no package manager" },
        new("size", "The final image is a small share of the single-stage one",
            "Start the final stage from a small runtime base (alpine, slim, distroless, scratch), not from the build image.",
            Size) { PassesWhen = "the final image is at most the language's `maxSizeRatio` of the `Dockerfile.single` image" },
        new("non-root", "It runs as a numeric non-root user",
            "Add USER 65532:65532 (numeric, so Kubernetes' runAsNonRoot can verify it) in the final stage.",
            NonRoot) { PassesWhen = "`USER` is a numeric uid other than 0" },
        new("exec-form", "ENTRYPOINT/CMD are in exec form",
            "Write ENTRYPOINT [\"/app/server\"]: the shell form needs a /bin/sh (scratch has none) and a shell as PID 1 swallows SIGTERM.",
            ExecForm) { PassesWhen = "`ENTRYPOINT`/`CMD` do not start through `/bin/sh -c`" },
        new("healthy", "It turns healthy by its own HEALTHCHECK",
            "Add HEALTHCHECK CMD [\"/app/server\", \"--healthcheck\"] in exec form: the final image may have no shell or curl.",
            Healthy) { PassesWhen = "the image has an exec-form `HEALTHCHECK` (`CMD [...]`) and the container (read-only, no capabilities) turns healthy" },
        new("answers", "It answers / and its health path",
            "Keep PORT and HOST as the app reads them (ENV PORT=..., EXPOSE) and copy everything the app needs at run time.",
            Answers) { PassesWhen = "`/` and `/healthz` answer 200 (`ok`)" },
        new("sigterm", "It exits by itself on SIGTERM",
            "Start the app itself as PID 1 (exec form, no shell wrapper): Docker kills what ignores SIGTERM after 10 s.",
            StopsOnSigterm) { PassesWhen = "`docker stop` ends it within 3 s with status 0, not by a kill" },
        DependencyCacheCheck,
        new("build-check", "`docker build --check` finds nothing",
            "Run `docker build --check .` and fix each warning it names (for example `FROM ... AS` in matching case).",
            BuildCheck) { PassesWhen = "`docker build --check` (Docker's own build checks) prints no warning" },
    ];

    /// <summary>What `init --verify` (and check on an init'd project) grades: everything but the rebuild after a
    /// source change, which needs a sample's known source file and dependency step.</summary>
    public static IReadOnlyList<SampleCheck> ForProjects { get; } = All
        .Where(c => c.Id != DependencyCacheCheck.Id)
        .Select(c => ProjectHints.TryGetValue(c.Id, out var hint) ? c with { Hint = hint } : c)
        .ToList();

    /// <summary>Where the samples' hint names their own binary (/app/server and its --healthcheck mode), the
    /// hint for any project's image instead: init's options and the generic fix.</summary>
    private static Dictionary<string, string> ProjectHints => new(StringComparer.Ordinal)
    {
        ["builds"] = "Run the same docker build in the folder and read the first error: a package the registry or mirror lacks, a file .dockerignore leaves out, a version the base image does not have.",
        ["non-root"] = "Keep the numeric USER line init wrote in the final stage: Kubernetes' runAsNonRoot can verify only a numeric uid.",
        ["size"] = "Keep the final stage on a runtime base (init --runtime lists the choices), not the build image; copy only what runs.",
        ["build-check"] = "Run `docker build --check .` and fix each warning it names.",
        ["no-toolchain"] = "Keep the file out of the final stage: list it in .dockerignore if no stage needs it, else COPY --exclude it.",
        ["healthy"] = "Point the HEALTHCHECK at a route that answers 2xx once the app is ready (init --set health-path=/healthz).",
        ["answers"] = "Make the app listen on 0.0.0.0 at the port the Dockerfile names (init --port N, --set port-variable=NAME), and copy every file it reads at run time.",
        ["exec-form"] = "Write ENTRYPOINT as a JSON array (exec form): a shell as PID 1 does not pass SIGTERM on.",
        ["sigterm"] = "Make the app's SIGTERM handler close the server and exit, or drop the handler and let tini stop it (init --set tini=true): Docker kills what ignores SIGTERM after 10 s.",
    };


    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Status(HttpAnswer answer) => answer.Status?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Megabytes(long bytes) => (bytes / 1_000_000d).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static async Task<CheckVerdict> Builds(SampleRun run)
    {
        var build = await run.MultiBuildAsync();
        return build.Succeeded
            ? CheckVerdict.Pass(Seconds(build.Duration))
            : CheckVerdict.Fail("failed", FailedBuild(build));
    }

    /// <summary>The failed step's first error line, then BuildKit's last line (which step, which exit code).</summary>
    private static string FailedBuild(BuildResult build)
    {
        var last = build.Process.StandardError.Trim().Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no output";
        return BuildLog.FirstError(build.Log) is { } first ? $"{first} ({last})" : last;
    }

    private static Task<CheckVerdict> NamedStages(SampleRun run)
    {
        var text = File.ReadAllText(Path.Combine(run.Directory, "Dockerfile"));
        var stages = DockerfileStages.Parse(text);
        var names = stages.Select(s => s.Name).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sources = DockerfileStages.CopySources(text);
        var figure = $"{stages.Count} stage(s), COPY --from={(sources.Count == 0 ? "none" : string.Join(",", sources))}";
        if (stages.Count < 2 || sources.Count == 0)
        {
            return Task.FromResult(CheckVerdict.Fail(figure, "there is one stage, or nothing is copied from an earlier one: this is not a multi-stage build yet"));
        }

        var unnamed = sources.Where(s => !names.Contains(s) && s.All(char.IsAsciiDigit)).ToList();
        return Task.FromResult(unnamed.Count == 0
            ? CheckVerdict.Pass(figure)
            : CheckVerdict.Fail(figure, $"COPY --from={string.Join(", --from=", unnamed)} copies from a stage by number"));
    }

    private static async Task<CheckVerdict> NoToolchain(SampleRun run)
    {
        // The final stage's base (resolved through stages): its runtime choice says whether pip or npm may be there.
        var finalBase = DockerfileStages.Read(Path.Combine(run.Directory, "Dockerfile")).LastOrDefault()?.Image;
        var found = SampleRules.ForbiddenFiles(await run.FilesAsync(), SampleRules.ForbiddenGlobs(run.Template, finalBase));
        return found.Count == 0
            ? CheckVerdict.Pass("0 forbidden paths")
            : CheckVerdict.Fail($"{found.Count} forbidden path(s)", $"for example {string.Join(", ", found.Take(3))}");
    }

    private static async Task<CheckVerdict> Size(SampleRun run)
    {
        var multi = await run.MultiInfoAsync();
        var single = await run.SingleInfoAsync();
        var ratio = multi.Size / (double)single.Size;
        var figure = $"{Megabytes(multi.Size)} = {ratio.ToString("P1", CultureInfo.InvariantCulture)} of {Megabytes(single.Size)} (at most {run.Template.MaxSizeRatio.ToString("P0", CultureInfo.InvariantCulture)})";
        return ratio <= run.Template.MaxSizeRatio ? CheckVerdict.Pass(figure) : CheckVerdict.Fail(figure, "the final image is too large a share of the single-stage image");
    }

    private static async Task<CheckVerdict> NonRoot(SampleRun run)
    {
        var user = (await run.MultiInfoAsync()).User;
        var shown = user.Length == 0 ? "(none: root)" : user;
        return SampleRules.IsNumericNonRoot(user) ? CheckVerdict.Pass($"USER {shown}") : CheckVerdict.Fail($"USER {shown}", "not a numeric uid other than 0");
    }

    private static async Task<CheckVerdict> ExecForm(SampleRun run)
    {
        var info = await run.MultiInfoAsync();
        var command = info.Entrypoint.Concat(info.Cmd).ToList();
        var figure = command.Count == 0 ? "no ENTRYPOINT or CMD" : string.Join(" ", command);
        return command.Count > 0 && !info.UsesShellForm ? CheckVerdict.Pass(figure) : CheckVerdict.Fail(figure, "the image starts through /bin/sh -c, or starts nothing");
    }

    private static async Task<CheckVerdict> Healthy(SampleRun run)
    {
        var info = await run.MultiInfoAsync();
        if (info.HealthcheckTest.Count == 0)
        {
            return run.Contract.HealthcheckRequired
                ? CheckVerdict.Fail("no HEALTHCHECK", "the image has no HEALTHCHECK")
                : CheckVerdict.Pass("no HEALTHCHECK: nothing in the final image can probe (README.Docker.md)");
        }

        if (info.HealthcheckTest[0] != "CMD")
        {
            return CheckVerdict.Fail("shell form", "the HEALTHCHECK runs through /bin/sh -c, which a final image without a shell lacks");
        }

        var outcome = await run.RunAsync();
        return outcome.HealthFailure is null
            ? CheckVerdict.Pass("healthy")
            : EarlyExit.Describe(outcome) is { } exited
                ? CheckVerdict.Fail("never healthy", exited, FailureFix.EarlyExit)
                : CheckVerdict.Fail("never healthy", outcome.HealthFailure.Message.Split('\n')[0]);
    }

    private static async Task<CheckVerdict> Answers(SampleRun run)
    {
        var outcome = await run.RunAsync();
        var contract = run.Contract;
        var figure = $"port {outcome.Port}: / {Status(outcome.Root)}, {outcome.HealthPath} {Status(outcome.Health)}";
        // The samples answer / too; a project's / may be anything (a 503 until ready, a login page): its health path decides.
        var passed = contract.IsHealthyAnswer(outcome.Health.Status, outcome.Health.Body) && (contract.HealthBody is null || outcome.Root.Status == 200);
        return passed ? CheckVerdict.Pass(figure)
            : EarlyExit.Describe(outcome) is { } exited
                ? CheckVerdict.Fail(figure, exited, FailureFix.EarlyExit)
                : CheckVerdict.Fail(figure, $"GET / gave {outcome.Root}; GET {outcome.HealthPath} gave {outcome.Health}", FailureFix.ForAnswers(outcome, contract));
    }

    private static async Task<CheckVerdict> StopsOnSigterm(SampleRun run)
    {
        var outcome = await run.RunAsync();
        if (outcome.Stopped is not { } stopped)
        {
            return CheckVerdict.Fail("not stopped", outcome.StopFailure?.Message ?? $"the container had already {outcome.BeforeStop.Status}");
        }

        // docker stop on a container that had already exited reports that exit: no SIGTERM was handled.
        if (EarlyExit.Describe(outcome) is { } exited)
        {
            return CheckVerdict.Fail($"exited {stopped.ExitCode} before the stop", exited, FailureFix.EarlyExit);
        }

        var figure = $"exit {stopped.ExitCode} after {Seconds(stopped.StopDuration)}";
        var clean = run.Contract.CleanExitCodes;
        if (stopped.WasKilled)
        {
            return CheckVerdict.Fail(figure, "Docker had to kill it: SIGTERM was ignored");
        }

        if (!clean.Contains(stopped.ExitCode))
        {
            return CheckVerdict.Fail(figure, $"it exited with status {stopped.ExitCode}, not {string.Join(" or ", clean)}");
        }

        return stopped.StopDuration <= ServingContract.StopLimit
            ? CheckVerdict.Pass(figure)
            : CheckVerdict.Fail(figure, $"it took longer than {Seconds(ServingContract.StopLimit)} to stop");
    }

    private static async Task<CheckVerdict> DependencyCache(SampleRun run)
    {
        var rebuild = await run.SourceChangeRebuildAsync();
        if (!rebuild.Succeeded)
        {
            return CheckVerdict.Fail("rebuild failed", rebuild.Process.StandardError.Trim().Split('\n').Last().Trim());
        }

        var use = SampleRules.DependencyCache(rebuild, run.Template.DependencyStep);
        if (use.DependencySteps == 0)
        {
            return CheckVerdict.Fail($"no `{run.Template.DependencyStep}` step", $"no build step runs `{run.Template.DependencyStep}`");
        }

        return use.Reused
            ? CheckVerdict.Pass($"`{run.Template.DependencyStep}` cached")
            : CheckVerdict.Fail($"`{run.Template.DependencyStep}` ran again", $"after changing only {run.Template.SourceFile}, the dependency step was not taken from the cache");
    }

    private static async Task<CheckVerdict> BuildCheck(SampleRun run)
    {
        var result = await new DockerfileCheck(run.Docker).RunAsync(run.Directory, "Dockerfile", cancellationToken: run.Cancellation);
        if (result.Clean)
        {
            return CheckVerdict.Pass("no warnings");
        }

        // No warnings but not clean: the check itself failed (a base image it cannot resolve, a syntax error).
        return result.Warnings.Count > 0
            ? CheckVerdict.Fail($"{result.Warnings.Count} warning(s)", string.Join(" ", result.Warnings.Take(2)))
            : CheckVerdict.Fail("did not run", result.Output.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "docker build --check failed without output");
    }
}
