namespace Multistage.Core.Templates;

/// <summary>Copies a folder tree, for hive lanes and the hive cache.</summary>
internal static class FolderCopy
{
    /// <summary>Copies every file and folder under <paramref name="from"/> into <paramref name="to"/>, except the
    /// folder <paramref name="skip"/> (a full path; null skips nothing). An existing file in the target is an error.</summary>
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
