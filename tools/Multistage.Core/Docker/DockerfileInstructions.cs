namespace Multistage.Core.Docker;

/// <summary>One Dockerfile instruction: its keyword as written, the rest of it (continuation lines joined)
/// and the line it starts on.</summary>
public sealed record DockerfileInstruction(string Keyword, string Arguments, int Line)
{
    public bool Is(string keyword) => Keyword.Equals(keyword, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Splits a Dockerfile into its instructions, as much as the readers here need: comment and blank
/// lines dropped, a line ending in a backslash continued on the next.</summary>
public static class DockerfileInstructions
{
    public static IEnumerable<DockerfileInstruction> Parse(string text)
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
            yield return Split(current, start);
            current = "";
        }
        if (current.Length > 0)
        {
            yield return Split(current, start);
        }
    }

    private static DockerfileInstruction Split(string text, int line)
    {
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0
            ? new DockerfileInstruction(text, "", line)
            : new DockerfileInstruction(text[..space], text[(space + 1)..].Trim(), line);
    }
}
