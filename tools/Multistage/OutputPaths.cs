namespace Multistage.Cli;

/// <summary>Checks an output option before any work starts, so a bad path fails at once with its
/// option named, not after builds or half a course: not empty, not a file where a folder goes (or the
/// reverse), and writable (<see cref="WritableFolder"/>). Null means usable.</summary>
public static class OutputPaths
{
    /// <summary>A folder to create or write into.</summary>
    public static string? FolderProblem(string option, string value)
    {
        if (value.Trim().Length == 0)
        {
            return $"{option} is empty: pass a folder, for example {option} course.";
        }

        var full = Path.GetFullPath(value);
        return File.Exists(full)
            ? $"{option} {value} is a file, not a folder: choose another path."
            : BlockedAncestor(option, value, full);
    }

    /// <summary>A file to create or replace.</summary>
    public static string? FileProblem(string option, string value)
    {
        if (value.Trim().Length == 0)
        {
            return $"{option} is empty: pass a file name, for example {option} report/comparison.json.";
        }

        var full = Path.GetFullPath(value);
        return Directory.Exists(full)
            ? $"{option} {value} is a folder: pass a file name inside it, for example {Path.Combine(value, "comparison.json")}."
            : BlockedAncestor(option, value, full);
    }

    /// <summary>A parent that exists as a file makes every path below it impossible; a folder the tool may not
    /// write into, every path in it.</summary>
    private static string? BlockedAncestor(string option, string value, string full) =>
        FileAncestor(option, value, full)
        ?? (WritableFolder.Problem(full) is { } notWritable ? $"{option} {value}: {notWritable}: choose a path you can write to." : null);

    private static string? FileAncestor(string option, string value, string full)
    {
        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return $"{option} {value} lies below {parent}, which is a file: choose a path whose folders are folders.";
            }

            if (Directory.Exists(parent))
            {
                return null;
            }
        }

        return null;
    }
}
