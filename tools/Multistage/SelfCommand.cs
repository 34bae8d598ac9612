using Multistage.Core.Templates;

namespace Multistage.Cli;

/// <summary>How the user runs this tool, for the next-step hints: the `dotnet run` form from a build
/// inside a clone, `dotnet path/multistage.dll` for a build run through the dotnet host, else the
/// installed command `multistage`. Paths are quoted for the shell (<see cref="ShellWord"/>).</summary>
public static class SelfCommand
{
    public static string Line
    {
        get
        {
            var root = RepositoryLayout.TryFindRoot(AppContext.BaseDirectory);
            if (root is not null)
            {
                return $"dotnet run --project {UserPath.InCommand(Path.Combine(root, "tools", "Multistage"))} --";
            }

            var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath);
            return host == "dotnet"
                ? $"dotnet {UserPath.InCommand(typeof(SelfCommand).Assembly.Location)}"
                : "multistage";
        }
    }

    /// <summary>The tool with <paramref name="arguments"/>, each quoted: a command to paste.</summary>
    public static string With(params string[] arguments) => $"{Line} {ShellWord.Join(arguments)}";
}
