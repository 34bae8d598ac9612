namespace Multistage.Cli.Init;

/// <summary>The Compose file names init must respect: Compose reads the first of <see cref="ComposeNames"/>
/// it finds, so a compose.yaml written beside a user's docker-compose.yml would silently replace theirs.</summary>
public static class InitFiles
{
    /// <summary>The item templates' own Compose file.</summary>
    public const string Compose = "compose.yaml";

    /// <summary>Where init's Compose file goes when the project has one of its own: a name Compose never reads by itself.</summary>
    public const string BesideUserCompose = "compose.multistage.yaml";

    /// <summary>The names `docker compose` looks for, in its order of preference.</summary>
    public static readonly IReadOnlyList<string> ComposeNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

    /// <summary>The first line of every compose.yaml init writes: a file that starts so is init's own (a rerun replaces it).</summary>
    private const string OwnComposeStart = "# `docker compose up --build` builds the multi-stage Dockerfile";

    /// <summary>The user's own Compose file in <paramref name="directory"/>, or null.</summary>
    public static string? UserCompose(string directory) =>
        ComposeNames.FirstOrDefault(name =>
        {
            var path = Path.Combine(directory, name);
            return File.Exists(path) && !File.ReadLines(path).FirstOrDefault("").StartsWith(OwnComposeStart, StringComparison.Ordinal);
        });
}
