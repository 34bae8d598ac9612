using System.Text.RegularExpressions;

namespace Multistage.Core.Templates;

/// <summary>
/// The lines of a template file that the template engine keeps for given symbol values, for files that use
/// line conditionals with the `#` token (the Dockerfiles): `#if (...)`, `#elseif`/`#elif`, `#else`, `#endif`,
/// each also written `##...`. In a kept branch, a line commented out with one `#` right before an instruction
/// (`#FROM scratch AS final`) is uncommented, as the engine does for the branches written `##elseif`.
/// </summary>
/// <remarks>
/// The catalog reads the base images this way rather than by running `dotnet new` per runtime: loading the
/// catalog stays in-process and takes milliseconds (scripts call it before anything else). The snapshot
/// tests render every runtime with the real engine and check its FROM lines against this reading.
/// </remarks>
public static partial class ConditionalLines
{
    public static string Keep(string text, IReadOnlyDictionary<string, string> symbols, string file)
    {
        // One frame per open #if: whether an earlier branch was taken, and whether the current one is.
        var open = new Stack<(bool Taken, bool Active)>();
        var kept = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            var directive = Directive().Match(line.Trim());
            var outer = open.All(frame => frame.Active);
            if (!directive.Success)
            {
                if (outer)
                {
                    kept.Add(Uncommented().Replace(line, "$1"));
                }
                continue;
            }

            var keyword = directive.Groups["keyword"].Value;
            var condition = directive.Groups["condition"].Value;
            bool Holds() => Evaluate(condition, symbols, file, number);
            switch (keyword)
            {
                case "if":
                    var holds = Holds();
                    open.Push((holds, holds));
                    break;
                case "elseif" or "elif":
                    var (taken, _) = Pop(open, file, number, keyword);
                    var now = !taken && Holds();
                    open.Push((taken || now, now));
                    break;
                case "else":
                    var (before, _) = Pop(open, file, number, keyword);
                    open.Push((true, !before));
                    break;
                default:
                    Pop(open, file, number, keyword);
                    break;
            }
        }
        return open.Count == 0
            ? string.Join('\n', kept)
            : throw new InvalidDataException($"{file}: {open.Count} #if without #endif; close every conditional.");
    }

    private static (bool Taken, bool Active) Pop(Stack<(bool Taken, bool Active)> open, string file, int line, string keyword) =>
        open.Count > 0 ? open.Pop() : throw new InvalidDataException($"{file}:{line}: #{keyword} without #if; fix the conditional.");

    private static bool Evaluate(string condition, IReadOnlyDictionary<string, string> symbols, string file, int line)
    {
        try
        {
            return TemplateCondition.Evaluate(condition, symbols);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{file}:{line}: {e.Message}; use the symbols of template.json.", e);
        }
    }

    [GeneratedRegex(@"^##?(?<keyword>if|elseif|elif|else|endif)\b\s*(?<condition>.*)$")]
    private static partial Regex Directive();

    // `#FROM ...` (no space after one `#`): an instruction the engine uncomments; `# text` and `## text` stay comments.
    [GeneratedRegex(@"^\s*#([A-Z]+\b)")]
    private static partial Regex Uncommented();
}
