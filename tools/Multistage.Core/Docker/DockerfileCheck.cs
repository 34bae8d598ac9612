namespace Multistage.Core.Docker;

/// <summary>
/// Docker's own linter: `docker build --check` evaluates a Dockerfile against BuildKit's build checks
/// (https://docs.docker.com/reference/build-checks/) without running any step. It reads each base
/// image's configuration, so every FROM image must be in the daemon or replaced by a stand-in name
/// (<see cref="BaseImageSubstitutes"/>, passed as named build contexts).
/// </summary>
public sealed class DockerfileCheck(DockerCli docker)
{
    public async Task<CheckResult> RunAsync(
        string contextDirectory,
        string dockerfile,
        IReadOnlyDictionary<string, string>? baseImageSubstitutes = null,
        CancellationToken cancellationToken = default)
    {
        var arguments = new List<string> { "build", "--check", "-f", Path.Combine(contextDirectory, dockerfile) };
        foreach (var (image, substitute) in (baseImageSubstitutes ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // A named context with a FROM image's name replaces that image for this build only.
            arguments.AddRange(["--build-context", $"{image}=docker-image://{substitute}"]);
        }

        arguments.Add(contextDirectory);
        var result = await docker.RunAsync(arguments, TimeSpan.FromMinutes(2), cancellationToken: cancellationToken);
        // The check's report goes to stdout; stderr carries BuildKit's progress (and errors).
        var output = result.StandardOutput.Trim();
        var warnings = output.Split('\n').Select(line => line.Trim())
            .Where(line => line.StartsWith("WARNING:", StringComparison.Ordinal)).ToList();
        // Exit 0 with this line is the only clean result; a warning exits 1, and so does an error.
        var clean = result.Succeeded && output.Contains("Check complete, no warnings found", StringComparison.Ordinal);
        return new CheckResult(clean, warnings, output, result.Describe());
    }
}

/// <summary>What `docker build --check` said: clean, or the warnings (with the full output for the message).</summary>
public sealed record CheckResult(bool Clean, IReadOnlyList<string> Warnings, string Output, string Command);
