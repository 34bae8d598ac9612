using System.Text;
using Multistage.Core.Docker;

namespace Images.Tests.Course;

/// <summary>
/// The override file a test adds to the course's compose.yaml. Each service's image gets the test's own
/// name: the course names them course-LANGUAGE:multi, which compare keeps too, and `down --rmi all` must
/// not remove the images another test (or a learner) made under those names. On an engine without a
/// bridge network (CI) each service also builds and runs on the host's network, listening on loopback on
/// its own port.
/// </summary>
public static class ComposeTestOverride
{
    public const string FileName = "compose.test-override.yaml";

    /// <summary>Writes the override beside compose.yaml; returns the -f arguments for compose.</summary>
    public static IReadOnlyList<string> FileArguments(string courseDirectory, string project, IReadOnlyList<string> services, NetworkMode network)
    {
        var text = new StringBuilder("# Added by the image tests: images of their own")
            .Append(network == NetworkMode.Bridge ? "" : ", and the host's network (this engine has no bridge network)")
            .Append(".\nservices:\n");
        foreach (var service in services)
        {
            text.Append($"  {service}:\n").Append($"    image: {project}-{service}:multi\n");
            if (network != NetworkMode.Bridge)
            {
                text.Append("    build:\n      network: host\n")
                    .Append("    network_mode: host\n")
                    // Ports cannot be published on the host network: the app's own port is the host's.
                    .Append("    ports: !reset []\n")
                    .Append($"    environment:\n      HOST: \"{network.ListenAddress()}\"\n");
            }
        }

        File.WriteAllText(Path.Combine(courseDirectory, FileName), text.ToString());
        return ["-f", "compose.yaml", "-f", FileName];
    }
}
