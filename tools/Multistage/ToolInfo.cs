using System.Reflection;

namespace Multistage.Cli;

/// <summary>The tool's own version (Directory.Build.props), for --version and the files that install it.</summary>
public static class ToolInfo
{
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
