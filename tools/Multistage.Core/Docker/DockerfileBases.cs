using System.Text.RegularExpressions;

namespace Multistage.Core.Docker;

/// <summary>The base images a Dockerfile's FROM lines name, in order, without stage references
/// (`FROM build`), `--platform=` flags or `AS name` aliases. `scratch` is kept: it is a base too.</summary>
public static partial class DockerfileBases
{
    public static IReadOnlyList<string> Read(string dockerfilePath) => Parse(File.ReadAllText(dockerfilePath));

    public static IReadOnlyList<string> Parse(string dockerfile)
    {
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var bases = new List<string>();
        foreach (Match match in FromLine().Matches(dockerfile))
        {
            var image = match.Groups["image"].Value;
            if (!stages.Contains(image))
            {
                bases.Add(image);
            }

            if (match.Groups["alias"].Success)
            {
                stages.Add(match.Groups["alias"].Value);
            }
        }

        return bases;
    }

    [GeneratedRegex(@"^\s*FROM\s+(?:--platform=\S+\s+)?(?<image>\S+)(?:\s+AS\s+(?<alias>\S+))?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();
}
