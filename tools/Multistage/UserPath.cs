namespace Multistage.Cli;

/// <summary>Paths as the user would type them in the next command they run.</summary>
public static class UserPath
{
    /// <summary>Relative below the current folder, else absolute.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path) : relative;
        return shown.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary><see cref="Display"/> as one word of a command to paste (<see cref="ShellWord"/>).</summary>
    public static string InCommand(string path) => ShellWord.Quote(Display(path));

    /// <summary>For the end of a sentence: "the current folder" instead of a "." that reads as "..".</summary>
    public static string InSentence(string path) => Display(path) is "." ? "the current folder" : Display(path);
}
