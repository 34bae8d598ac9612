using Multistage.Core.Templates;

namespace Multistage.Cli;

/// <summary>How the user runs this tool, for the next-step hints: `multistage` once installed, the
/// `dotnet run` form when it runs from a build inside a clone.</summary>
public static class SelfCommand
{
    public static string Line
    {
        get
        {
            var root = RepositoryLayout.TryFindRoot(AppContext.BaseDirectory);
            return root is null
                ? "multistage"
                : $"dotnet run --project {UserPath.Display(Path.Combine(root, "tools", "Multistage"))} --";
        }
    }
}
