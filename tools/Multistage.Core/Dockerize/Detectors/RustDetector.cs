namespace Multistage.Core.Dockerize.Detectors;

/// <summary>A Cargo package (Cargo.toml with [package]) and the binary to ship: its only binary target,
/// or default-run; [[bin]] names may differ from the package's.</summary>
public sealed class RustDetector : IProjectDetector
{
    public string Language => "rust";

    public string LooksFor => "Cargo.toml";

    public ProjectDetection? Detect(ProjectFolder folder)
    {
        var text = folder.Read("Cargo.toml");
        if (text is null)
        {
            return null;
        }

        var manifest = CargoManifest.Parse(text);
        var package = manifest.Table("package");
        if (package is null || !package.TryGetValue("name", out var packageName))
        {
            var workspace = manifest.Table("workspace") is not null;
            return ProjectDetection.For(Language, folder.FolderName, "Cargo.toml")
                .Problem(workspace
                    ? "Cargo.toml is a workspace without a [package]: run init in the member crate that builds the server (its folder must hold Cargo.lock, or copy the workspace's)."
                    : "Cargo.toml has no [package] name: fix the manifest, then run init again.")
                .Build();
        }

        var found = ProjectDetection.For(Language, packageName, "Cargo.toml");
        var binaries = Binaries(folder, manifest, packageName);
        if (package.TryGetValue("default-run", out var defaultRun) && binaries.Any(b => b.Name == defaultRun))
        {
            found.Value("binary", defaultRun, "Cargo.toml [package] default-run");
        }
        else if (binaries.Count == 1)
        {
            found.Value("binary", binaries[0].Name, binaries[0].From);
        }
        else if (binaries.Count == 0)
        {
            found.Ambiguous("binary", "no binary target (no [[bin]], src/main.rs or src/bin/*.rs): init needs a program to run", ["name"]);
        }
        else
        {
            found.Ambiguous("binary", "several binaries", binaries.Select(b => b.Name).ToList());
        }

        if (!folder.Exists("Cargo.lock"))
        {
            found.Problem("Cargo.lock is missing: run `cargo generate-lockfile` and commit it (both Dockerfiles build with --locked).");
        }

        return found.Build();
    }

    /// <summary>The declared [[bin]] targets, plus the ones cargo infers from src/main.rs and src/bin/.</summary>
    private static List<(string Name, string From)> Binaries(ProjectFolder folder, CargoManifest manifest, string packageName)
    {
        var declared = manifest.All("bin")
            .Where(b => b.ContainsKey("name"))
            .Select(b => (Name: b["name"], Path: b.GetValueOrDefault("path") ?? InferredPath(folder, b["name"])))
            .ToList();
        var binaries = declared.Select(b => (b.Name, From: $"Cargo.toml [[bin]] name = \"{b.Name}\"")).ToList();
        var autobins = manifest.Table("package")!.GetValueOrDefault("autobins") != "false";
        if (folder.Exists("src/main.rs") && !declared.Any(b => b.Path == "src/main.rs" || b.Name == packageName))
        {
            binaries.Add((packageName, "src/main.rs (named after the package)"));
        }

        if (autobins)
        {
            foreach (var file in folder.Files("src/bin", "*.rs"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (!declared.Any(b => b.Name == name || b.Path == file))
                {
                    binaries.Add((name, file));
                }
            }
        }

        return binaries;
    }

    /// <summary>Where cargo looks for a [[bin]] without a path: src/bin/, else src/main.rs.</summary>
    private static string InferredPath(ProjectFolder folder, string name) =>
        new[] { $"src/bin/{name}.rs", $"src/bin/{name}/main.rs" }.FirstOrDefault(folder.Exists) ?? "src/main.rs";
}
