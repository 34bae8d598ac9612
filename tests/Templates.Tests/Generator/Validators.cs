using Multistage.Core.Processes;
using Multistage.Core.Templates;

namespace Templates.Tests.Generator;

/// <summary>
/// The real tools that check rendered files. A missing tool FAILS the test when CI=true (CI installs them:
/// apt's docker-compose, `npm ci --prefix tools/validators`), and outside CI skips it with the command that
/// installs it, so a fresh clone's `dotnet test` still runs everything else.
/// </summary>
public static class Validators
{
    private static string ValidatorsDirectory => Path.Combine(RepositoryLayout.FindRoot(), "tools", "validators");

    /// <summary>`docker-compose config -q FILE` (Debian's docker-compose 1.29): parses and checks against the compose schema.</summary>
    public static Task<ProcessResult> ComposeConfigAsync(string composeFile)
    {
        var binary = Require("docker-compose", OnPath("docker-compose"), "apt-get install docker-compose");
        return RunAsync(binary, ["-f", composeFile, "config", "-q"], Path.GetDirectoryName(composeFile)!);
    }

    /// <summary>HashiCorp's HCL parser (via @cdktf/hcl2json): the bake file as JSON, or a syntax error.</summary>
    public static Task<ProcessResult> HclToJsonAsync(string hclFile)
    {
        var node = Require("node", OnPath("node"), "install Node.js 20 or later");
        var script = Path.Combine(ValidatorsDirectory, "hcl2json.js");
        Require("@cdktf/hcl2json", Directory.Exists(Path.Combine(ValidatorsDirectory, "node_modules", "@cdktf", "hcl2json")) ? script : null,
            "npm ci --prefix tools/validators");
        return RunAsync(node, [script, hclFile], ValidatorsDirectory);
    }

    /// <summary>action-validator: the workflow against GitHub's schema, plus its own checks (globs, action refs).</summary>
    public static Task<ProcessResult> ActionValidatorAsync(string workflowFile)
    {
        var path = Path.Combine(ValidatorsDirectory, "node_modules", ".bin", "action-validator");
        var binary = Require("action-validator", File.Exists(path) ? path : null, "npm ci --prefix tools/validators");
        return RunAsync(binary, [workflowFile], Path.GetDirectoryName(workflowFile)!);
    }

    public static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Require(string tool, string? found, string install)
    {
        if (found is not null)
        {
            return found;
        }

        var reason = $"{tool} is not installed, so the rendered file cannot be validated. Install it with: {install}";
        if (RunningInCi)
        {
            Assert.Fail($"{reason}. (CI=true: a missing validator fails the run instead of skipping; .ci/run installs it.)");
        }

        Skip.If(true, reason);
        return "";
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, name))
        .FirstOrDefault(File.Exists);

    private static Task<ProcessResult> RunAsync(string binary, IReadOnlyList<string> arguments, string workingDirectory) =>
        ProcessRunner.RunAsync(new ProcessSpec(binary, arguments)
        {
            WorkingDirectory = workingDirectory,
            Timeout = TimeSpan.FromMinutes(1),
            // A COMPOSE_FILE or .env in the caller's environment must not change which file is checked.
            Environment = new Dictionary<string, string?> { ["COMPOSE_FILE"] = null, ["COMPOSE_PROJECT_NAME"] = null },
        });
}
