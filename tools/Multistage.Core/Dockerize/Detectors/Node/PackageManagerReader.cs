using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>Which package manager installs the project, from package.json's packageManager field and
/// the lock file beside it: npm (package-lock.json), pnpm (pnpm-lock.yaml), Yarn classic or Berry
/// (yarn.lock); the version the Dockerfiles install, and whether the install is frozen.</summary>
internal static partial class PackageManagerReader
{
    /// <summary>The pnpm the Dockerfiles install when package.json names none (pnpm 10 reads lock files v9).</summary>
    public const string DefaultPnpm = "10.34.9";

    public const string DefaultYarnClassic = "1.22.22";

    public const string DefaultYarnBerry = "4.18.1";

    private static readonly (string Lock, string Manager)[] LockFiles =
        [("pnpm-lock.yaml", "pnpm"), ("yarn.lock", "yarn"), ("package-lock.json", "npm"), ("npm-shrinkwrap.json", "npm")];

    /// <param name="lockRoot">The folder that holds the lock file (the workspace root for a member).</param>
    public static void Read(ProjectFolder lockRoot, PackageJson manifest, ProjectDetection.Builder found)
    {
        var locks = LockFiles.Where(l => lockRoot.Exists(l.Lock)).ToList();
        var declared = manifest.PackageManager is { } field && PackageManagerField().Match(field) is { Success: true } m
            ? (Manager: m.Groups[1].Value, Version: m.Groups[2].Value)
            : ((string Manager, string Version)?)null;

        string manager;
        string from;
        if (declared is { } d)
        {
            manager = d.Manager;
            from = $"package.json packageManager ({manifest.PackageManager})";
            if (locks.Count > 0 && locks.All(l => l.Manager != manager))
            {
                found.Note($"package.json's packageManager names {manager}, but the lock file is {locks[0].Lock}: the Dockerfiles use {manager}, which installs without a lock file of its own.");
            }
        }
        else if (locks.Select(l => l.Manager).Distinct().ToList() is { Count: > 1 } several)
        {
            found.Ambiguous("package-manager", $"lock files of {string.Join(" and ", several)} lie side by side ({string.Join(", ", locks.Select(l => l.Lock))}) and package.json has no packageManager field", several);
            return;
        }
        else if (locks.Count > 0)
        {
            manager = locks[0].Manager;
            from = locks[0].Lock;
        }
        else
        {
            manager = "npm";
            from = "no lock file, no packageManager in package.json";
        }

        var lockFile = locks.FirstOrDefault(l => l.Manager == manager).Lock;
        switch (manager)
        {
            case "npm":
                found.Value("package-manager", "npm", from);
                if (lockFile is not null)
                {
                    found.Value("lock-file", "true", lockFile);
                }
                else
                {
                    found.Value("lock-file", "false", "no package-lock.json");
                    found.Note("No package-lock.json: the build runs npm install, so versions may change between builds; commit a lock file (npm install) for npm ci.");
                }

                break;
            case "pnpm":
                found.Value("package-manager", "pnpm", from);
                found.Value("pnpm-version", declared?.Version ?? PnpmForLock(lockRoot.Read("pnpm-lock.yaml")),
                    declared is not null ? $"package.json packageManager ({manifest.PackageManager})" : "pnpm-lock.yaml's lockfileVersion (no packageManager in package.json)");
                RequireLock(found, lockFile, "pnpm-lock.yaml", "pnpm install");
                break;
            case "yarn":
                var berry = declared is { } y ? !y.Version.StartsWith("1.", StringComparison.Ordinal)
                    : lockRoot.Exists(".yarnrc.yml") || (lockRoot.Read("yarn.lock")?.Contains("__metadata:", StringComparison.Ordinal) ?? false);
                found.Value("package-manager", berry ? "yarn-berry" : "yarn", berry && declared is null ? "yarn.lock (Berry's format, or .yarnrc.yml)" : from);
                found.Value("yarn-version", declared?.Version ?? (berry ? DefaultYarnBerry : DefaultYarnClassic),
                    declared is not null ? $"package.json packageManager ({manifest.PackageManager})" : "no packageManager in package.json: the pinned default");
                RequireLock(found, lockFile, "yarn.lock", "yarn install");
                if (berry && !NodeModulesLinker().IsMatch(lockRoot.Read(".yarnrc.yml") ?? ""))
                {
                    found.Problem("Yarn Berry installs Plug'n'Play by default (no node_modules, node needs .pnp.cjs loaded): add `nodeLinker: node-modules` to .yarnrc.yml, run yarn install, then init again.");
                }

                break;
            default:
                found.Problem($"package.json's packageManager ({manifest.PackageManager}) names {manager}, which the Dockerfiles do not know: use npm, pnpm or yarn.");
                break;
        }
    }

    private static void RequireLock(ProjectDetection.Builder found, string? lockFile, string expected, string command)
    {
        if (lockFile is null)
        {
            found.Problem($"No {expected}: a frozen install needs it. Run `{command}` and commit {expected}, then init again.");
        }
        else
        {
            found.Value("lock-file", "true", lockFile);
        }
    }

    /// <summary>pnpm 8 wrote lock files v6; pnpm 9 and 10 write v9.</summary>
    private static string PnpmForLock(string? lockText) =>
        lockText is not null && LockfileVersion().Match(lockText) is { Success: true } v && v.Groups[1].Value.StartsWith('6')
            ? "8.15.9"
            : DefaultPnpm;

    // pnpm@10.34.9, yarn@4.5.0+sha512.abc...
    [GeneratedRegex(@"^\s*(npm|pnpm|yarn|bun)@(\d+\.\d+\.\d+[\w.-]*)")]
    private static partial Regex PackageManagerField();

    [GeneratedRegex(@"^lockfileVersion:\s*'?([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex LockfileVersion();

    [GeneratedRegex(@"^\s*nodeLinker:\s*['""]?node-modules", RegexOptions.Multiline)]
    private static partial Regex NodeModulesLinker();
}
