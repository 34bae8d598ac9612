namespace Multistage.Core.Pipeline;

/// <summary>
/// What a hardened run of an image must show, and where to look: the template samples' contract (they
/// read PORT, answer "ok" on /healthz, exit 0 on SIGTERM), or what `init` found in a user's project (its
/// port and health path, tini's 143 on SIGTERM, folders it writes).
/// </summary>
/// <param name="Port">The port the app listens on whatever it is told (found in its code), or null: any free
/// port, passed in <paramref name="PortVariable"/>.</param>
/// <param name="HealthBody">The exact body the health path answers, or null: any 2xx will do.</param>
/// <param name="CleanExitCodes">How the app may end on `docker stop`: 0, or 143 (128 + SIGTERM) when tini
/// forwards the signal to an app without a handler of its own.</param>
/// <param name="HealthcheckRequired">Whether an image without a HEALTHCHECK fails: the samples teach one; init
/// writes none where the final image has nothing to probe with (scratch), which is not a failure there.</param>
/// <param name="WritableFolders">Relative to the image's WORKDIR: mounted as tmpfs owned by the image's user,
/// as a volume would be in production.</param>
public sealed record ServingContract(
    int? Port,
    string PortVariable,
    string HealthPath,
    string? HealthBody,
    IReadOnlyList<int> CleanExitCodes,
    bool HealthcheckRequired,
    IReadOnlyList<string> WritableFolders)
{
    /// <summary>How long `docker stop` may take before the stop counts as slow: a prompt exit takes well under a second.</summary>
    public static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(3);

    public static ServingContract Samples { get; } = new(null, "PORT", "/healthz", "ok", [0], HealthcheckRequired: true, []);

    /// <summary>Whether <paramref name="status"/> and <paramref name="body"/> are what the health path must answer.</summary>
    public bool IsHealthyAnswer(int? status, string body) =>
        HealthBody is null ? status is >= 200 and < 300 : status == 200 && body == HealthBody;
}
