namespace Multistage.Core.Docker;

/// <summary>Builds images with BuildKit and keeps the plain log.</summary>
public sealed class DockerBuilder(DockerCli docker)
{
    public async Task<BuildResult> BuildAsync(BuildRequest request, CancellationToken cancellationToken = default)
    {
        var process = await docker.RunAsync(request.ToArguments(), request.Timeout, cancellationToken: cancellationToken);
        // BuildKit writes its progress to stderr; stdout only carries output of `--quiet` and the like.
        var log = process.StandardError + process.StandardOutput;
        if (request.LogFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.LogFile))!);
            await File.WriteAllTextAsync(request.LogFile, log, cancellationToken);
        }

        return new BuildResult(request, process, log, BuildLog.ParseSteps(log));
    }

    /// <summary>Builds and throws with the log's tail unless the build succeeded.</summary>
    public async Task<BuildResult> BuildCheckedAsync(BuildRequest request, CancellationToken cancellationToken = default)
    {
        var result = await BuildAsync(request, cancellationToken);
        return result.Succeeded ? result : throw new InvalidOperationException(result.Describe());
    }
}
