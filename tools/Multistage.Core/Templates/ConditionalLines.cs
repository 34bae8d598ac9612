using System.Text.RegularExpressions;

namespace Multistage.Core.Templates;

/// <summary>
/// The lines of a template file that the template engine keeps for given symbol values, for the Docker files'
/// one conditional syntax (CONTRIBUTING.md): whole lines `#if (...)`, `#elseif (...)`, `#else`, `#endif`.
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
                    kept.Add(line);
                }
                continue;
            }

            var keyword = directive.Groups["keyword"].Value;
            var condition = directive.Groups["condition"].Value;
            bool Holds() => Evaluate(condition, symbols, file, number);
            switch (keyword)
            {
                // Inside a branch that is not kept no condition is evaluated (it may name a symbol computed
                // only for that branch): the block counts as taken, so none of its branches is kept.
                case "if":
                    var holds = !outer || Holds();
                    open.Push((holds, outer && holds));
                    break;
                case "elseif":
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

    [GeneratedRegex(@"^#(?<keyword>if|elseif|else|endif)\b\s*(?<condition>.*)$")]
    private static partial Regex Directive();
}
