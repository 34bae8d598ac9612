using Multistage.Core.Processes;

namespace Multistage.Core.Docker;

/// <summary>A docker command that failed; the message carries the command line and its output.</summary>
public sealed class DockerCommandException(string what, ProcessResult result)
    : Exception($"{what} failed.\n{result.Describe()}")
{
    public ProcessResult Result { get; } = result;
}
