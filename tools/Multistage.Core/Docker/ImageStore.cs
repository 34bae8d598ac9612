using System.Text.Json;

namespace Multistage.Core.Docker;

/// <summary>
/// Where the engine keeps images, from `docker info`: the classic store (a graph driver such as
/// overlay2) or the containerd image store (a snapshotter; the default of fresh Docker 29 installs).
/// It changes what `docker image inspect`'s Size means (tried on Engine 28.5 with both stores):
/// classic: the uncompressed size of the image's layers. containerd: the bytes of its blobs in the
/// content store, compressed for layers that were pulled or built (a Go image measured 8.9 MB on
/// overlay2 and 5.5 MB there), so figures from the two stores do not compare.
/// </summary>
public sealed record ImageStore(string Driver, bool Containerd)
{
    public string Describe() => Containerd
        ? $"containerd image store ({Driver} snapshotter), where Size counts the blobs as stored, compressed for pulled and built layers"
        : $"classic image store ({Driver} graph driver), where Size is the layers' uncompressed size";

    public static async Task<ImageStore> ProbeAsync(DockerCli docker, CancellationToken cancellationToken = default)
    {
        var result = await docker.RunCheckedAsync("Asking the engine for its image store",
            ["info", "--format", "{{json .Driver}} {{json .DriverStatus}}"], TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
        return Parse(result.StandardOutput);
    }

    /// <summary>Parses `{{json .Driver}} {{json .DriverStatus}}`: the containerd store reports the
    /// driver type io.containerd.snapshotter.v1 among its status pairs.</summary>
    public static ImageStore Parse(string info)
    {
        var text = info.Trim();
        var split = text.IndexOf(' ', StringComparison.Ordinal);
        var driver = JsonSerializer.Deserialize<string>(split < 0 ? text : text[..split]) ?? "unknown";
        var status = split < 0 ? null : JsonSerializer.Deserialize<string[][]>(text[(split + 1)..]);
        var containerd = (status ?? []).Any(pair => pair.Length == 2 && pair[0] == "driver-type" && pair[1].StartsWith("io.containerd.snapshotter", StringComparison.Ordinal));
        return new ImageStore(driver, containerd);
    }
}
