using System.Runtime.InteropServices;

namespace Multistage.Cli.Comparing;

/// <summary>Describes the machine a comparison ran on, from /proc where Linux offers it.</summary>
public static class MachineProbe
{
    public static MachineDescription Describe(string dockerServerVersion, string imageStore) => new(
        RuntimeInformation.OSDescription,
        CpuModel(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1),
        dockerServerVersion,
        imageStore);

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var model = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
