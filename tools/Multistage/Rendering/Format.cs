using System.Globalization;

namespace Multistage.Cli.Rendering;

/// <summary>Number formats used in every report, invariant so reports read the same everywhere.</summary>
public static class Format
{
    public static string Megabytes(double megabytes) =>
        megabytes >= 100 ? $"{megabytes.ToString("0", CultureInfo.InvariantCulture)} MB" : $"{megabytes.ToString("0.0", CultureInfo.InvariantCulture)} MB";

    /// <summary>GB from 1 GB, kB and bytes below 1 MB (a script or a few files: "0.0 MB" would hide them), MB between.</summary>
    public static string Bytes(long bytes) =>
        bytes >= 1_000_000_000 ? $"{(bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture)} GB"
        : bytes >= 1_000_000 ? Megabytes(bytes / 1e6)
        : bytes >= 1_000 ? $"{(bytes / 1e3).ToString("0.0", CultureInfo.InvariantCulture)} kB"
        : $"{bytes.ToString(CultureInfo.InvariantCulture)} B";

    public static string Percent(double fraction) => $"{(fraction * 100).ToString("0.0", CultureInfo.InvariantCulture)} %";

    public static string Seconds(double seconds) => $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
}
