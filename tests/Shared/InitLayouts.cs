namespace Multistage.Tests.Shared;

/// <summary>One project under tests/InitProjects/ and what `multistage init` must read from it: the
/// language, the name and every option value (exactly these, nothing more).</summary>
/// <param name="ImageTest">Built and run by the image tests after init (one layout per language).</param>
/// <param name="Greeting">Part of what the app answers on GET /, for the image tests.</param>
public sealed record InitLayout(string Folder, string Language, string Name, IReadOnlyDictionary<string, string> Values, bool ImageTest = false, string Greeting = "");

/// <summary>The projects init is tested against, laid out as real ones are (tests/InitProjects/README.md).</summary>
public static class InitLayouts
{
    public const string FolderName = "InitProjects";

    public static IReadOnlyList<InitLayout> All { get; } =
    [
        new("go-cmd-layout", "go", "inventory", new Dictionary<string, string> { ["main"] = "./cmd/inventory-api", ["binary"] = "inventory-api" }, ImageTest: true, Greeting: "inventory: 3 items"),
        new("go-root-main", "go", "hello", new Dictionary<string, string> { ["main"] = ".", ["binary"] = "hello" }),
        new("python-app-py", "python", "python-app-py", new Dictionary<string, string> { ["app"] = "app:app", ["dependencies"] = "requirements" }, ImageTest: true, Greeting: "notes: 2 saved"),
        new("python-package-wsgi", "python", "python-package-wsgi", new Dictionary<string, string> { ["app"] = "wsgi:app", ["dependencies"] = "requirements", ["add-gunicorn"] = "false" }),
        new("python-pyproject", "python", "catalog-service", new Dictionary<string, string> { ["app"] = "catalog:app", ["dependencies"] = "pyproject" }),
        new("node-main", "node", "status-page", new Dictionary<string, string> { ["entry"] = "index.js", ["lock-file"] = "true" }, ImageTest: true, Greeting: "status: all systems go"),
        new("node-start-script", "node", "orders-api", new Dictionary<string, string> { ["entry"] = "src/server.js", ["lock-file"] = "false" }),
        new("rust-bin-renamed", "rust", "ledger-service", new Dictionary<string, string> { ["binary"] = "ledger" }, ImageTest: true, Greeting: "ledger: balance 42"),
        new("rust-src-bin", "rust", "tools", new Dictionary<string, string> { ["binary"] = "server" }),
        new("rust-two-bins", "rust", "relay", new Dictionary<string, string> { ["binary"] = "relayd" }),
        new("dotnet-solution", "dotnet", "Shop.Web", new Dictionary<string, string> { ["project-file"] = "src/Shop.Web/Shop.Web.csproj", ["assembly"] = "Shop.Web", ["framework"] = "net10.0" }, ImageTest: true, Greeting: "shop: 5 products"),
        new("dotnet-project-root", "dotnet", "Api", new Dictionary<string, string> { ["project-file"] = "Api.csproj", ["assembly"] = "Contoso.Api", ["framework"] = "net9.0", ["runtime"] = "aot" }),
    ];

    /// <summary>tests/InitProjects/ of the clone <paramref name="repositoryRoot"/>.</summary>
    public static string Directory(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", FolderName);

    public static InitLayout Get(string folder) =>
        All.SingleOrDefault(l => l.Folder == folder) ?? throw new ArgumentException($"No init layout '{folder}' in InitLayouts.All.");

    /// <summary>Copies a layout's project to <paramref name="destination"/> (created), so a test can write into it.</summary>
    public static string CopyTo(string repositoryRoot, string folder, string destination)
    {
        var source = Path.Combine(Directory(repositoryRoot), folder);
        foreach (var relative in FileTree.RelativeFiles(source))
        {
            var target = Path.Combine(destination, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(source, relative), target);
        }

        return destination;
    }
}
