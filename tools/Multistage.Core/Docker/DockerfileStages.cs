using System.Text.RegularExpressions;

namespace Multistage.Core.Docker;

/// <summary>One FROM of a Dockerfile: the image it names (ARGs expanded, earlier stages resolved) and its stage name.</summary>
public sealed record DockerfileStage(int Line, string Image, string? Name, string? FromStage);

/// <summary>
/// Reads the FROM lines the way Docker does, enough to ask "which base images does this file use":
/// `--platform=...` and `AS name` are dropped, global ARG defaults are expanded, and `FROM build` is
/// resolved to the image that stage `build` started from.
/// </summary>
public static partial class DockerfileStages
{
    public static IReadOnlyList<DockerfileStage> Read(string dockerfilePath) => Parse(File.ReadAllText(dockerfilePath));

    /// <summary>The base images the file builds on, in order, each once (`scratch` included).</summary>
    public static IReadOnlyList<string> BaseImages(IReadOnlyList<DockerfileStage> stages) =>
        stages.Where(s => s.FromStage is null).Select(s => s.Image).Distinct(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<DockerfileStage> Parse(string dockerfileText)
    {
        var globalArgs = new Dictionary<string, string>(StringComparer.Ordinal);
        var stages = new List<DockerfileStage>();
        foreach (var (line, number) in Instructions(dockerfileText))
        {
            var words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var keyword = words[0].ToUpperInvariant();
            if (keyword == "ARG" && stages.Count == 0)
            {
                foreach (var declaration in words.Skip(1))
                {
                    var parts = declaration.Split('=', 2);
                    globalArgs[parts[0]] = parts.Length == 2 ? parts[1].Trim('"') : "";
                }
            }
            else if (keyword == "FROM")
            {
                var operands = words.Skip(1).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                if (operands.Count == 0)
                {
                    throw new FormatException($"Line {number}: FROM names no image.");
                }
                var image = Expand(operands[0], globalArgs);
                var name = operands.Count >= 3 && operands[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? operands[2] : null;
                var earlier = stages.LastOrDefault(s => s.Name is not null && s.Name.Equals(image, StringComparison.OrdinalIgnoreCase));
                stages.Add(earlier is null
                    ? new DockerfileStage(number, image, name, null)
                    : new DockerfileStage(number, earlier.Image, name, earlier.Name));
            }
        }
        return stages;
    }

    /// <summary>The value of every `COPY --from=` in the file, in order: a stage name, a stage number or an image.</summary>
    public static IReadOnlyList<string> CopySources(string dockerfileText) =>
        Instructions(dockerfileText)
            .Select(instruction => instruction.Text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words[0].Equals("COPY", StringComparison.OrdinalIgnoreCase))
            .SelectMany(words => words.Skip(1).Where(w => w.StartsWith("--from=", StringComparison.OrdinalIgnoreCase)))
            .Select(option => option["--from=".Length..])
            .ToList();

    /// <summary>Instructions with continuation lines joined and comments dropped, with their first line number.</summary>
    private static IEnumerable<(string Text, int Line)> Instructions(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = "";
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }
            if (current.Length == 0)
            {
                start = i + 1;
            }
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }
            current += line;
            yield return (current, start);
            current = "";
        }
        if (current.Length > 0)
        {
            yield return (current, start);
        }
    }

    private static string Expand(string word, IReadOnlyDictionary<string, string> args) =>
        VariablePattern().Replace(word, match =>
        {
            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["plain"].Value;
            if (args.TryGetValue(name, out var value) && value.Length > 0)
            {
                return value;
            }
            return match.Groups["fallback"].Success ? match.Groups["fallback"].Value : "";
        });

    [GeneratedRegex(@"\$\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(:-(?<fallback>[^}]*))?\}|\$(?<plain>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariablePattern();
}
