using Multistage.Core.Templates;

namespace Multistage.Core.Docker;

/// <summary>
/// How the user starts a daemon, quoted in every "no daemon" and "engine too old" message. From a clone
/// the project's own Engine 28 is one command away (tools/docker/start-daemon.sh); an installed tool has no
/// such script beside it, so it points at the user's own Docker instead.
/// </summary>
public static class DaemonStartHint
{
    public const string OwnDocker = "start Docker Desktop or the Docker service (sudo systemctl start docker)";

    /// <summary>What to start, for this process.</summary>
    public static string Current => ProjectEngine(CloneOfThisProcess(), Directory.GetCurrentDirectory()) ?? OwnDocker;

    /// <summary>"start the project's own Engine 28 with: eval ..." from a clone (the script path relative in
    /// the clone's root, else absolute), or null outside any clone.</summary>
    public static string? ProjectEngine(string? cloneRoot, string currentDirectory)
    {
        if (cloneRoot is null)
        {
            return null;
        }

        var script = Path.GetFullPath(cloneRoot) == Path.GetFullPath(currentDirectory).TrimEnd(Path.DirectorySeparatorChar)
            ? "tools/docker/start-daemon.sh"
            : Path.Combine(cloneRoot, "tools", "docker", "start-daemon.sh");
        return $"start the project's own Engine 28 with: eval \"$(bash {script})\"";
    }

    /// <summary>The clone the tool was built in, else the clone of the current folder, else null.</summary>
    public static string? CloneOfThisProcess() =>
        RepositoryLayout.TryFindRoot(AppContext.BaseDirectory) ?? RepositoryLayout.TryFindRoot(Directory.GetCurrentDirectory());
}
