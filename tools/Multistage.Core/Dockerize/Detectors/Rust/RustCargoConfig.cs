using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>A `.cargo/config.toml` that links Linux builds with another linker (`-C linker=clang`, `-fuse-ld=lld`,
/// a faster-builds tip): Dockerfile's RUSTFLAGS (scratch, alpine) and CARGO_TARGET_*_LINKER replace those settings,
/// but Dockerfile.single (and distroless's rustflags) build with them, on an image that has neither clang nor lld.</summary>
public static partial class RustCargoConfig
{
    public static void Read(ProjectFolder context, ProjectDetection.Builder found)
    {
        var file = new[] { ".cargo/config.toml", ".cargo/config" }.FirstOrDefault(context.Exists);
        if (file is null)
        {
            return;
        }

        var section = "";
        var number = 0;
        foreach (var line in context.Read(file)!.Split('\n'))
        {
            number++;
            if (Header().Match(line) is { Success: true } header)
            {
                section = header.Groups[1].Value.Trim();
            }
            else if (LinuxSection().IsMatch(section) && Linker().IsMatch(line))
            {
                found.Note($"{file}:{number} (`{line.Trim()}`) links Linux builds with another linker, and the rust image has no clang or lld. " +
                           "Dockerfile with the scratch or alpine runtime is not affected (its RUSTFLAGS and CARGO_TARGET_*_LINKER take the place of " +
                           "these settings), but Dockerfile.single builds with them, and so does Dockerfile's rustflags with --runtime distroless: add " +
                           "`RUN apt-get update && apt-get install -y --no-install-recommends clang lld` before their cargo build.");
                return;
            }
        }
    }

    [GeneratedRegex(@"^\s*\[([^\]]+)\]\s*$")]
    private static partial Regex Header();

    /// <summary>[build], and the [target.*] sections that apply to a Linux build (a triple or a cfg(...)).</summary>
    [GeneratedRegex(@"^(?:build|target\.(?:[\w-]*linux[\w-]*|'?""?cfg\(.*))$")]
    private static partial Regex LinuxSection();

    [GeneratedRegex(@"^\s*(?:linker\s*=|rustflags\s*=.*(?:linker=|-fuse-ld=))")]
    private static partial Regex Linker();
}
