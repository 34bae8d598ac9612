using Multistage.Core.Templates;

namespace Multistage.Cli;

/// <summary>How the user runs this tool, for the next-step hints: the `dotnet run` form from a build
/// inside a clone, `dotnet path/multistage.dll` for a build run through the dotnet host, else the
/// installed command `multistage`.</summary>
public static class SelfCommand
{
    public static string Line
    {
        get
        {
            var root = RepositoryLayout.TryFindRoot(AppContext.BaseDirectory);
            if (root is not null)
            {
                return $"dotnet run --project {UserPath.Display(Path.Combine(root, "tools", "Multistage"))} --";
            }

            var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath);
            return host == "dotnet"
                ? $"dotnet {UserPath.Display(typeof(SelfCommand).Assembly.Location)}"
                : "multistage";
        }
    }
}
