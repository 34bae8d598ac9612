namespace Multistage.Core.Dockerize.Detectors;

/// <summary>A Cargo package or workspace and the binary to ship: its only binary target, or default-run;
/// in a workspace the one member binary (built with `-p member --bin name`), with the workspace root as
/// the build context. Then what the code does at run time: port, health route, SIGTERM, files it opens.</summary>
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
        if (manifest.HasTable("workspace"))
        {
            return Workspace(folder, manifest);
        }

        var package = CargoPackage.Read(folder, "");
        if (package is null)
        {
            return ProjectDetection.For(Language, folder.FolderName, "Cargo.toml")
                .Problem("Cargo.toml has no [package] name: fix the manifest, then run init again.")
                .Build();
        }

        if (CargoWorkspace.Enclosing(folder, manifest) is { } enclosing)
        {
            return Member(package, enclosing.Root, enclosing.MemberDir);
        }

        var found = ProjectDetection.For(Language, package.Name, "Cargo.toml");
        var binaries = package.Runnable();
        switch (binaries.Count)
        {
            case 1:
                found.Value("binary", binaries[0].Name, binaries[0].From);
                break;
            case 0:
                found.Ambiguous("binary", "no binary target (no [[bin]], src/main.rs or src/bin/*.rs): init needs a program to run", ["name"]);
                break;
            default:
                found.Ambiguous("binary", "several binaries", binaries.Select(b => b.Name).ToList());
                break;
        }

        if (!folder.Exists("Cargo.lock"))
        {
            found.Problem("Cargo.lock is missing: run `cargo generate-lockfile` and commit it (both Dockerfiles build with --locked).");
        }

        ReadCode([package], package, folder, found);
        return found.Build();
    }

    /// <summary>The workspace root: the build context; the one binary among its members, or ask which.</summary>
    private ProjectDetection Workspace(ProjectFolder root, CargoManifest manifest)
    {
        var members = CargoWorkspace.Members(root, manifest);
        var rootPackage = members.FirstOrDefault(m => m.Dir.Length == 0);
        var candidates = members.SelectMany(m => m.Runnable().Select(b => (Package: m, b.Name, b.From))).ToList();
        // --set binary (and member) picks one of several: its member's code is read as a lone binary's would be.
        if (candidates.Count > 1 && root.Given.TryGetValue("binary", out var given))
        {
            var member = root.Given.GetValueOrDefault("member");
            var picked = candidates.Where(c => c.Name == given && (member is null || c.Package.Name == member)).ToList();
            if (picked.Count == 1)
            {
                candidates = picked;
            }
            else if (picked.Count > 1)
            {
                return ProjectDetection.For(Language, given, "Cargo.toml")
                    .Ambiguous("member", $"several members build a binary named {given}", picked.Select(c => c.Package.Name).ToList())
                    .Build();
            }
        }

        // The image is named after the package it ships: the root package, else the one member with a binary.
        var named = rootPackage ?? (candidates.Count == 1 ? candidates[0].Package : null);
        var found = candidates.Count == 1 && candidates[0].Package.Dir.Length > 0
            ? ProjectDetection.For(Language, named?.Name ?? root.FolderName, "Cargo.toml", candidates[0].Package.Display("Cargo.toml"))
            : ProjectDetection.For(Language, named?.Name ?? root.FolderName, "Cargo.toml");
        found.NamedFrom(named is null ? "the workspace folder's name" : named.Display("Cargo.toml"));
        if (!root.Exists("Cargo.lock"))
        {
            found.Problem("Cargo.lock is missing at the workspace root: run `cargo generate-lockfile` there and commit it (both Dockerfiles build with --locked).");
        }

        if (candidates.Count == 1)
        {
            var (package, binary, from) = candidates[0];
            found.Value("binary", binary, from);
            if (package.Dir.Length > 0)
            {
                found.Value("member", package.Name, $"{package.Display("Cargo.toml")} (the workspace member with the binary)");
            }

            ReadCode(WithPathDependencies(package, members), package, root, found);
            return found.Build();
        }

        if (candidates.Count == 0)
        {
            found.Problem(members.Count == 0
                ? "Cargo.toml is a workspace whose members list names no crate with a Cargo.toml: fix [workspace] members, then run init again."
                : $"No member of the workspace ({string.Join(", ", members.Select(m => m.Name))}) has a binary target (src/main.rs, src/bin/*.rs or [[bin]]): init needs a program to run.");
            return found.Build();
        }

        found.Ambiguous("binary",
            $"the workspace's members build several binaries ({string.Join(", ", candidates.Select(c => $"{c.Name} in {c.Package.Display("Cargo.toml")}"))})",
            candidates.Select(c => c.Name).Distinct().ToList());
        // Whichever binary --set picks, it needs tini unless every candidate handles SIGTERM.
        var packages = candidates.Select(c => c.Package).Distinct().ToList();
        RustRuntime.Tini(packages.Select(p => RustSources.Of([p])).ToList(), found);
        return found.Build();
    }

    /// <summary>A member crate: cargo builds it from the workspace root (its Cargo.lock and the members it
    /// depends on are there), so the Docker build context must be that root: refuse, naming init's command there.</summary>
    private ProjectDetection Member(CargoPackage package, ProjectFolder root, string memberDir)
    {
        var up = string.Join('/', memberDir.Split('/').Select(_ => ".."));
        var rootManifest = CargoManifest.Parse(root.Read("Cargo.toml")!);
        var binaries = CargoWorkspace.Members(root, rootManifest).SelectMany(m => m.Runnable()).Count();
        var own = package.Runnable();
        var flag = binaries > 1 && own.Count == 1 ? $" --set binary={own[0].Name}" : "";
        return ProjectDetection.For(Language, package.Name, "Cargo.toml")
            .Problem($"This crate is the member {memberDir} of the Cargo workspace in {up}: cargo builds it there, with the workspace's " +
                     $"Cargo.lock and the members it depends on, so the Docker files belong at the workspace root (the build context). " +
                     $"Run `multistage init {up}{flag}` instead: it builds this crate with `cargo build -p {package.Name}`.")
            .Build();
    }

    /// <summary>The package and the workspace members it depends on by path (their code may hold the routes).</summary>
    private static List<CargoPackage> WithPathDependencies(CargoPackage package, IReadOnlyList<CargoPackage> members)
    {
        var packages = new List<CargoPackage> { package };
        for (var i = 0; i < packages.Count; i++)
        {
            foreach (var path in RustSources.PathDependencies(packages[i]))
            {
                var full = Path.GetFullPath(Path.Combine(packages[i].Folder.Root, path));
                if (members.FirstOrDefault(m => m.Folder.Root == full) is { } dependency && !packages.Contains(dependency))
                {
                    packages.Add(dependency);
                }
            }
        }

        return packages;
    }

    /// <summary>Port, address, health route, self-probe argument, SIGTERM handler, opened files and compile-time queries, from the code of <paramref name="packages"/>.</summary>
    private static void ReadCode(IReadOnlyList<CargoPackage> packages, CargoPackage binaryPackage, ProjectFolder context, ProjectDetection.Builder found)
    {
        var lines = RustSources.Of(packages);
        RustListen.Read(lines, found);
        SelfProbe.Read(RustSources.Texts(lines), found);
        RustRequiredVariables.Read(lines, found);
        RustRuntime.HealthPath(lines, found);
        RustRuntime.Tini([lines], found);
        RustRuntime.Assets(lines, binaryPackage, context, found);
        RustWritable.Read(lines, found);
        RustSqlx.Read(lines, packages, context, found);
        RustCargoConfig.Read(context, found);
    }
}
