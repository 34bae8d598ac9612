using Multistage.Core.Docker;
using Multistage.Core.Processes;
using Multistage.Core.Templates;

namespace Multistage.Tests.Shared;

/// <summary>
/// The real tools that check rendered files. A missing tool FAILS the test when CI=true (CI installs them:
/// the Compose v2 and Buildx plugins with the project's engine, `npm ci --prefix tools/validators`), and
/// outside CI skips it with the command that installs it, so a fresh clone's `dotnet test` still runs
/// everything else. Docker's own tools run through the Core client (MULTISTAGE_DOCKER, DOCKER_CONFIG).
/// </summary>
public static class Validators
{
    private static string ValidatorsDirectory => Path.Combine(RepositoryLayout.FindRoot(), "tools", "validators");

    /// <summary>`docker compose config -q` (Compose v2): parses, interpolates and checks against the compose spec.</summary>
    public static async Task<ProcessResult> ComposeConfigAsync(string composeFile)
    {
        await RequirePluginAsync("compose");
        return await Docker.RunAsync(["compose", "-f", composeFile, "config", "-q"], TimeSpan.FromMinutes(1),
            workingDirectory: Path.GetDirectoryName(composeFile)!, environment: NoComposeOverrides);
    }

    /// <summary>`docker buildx bake --print`: the bake file as Buildx resolves it (every target, with its
    /// group, context and Dockerfile), as JSON, or Buildx's own error. Needs no daemon and builds nothing.
    /// A real `bake` cannot run in CI: on an engine without a bridge network its RUN steps fail with
    /// "network bridge not found" even with --set '*.network=host' (docker/buildx#848); the same
    /// Dockerfiles do build with `docker build --network=host` in the image tests.</summary>
    public static async Task<ProcessResult> BakePrintAsync(string bakeFile)
    {
        await RequirePluginAsync("buildx");
        return await Docker.RunAsync(["buildx", "bake", "--file", bakeFile, "--print"], TimeSpan.FromMinutes(1),
            workingDirectory: Path.GetDirectoryName(bakeFile)!, environment: NoComposeOverrides);
    }

    /// <summary>action-validator: the workflow against GitHub's schema, plus its own checks (globs, action refs).</summary>
    public static Task<ProcessResult> ActionValidatorAsync(string workflowFile)
    {
        var path = Path.Combine(ValidatorsDirectory, "node_modules", ".bin", "action-validator");
        var binary = Require("action-validator", File.Exists(path) ? path : null, "npm ci --prefix tools/validators");
        return RunAsync(binary, [workflowFile], Path.GetDirectoryName(workflowFile)!);
    }

    /// <summary>shellcheck on one script, from its own folder so `source` paths resolve as the script sees them.
    /// Every severity counts (style included); GCC-style lines name file, line and rule.</summary>
    public static Task<ProcessResult> ShellcheckAsync(string script)
    {
        var binary = Require("shellcheck", ProcessRunner.FindOnPath("shellcheck"), "apt-get install shellcheck");
        return RunAsync(binary, ["--external-sources", "--source-path=SCRIPTDIR", "--severity=style", "--format=gcc",
            Path.GetFileName(script)], Path.GetDirectoryName(script)!);
    }

    private static string Require(string tool, string? found, string install)
    {
        if (found is not null)
        {
            return found;
        }

        var reason = $"{tool} is not installed, so rendered files are not validated";
        if (ContinuousIntegration.IsRunning)
        {
            Assert.Fail($"{reason}. Install it with: {install}. (CI=true: a missing validator fails the run instead of skipping; .ci/run installs it.)");
        }

        SkippedTests.Skip(reason, install);
        return "";
    }

    private static DockerCli Docker => DockerCli.FromEnvironment();

    // A COMPOSE_FILE, .env or BUILDX_BAKE_FILE in the caller's environment must not change which file is checked.
    private static readonly IReadOnlyDictionary<string, string?> NoComposeOverrides = new Dictionary<string, string?>
    {
        ["COMPOSE_FILE"] = null, ["COMPOSE_PROJECT_NAME"] = null, ["BUILDX_BAKE_FILE"] = null,
    };

    /// <summary>A client plugin answers `docker PLUGIN version`, or the test fails (CI) or skips.</summary>
    private static async Task RequirePluginAsync(string plugin)
    {
        var version = await Docker.RunAsync([plugin, "version"], TimeSpan.FromSeconds(30));
        Require($"docker {plugin} (the {(plugin == "compose" ? "Compose v2" : "Buildx")} plugin of {Docker.Location.Binary})",
            version.Succeeded ? "ok" : null,
            "eval \"$(bash tools/docker/start-daemon.sh)\" (the project's Engine 28 with its plugins) or Docker's own packages");
    }

    private static Task<ProcessResult> RunAsync(string binary, IReadOnlyList<string> arguments, string workingDirectory) =>
        ProcessRunner.RunAsync(new ProcessSpec(binary, arguments)
        {
            WorkingDirectory = workingDirectory,
            Timeout = TimeSpan.FromMinutes(1),
            Environment = NoComposeOverrides,
        });
}
