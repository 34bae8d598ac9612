using System.Text.Json;

namespace Multistage.Core.Dockerize.Detectors.Node;

/// <summary>What tsc reads from tsconfig.json to decide what it writes: outDir, rootDir and noEmit, with
/// the files it extends (a relative path, or a package: node_modules or a member of the workspace, as
/// Turborepo's shared @acme/typescript-config). The nearest file that sets an option wins, as in tsc.</summary>
internal static class TsconfigReader
{
    /// <param name="OutDir">Relative to the project folder.</param>
    /// <param name="NoEmitFrom">The file that sets noEmit, relative to the project folder.</param>
    /// <param name="Include">tsc's include globs, relative to the project folder; null when no file sets them.</param>
    /// <param name="Exclude">tsc's exclude globs, relative to the project folder; null when no file sets them.</param>
    /// <param name="Files">tsc's files list, relative to the project folder; null when no file sets it.</param>
    public sealed record Tsconfig(string? OutDir, string? RootDir, bool NoEmit, string? NoEmitFrom,
        IReadOnlyList<string>? Include = null, IReadOnlyList<string>? Exclude = null, IReadOnlyList<string>? Files = null, bool AllowJs = false);

    /// <param name="file">The config the build compiles with: tsconfig.json, or the one `tsc -p` names.</param>
    /// <returns>Null when the file is not valid JSON (it allows comments and trailing commas).</returns>
    public static Tsconfig? Read(ProjectFolder folder, string file = "tsconfig.json")
    {
        string? outDir = null, rootDir = null, noEmitFrom = null;
        bool? noEmit = null, allowJs = null;
        IReadOnlyList<string>? include = null, exclude = null, files = null;
        var path = Path.Combine(folder.Root, file);
        // A chain of extends, nearest first; a few levels are all real projects use.
        for (var level = 0; level < 5 && path is not null && File.Exists(path); level++)
        {
            using var document = ProjectJson.TryParse(File.ReadAllText(path));
            if (document is null)
            {
                if (level == 0)
                {
                    return null;
                }

                break;
            }

            var root = document.RootElement;
            var top = root.Clone();
            var options = root.TryGetProperty("compilerOptions", out var o) && o.ValueKind == JsonValueKind.Object ? o.Clone() : default;
            var extends = root.TryGetProperty("extends", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

            var here = Path.GetDirectoryName(path)!;
            string? Relative(string name) =>
                options.ValueKind == JsonValueKind.Object && options.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                    ? (level == 0 ? v.GetString() : Path.GetRelativePath(folder.Root, Path.Combine(here, v.GetString()!)).Replace('\\', '/'))
                    : null;
            outDir ??= Relative("outDir");
            rootDir ??= Relative("rootDir");
            if (noEmit is null && options.ValueKind == JsonValueKind.Object && options.TryGetProperty("noEmit", out var n) && n.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                noEmit = n.ValueKind == JsonValueKind.True;
                noEmitFrom = Path.GetRelativePath(folder.Root, path).Replace('\\', '/');
            }

            if (allowJs is null && options.ValueKind == JsonValueKind.Object && options.TryGetProperty("allowJs", out var a) && a.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                allowJs = a.ValueKind == JsonValueKind.True;
            }

            // include, exclude and files are inherited whole, each relative to the file that sets it.
            var prefix = Path.GetRelativePath(folder.Root, here).Replace('\\', '/');
            IReadOnlyList<string>? List(string name) =>
                top.ValueKind == JsonValueKind.Object && top.TryGetProperty(name, out var l) && l.ValueKind == JsonValueKind.Array
                    ? l.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String)
                        .Select(e => e.GetString()!.Replace('\\', '/'))
                        .Select(g => prefix == "." ? g : $"{prefix}/{(g.StartsWith("./", StringComparison.Ordinal) ? g[2..] : g)}")
                        .ToList()
                    : null;
            include ??= List("include");
            exclude ??= List("exclude");
            files ??= List("files");
            path = extends is null ? null : Resolve(folder, here, extends);
        }

        return new Tsconfig(outDir, rootDir, noEmit == true, noEmit == true ? noEmitFrom : null, include, exclude, files, allowJs == true);
    }

    /// <summary>The file an extends names: a path beside the file, else a package's file (its
    /// node_modules copy, or the workspace member of that name).</summary>
    private static string? Resolve(ProjectFolder folder, string from, string extends)
    {
        string WithJson(string p) => File.Exists(p) || p.EndsWith(".json", StringComparison.Ordinal) ? p : p + ".json";
        if (extends.StartsWith('.') || Path.IsPathRooted(extends))
        {
            return WithJson(Path.GetFullPath(Path.Combine(from, extends)));
        }

        var parts = extends.Split('/');
        var nameLength = extends.StartsWith('@') ? 2 : 1;
        if (parts.Length <= nameLength)
        {
            // A package alone ("@tsconfig/node20") means its tsconfig.json.
            parts = [.. parts, "tsconfig.json"];
        }

        var package = string.Join('/', parts[..nameLength]);
        var file = string.Join('/', parts[nameLength..]);
        var installed = Path.Combine(folder.Root, "node_modules", package, file);
        if (File.Exists(installed))
        {
            return installed;
        }

        if (WorkspaceReader.RootAbove(folder) is not { } root)
        {
            return null;
        }

        var workspace = new ProjectFolder(root);
        var globs = workspace.Read("pnpm-workspace.yaml") is { } yaml
            ? WorkspaceReader.PnpmGlobs(yaml)
            : PackageJson.Parse(workspace.Read("package.json") ?? "{}").Manifest?.Workspaces ?? [];
        return WorkspaceReader.Members(workspace, globs).FirstOrDefault(m => m.Manifest.Name == package) is { Path: { } member }
            ? WithJson(Path.Combine(root, member, file))
            : null;
    }
}
