namespace Multistage.Core;

/// <summary>The folder where the tools keep what they can always make again (installed template hives).</summary>
public static class MultistageCache
{
    /// <summary>Sets the folder; tools/docker's scripts read it too (their default is /var/cache/multistage).</summary>
    public const string Variable = "MULTISTAGE_CACHE";

    /// <summary>$MULTISTAGE_CACHE, else $XDG_CACHE_HOME/multistage, else ~/.cache/multistage; null when no home folder is known.</summary>
    public static string? UserRoot()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        // The XDG rule: a relative value is invalid and ignored.
        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "multistage");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? Path.Combine(home, ".cache", "multistage") : null;
    }
}
