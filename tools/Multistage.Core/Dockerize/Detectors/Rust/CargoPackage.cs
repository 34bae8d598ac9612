namespace Multistage.Core.Dockerize.Detectors;

/// <summary>One Cargo package: its folder relative to the build context ("" for the context itself, "crates/api"
/// in a workspace), its manifest, and the binary targets cargo builds for it.</summary>
public sealed record CargoPackage(string Dir, string Name, CargoManifest Manifest, ProjectFolder Folder)
{
    /// <summary>A file of this package as the user sees it from the build context (crates/api/src/main.rs).</summary>
    public string Display(string relative) => Dir.Length == 0 ? relative : $"{Dir}/{relative}";

    /// <summary>The package in <paramref name="folder"/> (dir <paramref name="dir"/> in the context), or null without a [package] name.</summary>
    public static CargoPackage? Read(ProjectFolder folder, string dir)
    {
        var text = folder.Read("Cargo.toml");
        if (text is null)
        {
            return null;
        }

        var manifest = CargoManifest.Parse(text);
        return manifest.Table("package") is { } package && package.TryGetValue("name", out var name)
            ? new CargoPackage(dir, name, manifest, folder)
            : null;
    }

    /// <summary>default-run when it names a binary, else every binary target.</summary>
    public IReadOnlyList<(string Name, string From)> Runnable()
    {
        var binaries = Binaries();
        if (Manifest.Table("package")!.TryGetValue("default-run", out var defaultRun) && binaries.Any(b => b.Name == defaultRun))
        {
            return [(defaultRun, $"{Display("Cargo.toml")} [package] default-run")];
        }

        return binaries;
    }

    /// <summary>The declared [[bin]] targets, plus the ones cargo infers from src/main.rs and src/bin/.</summary>
    public IReadOnlyList<(string Name, string From)> Binaries()
    {
        var declared = Manifest.All("bin")
            .Where(b => b.ContainsKey("name"))
            .Select(b => (Name: b["name"], Path: b.GetValueOrDefault("path") ?? InferredPath(b["name"])))
            .ToList();
        var binaries = declared.Select(b => (b.Name, From: $"{Display("Cargo.toml")} [[bin]] name = \"{b.Name}\"")).ToList();
        var autobins = Manifest.Table("package")!.GetValueOrDefault("autobins") != "false";
        if (Folder.Exists("src/main.rs") && !declared.Any(b => b.Path == "src/main.rs" || b.Name == Name))
        {
            binaries.Add((Name, $"{Display("src/main.rs")} (named after the package)"));
        }

        if (autobins)
        {
            foreach (var file in Folder.Files("src/bin", "*.rs"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (!declared.Any(b => b.Name == name || b.Path == file))
                {
                    binaries.Add((name, Display(file)));
                }
            }
        }

        return binaries;
    }

    /// <summary>Where cargo looks for a [[bin]] without a path: src/bin/, else src/main.rs.</summary>
    private string InferredPath(string name) =>
        new[] { $"src/bin/{name}.rs", $"src/bin/{name}/main.rs" }.FirstOrDefault(Folder.Exists) ?? "src/main.rs";
}
