namespace Multistage.Core;

/// <summary>The one way the tools copy a folder tree: the template hive's lanes and cache, and the private
/// copies of samples that check, compare and pitfalls build from.</summary>
public static class FolderCopy
{
    /// <summary>Copies every file and folder under <paramref name="from"/> into <paramref name="to"/> (created if
    /// missing), except the folder <paramref name="skip"/> (a full path; null skips nothing). Dotfiles and empty
    /// folders are copied; a link is followed, so the copy holds what it points to; a file keeps its last write
    /// time. An existing file in the target is an error.</summary>
    public static void Copy(string from, string to, string? skip = null) =>
        Copy(from, to, skip is null ? null : folder => folder == skip);

    /// <summary>As <see cref="Copy(string, string, string?)"/>, leaving out every folder (given as a full path)
    /// that <paramref name="skipFolder"/> accepts, at any depth.</summary>
    public static void Copy(string from, string to, Func<string, bool>? skipFolder)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from).Where(folder => skipFolder is null || !skipFolder(folder)))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)), skipFolder);
        }
    }
}
