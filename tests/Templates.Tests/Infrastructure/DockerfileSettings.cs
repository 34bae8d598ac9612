using System.Text;
using Multistage.Core.Docker;

namespace Templates.Tests.Infrastructure;

/// <summary>
/// What a multi-stage Dockerfile sets, as lines to compare: every <c>ENV NAME=value</c>, and for each command
/// of the build tool in a RUN (<c>go build</c>, <c>pip install</c>, <c>cargo fetch</c>) its RUN's cache mounts,
/// the variables set in front of it and its flags (a flag's separate value, a path or a name, is not kept;
/// <c>--x=value</c> is kept whole). Flags in <paramref name="ignoredFlags"/> carry the project's layout
/// (the binary, the project file) rather than a setting, and are left out.
/// </summary>
public static class DockerfileSettings
{
    public static SortedSet<string> Read(string dockerfileText, string tool, IReadOnlySet<string> ignoredFlags)
    {
        var settings = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var instruction in DockerfileInstructions.Parse(dockerfileText))
        {
            if (instruction.Is("ENV"))
            {
                settings.UnionWith(ShellWords(instruction.Arguments).Select(word => $"ENV {word}"));
            }
            else if (instruction.Is("RUN"))
            {
                var words = ShellWords(instruction.Arguments);
                var mounts = words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();
                foreach (var command in Commands(words.Skip(mounts.Count)))
                {
                    var assignments = command.TakeWhile(IsAssignment).ToList();
                    var rest = command.Skip(assignments.Count).ToList();
                    if (rest.Count == 0 || rest[0] != tool)
                    {
                        continue;
                    }
                    var key = $"RUN {tool} {rest.Skip(1).FirstOrDefault(IsSubcommand) ?? ""}".TrimEnd();
                    var flags = rest.Skip(1).Where(w => w.StartsWith('-') && !ignoredFlags.Contains(FlagName(w)));
                    settings.UnionWith(mounts.Concat(assignments).Concat(flags).Select(part => $"{key}: {part}"));
                }
            }
        }
        return settings;
    }

    /// <summary>`-o`, `--bin`, `-ldflags` of `-ldflags=-w -s`.</summary>
    public static string FlagName(string flag) => flag.Split('=', 2)[0];

    private static bool IsAssignment(string word) =>
        word.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals
        && word[..equals].All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(word[0]);

    private static bool IsSubcommand(string word) => word.Length > 0 && word.All(c => char.IsAsciiLetterLower(c) || c == '-') && word[0] != '-';

    /// <summary>The simple commands of a RUN: split at &&, ||, ; and |.</summary>
    private static IEnumerable<List<string>> Commands(IEnumerable<string> words)
    {
        var current = new List<string>();
        foreach (var word in words)
        {
            if (word is "&&" or "||" or ";" or "|")
            {
                yield return current;
                current = [];
            }
            else
            {
                current.Add(word);
            }
        }
        yield return current;
    }

    /// <summary>Words as a shell splits them: quotes group and are removed, a backslash escapes.</summary>
    private static List<string> ShellWords(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (c == ';')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
                words.Add(";");
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord)
        {
            words.Add(word.ToString());
        }
        return words;
    }
}
