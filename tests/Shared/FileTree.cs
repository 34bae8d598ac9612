using Multistage.Core;

namespace Multistage.Tests.Shared;

/// <summary>Listing and copying whole trees, dotfiles included (.dockerignore must be compared like any file).</summary>
public static class FileTree
{
    // The default EnumerationOptions skip hidden files, and on Linux every dotfile counts as hidden.
    private static readonly EnumerationOptions Everything = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
    };

    /// <summary>Relative paths with '/' separators, sorted ordinally so messages and copies are deterministic.</summary>
    public static IReadOnlyList<string> RelativeFiles(string root, Func<string, bool>? skipDirectory = null)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }
        return Directory.EnumerateFiles(root, "*", Everything)
            .Select(file => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => skipDirectory is null || !relative.Split('/')[..^1].Any(skipDirectory))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Makes <paramref name="target"/> an exact copy of <paramref name="source"/> (what was there before goes),
    /// leaving out folders whose name <paramref name="skipDirectory"/> accepts.</summary>
    public static void Replace(string source, string target, Func<string, bool>? skipDirectory = null)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        FolderCopy.Copy(source, target, skipDirectory is null ? null : folder => skipDirectory(Path.GetFileName(folder)));
    }
}
