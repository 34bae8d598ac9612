namespace Templates.Tests.Infrastructure;

/// <summary>The text-file rules every generated and template file follows: LF only, a final newline, no BOM.</summary>
public static class TextFileRules
{
    private static readonly HashSet<string> BinaryExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".ico", ".nupkg", ".zip",
    };

    /// <summary>"path: problem" for each broken rule in the files under <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Offenders(string root, Func<string, bool>? skipDirectory = null)
    {
        var offenders = new List<string>();
        foreach (var relative in FileTree.RelativeFiles(root, skipDirectory))
        {
            if (BinaryExtensions.Contains(Path.GetExtension(relative)))
            {
                continue;
            }
            foreach (var problem in Problems(File.ReadAllBytes(Path.Combine(root, relative))))
            {
                offenders.Add($"{relative}: {problem}");
            }
        }
        return offenders;
    }

    public static IEnumerable<string> Problems(byte[] content)
    {
        // An empty file (an empty __init__.py, say) has no line to end.
        if (content.Length == 0)
        {
            yield break;
        }
        if (content is [0xEF, 0xBB, 0xBF, ..])
        {
            yield return "starts with a UTF-8 byte-order mark";
        }
        var carriageReturn = Array.IndexOf(content, (byte)'\r');
        if (carriageReturn >= 0)
        {
            var line = 1 + content.AsSpan(0, carriageReturn).Count((byte)'\n');
            yield return $"has a CR (CRLF or CR line ending), first on line {line}";
        }
        if (content[^1] != (byte)'\n')
        {
            yield return "has no final newline";
        }
    }
}
