using System.Xml.Linq;

namespace Multistage.Core.Dockerize.Detectors.Dotnet;

/// <summary>One MSBuild project file as written (no evaluation): its SDK, its properties and the
/// projects it references, with paths relative to the project folder init runs in.</summary>
internal sealed class ProjectFile
{
    private readonly XDocument _xml;

    private ProjectFile(string path, XDocument xml)
    {
        Path = path;
        _xml = xml;
    }

    /// <summary>Relative to the folder init runs in, '/' between folders (src/Web/Web.csproj).</summary>
    public string Path { get; }

    /// <summary>The project's folder with a trailing '/', or "" at the root.</summary>
    public string Folder => FolderOf(Path);

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>Null when the file is missing or not XML.</summary>
    public static ProjectFile? Load(ProjectFolder folder, string path)
    {
        try
        {
            var text = folder.Read(path);
            return text is null ? null : new ProjectFile(path, XDocument.Parse(text, LoadOptions.SetLineInfo));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>An ASP.NET Core project: Sdk="Microsoft.NET.Sdk.Web" (or an &lt;Sdk Name=...&gt; element).</summary>
    public bool IsWeb
    {
        get
        {
            var root = _xml.Root!;
            var sdks = new[] { (string?)root.Attribute("Sdk") }
                .Concat(root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name")))
                .OfType<string>();
            return sdks.Any(s => s.Split('/')[0].Trim().Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>A program, not a library: OutputType Exe or WinExe, as written.</summary>
    public bool IsProgram => Property("OutputType")?.Value is { } type
        && (type.Equals("Exe", StringComparison.OrdinalIgnoreCase) || type.Equals("WinExe", StringComparison.OrdinalIgnoreCase));

    /// <summary>ASP.NET Core on the plain SDK: a FrameworkReference to Microsoft.AspNetCore.App.</summary>
    public bool ReferencesAspNetCore =>
        _xml.Descendants().Any(e => e.Name.LocalName == "FrameworkReference"
            && string.Equals(((string?)e.Attribute("Include"))?.Trim(), "Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase));

    /// <summary>Each Exec task's command as written, its line and the target that runs it.</summary>
    public IReadOnlyList<(string Command, int Line, string? Target)> Execs =>
        _xml.Descendants().Where(e => e.Name.LocalName == "Exec" && e.Attribute("Command") is not null)
            .Select(e => (((string)e.Attribute("Command")!).Trim(), ((System.Xml.IXmlLineInfo)e).LineNumber,
                e.Ancestors().FirstOrDefault(a => a.Name.LocalName == "Target") is { } t ? (string?)t.Attribute("Name") : null))
            .ToList();

    /// <summary>The first non-empty value of a property and its line, as written (no $(...) expanded).</summary>
    public (string Value, int Line)? Property(string name) =>
        _xml.Descendants()
            .Where(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup" && e.Value.Trim().Length > 0)
            .Select(e => ((string Value, int Line)?)(e.Value.Trim(), ((System.Xml.IXmlLineInfo)e).LineNumber))
            .FirstOrDefault();

    /// <summary>The Include of each ProjectReference, as written.</summary>
    public IReadOnlyList<string> ReferencesAsWritten =>
        _xml.Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include")).OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>A ProjectReference resolved against this project's folder: the path relative to the root, or
    /// null when it leaves the folder init runs in (then no build context there can hold it).</summary>
    public string? Resolve(string reference) => RelativePath.Resolve(Folder, reference);

    public static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..(slash + 1)];
    }
}
