using System.Text;
using Multistage.Core.Docker;

namespace Images.Tests.Course;

/// <summary>
/// The override file a test adds to the course's compose.yaml on an engine without a bridge network
/// (CI): each service builds and runs on the host's network, listening on loopback on its own port.
/// With a bridge network none is needed: the course's file is used as it is.
/// </summary>
public static class ComposeHostNetwork
{
    public const string FileName = "compose.host-network.yaml";

    /// <summary>Writes the override beside compose.yaml; returns the -f arguments for compose.</summary>
    public static IReadOnlyList<string> FileArguments(string courseDirectory, IReadOnlyList<string> services, NetworkMode network)
    {
        if (network == NetworkMode.Bridge)
        {
            return ["-f", "compose.yaml"];
        }

        var text = new StringBuilder("# Added by the image tests: this engine has no bridge network.\nservices:\n");
        foreach (var service in services)
        {
            text.Append($"  {service}:\n")
                .Append("    build:\n      network: host\n")
                .Append("    network_mode: host\n")
                // Ports cannot be published on the host network: the app's own port is the host's.
                .Append("    ports: !reset []\n")
                .Append($"    environment:\n      HOST: \"{network.ListenAddress()}\"\n");
        }

        File.WriteAllText(Path.Combine(courseDirectory, FileName), text.ToString());
        return ["-f", "compose.yaml", "-f", FileName];
    }
}
