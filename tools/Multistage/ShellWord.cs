namespace Multistage.Cli;

/// <summary>The one way the tool writes a word into a command the user pastes (Next: lines, hints, the
/// dotnet new line): as a POSIX shell reads it, so a path with a space, a quote or a non-ASCII letter
/// pastes and runs as printed.</summary>
public static class ShellWord
{
    /// <summary>The word as it is when the shell takes it literally, else in single quotes (a quote
    /// inside written as '\'' ).</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(IsPlain) ? word : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    /// <summary>Several words, each quoted, separated by spaces.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    /// <summary>ASCII letters, digits and punctuation no POSIX shell gives a meaning to in a word.</summary>
    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || "-_./:=@+,%".Contains(c);
}
