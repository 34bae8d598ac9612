namespace Multistage.Core;

/// <summary>The one way the tools copy a folder tree: the template hive's lanes and cache, and the private
/// copies of samples that check, compare and pitfalls build from.</summary>
public static class FolderCopy
{
    /// <summary>Copies every file and folder under <paramref name="from"/> into <paramref name="to"/> (created if
    /// missing), except the folder <paramref name="skip"/> (a full path; null skips nothing). Dotfiles and empty
    /// folders are copied; a link is followed, so the copy holds what it points to; a file keeps its last write
    /// time. An existing file in the target is an error.</summary>
    public static void Copy(string from, string to, string? skip = null)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from).Where(folder => folder != skip))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)), skip);
        }
    }
}
