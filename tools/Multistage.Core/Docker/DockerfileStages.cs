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
        foreach (var instruction in DockerfileInstructions.Parse(dockerfileText))
        {
            var number = instruction.Line;
            var words = $"{instruction.Keyword} {instruction.Arguments}".Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
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
        DockerfileInstructions.Parse(dockerfileText)
            .Where(instruction => instruction.Is("COPY"))
            .SelectMany(instruction => instruction.Arguments.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.StartsWith("--from=", StringComparison.OrdinalIgnoreCase)))
            .Select(option => option["--from=".Length..])
            .ToList();

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
