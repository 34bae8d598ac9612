using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>A Go module (go.mod) and its main package: main.go at the module root, or cmd/&lt;name&gt;/.</summary>
public sealed partial class GoDetector : IProjectDetector
{
    public string Language => "go";

    public string LooksFor => "go.mod";

    public ProjectDetection? Detect(ProjectFolder folder)
    {
        var goMod = folder.Read("go.mod");
        if (goMod is null)
        {
            return null;
        }

        var module = ModuleLine().Match(goMod) is { Success: true } m ? m.Groups[1].Value : folder.FolderName;
        // github.com/acme/api/v2 is named api: a major-version suffix is not a name.
        var segments = module.Split('/');
        var moduleName = segments.Length > 1 && MajorVersion().IsMatch(segments[^1]) ? segments[^2] : segments[^1];
        var found = ProjectDetection.For(Language, moduleName, "go.mod");

        var mains = new List<string>();
        if (IsMainPackage(folder, ""))
        {
            mains.Add(".");
        }

        mains.AddRange(folder.Folders("cmd").Where(f => IsMainPackage(folder, f)).Select(f => "./" + f));
        switch (mains.Count)
        {
            case 1:
                var main = mains[0];
                var from = main == "." ? "package main in the module root" : $"package main in {main[2..]}/";
                found.Value("main", main, from);
                found.Value("binary", main == "." ? moduleName : main.Split('/')[^1], main == "." ? $"module {module}" : from);
                break;
            case 0:
                found.Ambiguous("main", "no main package in the module root or under cmd/", ["./path/to/main/package"]);
                break;
            default:
                found.Ambiguous("main", "several main packages", mains);
                break;
        }

        if (folder.FolderExists("vendor"))
        {
            found.Note("vendor/ is used by go build as it is; `go mod download` in the Dockerfile still reads go.sum.");
        }

        return found.Build();
    }

    private static bool IsMainPackage(ProjectFolder folder, string relative) =>
        folder.Files(relative, "*.go")
            .Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal))
            .Any(f => PackageMain().IsMatch(folder.Read(f) ?? ""));

    [GeneratedRegex(@"^module\s+""?([^\s""]+)""?", RegexOptions.Multiline)]
    private static partial Regex ModuleLine();

    [GeneratedRegex(@"^v[0-9]+$")]
    private static partial Regex MajorVersion();

    [GeneratedRegex(@"^package\s+main\b", RegexOptions.Multiline)]
    private static partial Regex PackageMain();
}
