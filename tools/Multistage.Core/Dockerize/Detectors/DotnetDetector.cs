using System.Xml.Linq;

namespace Multistage.Core.Dockerize.Detectors;

/// <summary>An ASP.NET Core project (a .csproj on Microsoft.NET.Sdk.Web) in the folder or, in a
/// solution folder, up to three folders below it: the project file, its AssemblyName,
/// TargetFramework and PublishAot.</summary>
public sealed class DotnetDetector : IProjectDetector
{
    private const int SearchDepth = 3;

    public string Language => "dotnet";

    public string LooksFor => "a .csproj, or a .sln/.slnx with its projects up to 3 folders down";

    public ProjectDetection? Detect(ProjectFolder folder)
    {
        // A project file in the folder itself, else the projects of the solution in it: a folder that
        // holds neither is not a .NET project, whatever its subfolders hold.
        var solution = folder.Files("", "*.sln").Concat(folder.Files("", "*.slnx")).FirstOrDefault();
        var projects = folder.Files("", "*.csproj");
        if (projects.Count == 0 && solution is not null)
        {
            projects = folder.FilesBelow("*.csproj", SearchDepth);
        }

        if (projects.Count == 0)
        {
            return null;
        }

        var parsed = projects.Select(p => (Path: p, Xml: Load(folder, p))).ToList();
        var web = parsed.Where(p => p.Xml is not null && IsWeb(p.Xml)).ToList();
        if (web.Count != 1)
        {
            var name = Path.GetFileNameWithoutExtension(solution ?? projects[0]);
            var none = ProjectDetection.For(Language, name, [.. projects]);
            if (web.Count == 0)
            {
                none.Ambiguous("project-file", "no ASP.NET Core project (Sdk=\"Microsoft.NET.Sdk.Web\") among the project files", projects);
            }
            else
            {
                none.Ambiguous("project-file", "several ASP.NET Core projects", web.Select(w => w.Path).ToList());
            }

            return none.Build();
        }

        var (path, xml) = web[0];
        var projectName = Path.GetFileNameWithoutExtension(path);
        var found = ProjectDetection.For(Language, projectName, solution is null ? [path] : [solution, path]);
        found.Value("project-file", path, solution is null ? "the one web project" : $"the web project of {solution}");

        var assembly = Property(xml!, "AssemblyName");
        found.Value("assembly", assembly ?? projectName, assembly is null ? $"{Path.GetFileName(path)} (no AssemblyName)" : $"{Path.GetFileName(path)} AssemblyName");

        var framework = Property(xml!, "TargetFramework") ?? Property(xml!, "TargetFrameworks")?.Split(';')[0];
        if (framework is not null)
        {
            found.Value("framework", framework.Trim(), $"{Path.GetFileName(path)} TargetFramework");
        }
        else
        {
            found.Note($"{path} names no TargetFramework here (Directory.Build.props?): the Dockerfiles use the template's default images.");
        }

        if (string.Equals(Property(xml!, "PublishAot"), "true", StringComparison.OrdinalIgnoreCase))
        {
            found.Value("runtime", "aot", $"{Path.GetFileName(path)} PublishAot");
        }

        var references = xml!.Descendants().Where(e => e.Name.LocalName == "ProjectReference").Select(e => (string?)e.Attribute("Include")).OfType<string>().ToList();
        if (references.Count > 0)
        {
            found.Note($"{path} references {string.Join(", ", references)}: the Dockerfile's restore layer copies only {path}; add a COPY line for each referenced project file before the restore.");
        }

        return found.Build();
    }

    private static XDocument? Load(ProjectFolder folder, string path)
    {
        try
        {
            return XDocument.Parse(folder.Read(path)!);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static bool IsWeb(XDocument xml)
    {
        var root = xml.Root!;
        var sdks = new[] { (string?)root.Attribute("Sdk") }
            .Concat(root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name")))
            .OfType<string>();
        return sdks.Any(s => s.Split('/')[0].Trim().Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase));
    }

    private static string? Property(XDocument xml, string name) =>
        xml.Descendants().Where(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);
}
