using System.Globalization;

namespace Multistage.Core.Docker;

/// <summary>
/// The oldest Docker Engine the templates and tools support: 25.0, the first whose HEALTHCHECK takes
/// --start-interval (API 1.44), which every template uses so a container is healthy about a second
/// after it answers instead of after the first 10 s interval. BuildKit, the default builder since 23.0,
/// is needed too (`RUN --mount=type=cache`, `--platform=$BUILDPLATFORM`); every engine before 25.0
/// (Debian 12's 20.10 among them) is past its end of life.
/// </summary>
public static class EngineRequirement
{
    public static readonly Version Minimum = new(25, 0);

    /// <summary>Install a current engine, or (from a clone) start the project's own.</summary>
    public static string Fix(string? projectEngineHint) =>
        "install a current Docker Engine (https://docs.docker.com/engine/install/) or Docker Desktop" +
        (projectEngineHint is null ? "" : $", or {projectEngineHint}");

    /// <summary>Null when the server version is new enough, else a message naming it and the fix.
    /// A version that does not parse (a development build) is given the benefit of the doubt.</summary>
    public static string? Problem(string serverVersion, DockerLocation location) =>
        Problem(serverVersion, location, DaemonStartHint.ProjectEngine(DaemonStartHint.CloneOfThisProcess(), Directory.GetCurrentDirectory()));

    public static string? Problem(string serverVersion, DockerLocation location, string? projectEngineHint)
    {
        var version = Parse(serverVersion);
        return version is null || version >= Minimum
            ? null
            : $"The Docker Engine at {location.Describe()} is {serverVersion}, older than {Minimum}, the minimum " +
              $"(BuildKit, and HEALTHCHECK --start-interval, which the Dockerfiles use). Fix: {Fix(projectEngineHint)}.";
    }

    /// <summary>"28.5.2+dfsg4" and "20.10.24" give their major.minor.patch; anything else null.</summary>
    public static Version? Parse(string serverVersion)
    {
        var core = new string(serverVersion.Trim().TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray()).Trim('.');
        var parts = core.Split('.');
        return parts.Length >= 2 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? Version.Parse(string.Join('.', parts.Take(3)))
            : null;
    }
}
