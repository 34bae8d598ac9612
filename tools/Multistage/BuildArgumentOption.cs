namespace Multistage.Cli;

/// <summary>The repeatable --build-arg KEY=VALUE option of the commands that build images.</summary>
public static class BuildArgumentOption
{
    /// <summary>Null when every value is KEY=VALUE, else the message for the first that is not.</summary>
    public static string? Problem(IEnumerable<string> pairs) =>
        pairs.FirstOrDefault(a => !a.Contains('=') || a.StartsWith('=')) is { } bad
            ? $"--build-arg '{bad}' is not KEY=VALUE: write it as, for example, --build-arg PIP_INDEX_URL=http://127.0.0.1:8000/simple/."
            : null;

    /// <summary>Checked pairs as a map; a repeated key keeps its last value, as `docker build --build-arg` does.</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parts in pairs.Select(p => p.Split('=', 2)))
        {
            arguments[parts[0]] = parts[1];
        }

        return arguments;
    }
}
