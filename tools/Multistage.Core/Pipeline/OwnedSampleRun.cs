using Multistage.Core.Docker;
using Multistage.Core.Templates;

namespace Multistage.Core.Pipeline;

/// <summary>
/// A <see cref="SampleRun"/> that owns the images it builds: every tag is recorded before its build, and
/// disposing removes them all (but those kept), also after a failure or Ctrl+C, since removal does not take
/// the caller's token. The run's docker calls do take it, so Ctrl+C kills a build or run at once. The one
/// run lifecycle of check, pitfalls, init --verify and compare.
/// </summary>
public sealed class OwnedSampleRun : IAsyncDisposable
{
    private readonly DockerImages images;
    private readonly List<string> tags = [];
    private readonly HashSet<string> kept = new(StringComparer.Ordinal);

    /// <param name="name">The image repository and container prefix (see <see cref="UniqueName"/>).</param>
    /// <param name="cancellationToken">The command's (Ctrl+C): every build, run and probe of the run takes it.</param>
    /// <param name="configure">Sets the context's options (contract, cold builds) before the run exists.</param>
    public OwnedSampleRun(
        DockerCli docker, NetworkMode network, IReadOnlyDictionary<string, string> buildArguments, string name,
        TemplateMetadata template, string directory, CancellationToken cancellationToken, Func<SampleRunContext, SampleRunContext>? configure = null)
    {
        images = new DockerImages(docker);
        var context = new SampleRunContext(docker, network, buildArguments, name, null, Track) { Cancellation = cancellationToken };
        Run = new SampleRun(configure is null ? context : configure(context), template, directory);
    }

    public SampleRun Run { get; }

    /// <summary>A name no other run shares: the prefix (at most 40 characters) and 8 random hex digits,
    /// so two runs at once (two checks, a test's parallel runs) never remove each other's images.</summary>
    public static string UniqueName(string prefix) =>
        $"{(prefix.Length > 40 ? prefix[..40] : prefix).TrimEnd('-')}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Leaves the run's two images in place when it ends (compare's report names them).</summary>
    public void KeepBothImages()
    {
        kept.Add(Run.MultiTag);
        kept.Add(Run.SingleTag);
    }

    public async ValueTask DisposeAsync()
    {
        List<string> removable;
        lock (tags)
        {
            removable = tags.Where(tag => !kept.Contains(tag)).ToList();
        }

        await images.RemoveAsync(removable, CancellationToken.None).ConfigureAwait(false);
    }

    private void Track(string tag)
    {
        lock (tags)
        {
            tags.Add(tag);
        }
    }
}
