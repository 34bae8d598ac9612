using Multistage.Core.Templates;

namespace Images.Tests;

/// <summary>The local package indexes are data: each entry answers a template's packageIndexBuildArg, and its folder
/// and URL follow from the entry and the environment alone. No Docker: these run with Category!=Images.</summary>
public sealed class LocalPackageIndexTests : IDisposable
{
    private readonly TempFolder work = TempFolder.Create("local-index-tests");

    private static readonly LocalPackageIndex Wheelhouse =
        new("PIP_INDEX_URL", "Python wheelhouse", "wheels", "MULTISTAGE_WHEELHOUSE", "wheelhouse", "tools/docker/build-wheelhouse.sh", "simple");

    public void Dispose() => work.Dispose();

    [Fact]
    public void Every_entry_serves_a_build_argument_some_template_names()
    {
        var root = RepositoryLayout.FindRoot();
        var named = TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(root)).Select(t => t.PackageIndexBuildArg).ToHashSet(StringComparer.Ordinal);
        var indexes = LocalPackageIndex.Load(root);

        Assert.Contains(indexes, i => i.BuildArg == "PIP_INDEX_URL");
        Assert.All(indexes, i => Assert.True(named.Contains(i.BuildArg),
            $"{LocalPackageIndex.RelativePath}: no template's packageIndexBuildArg is '{i.BuildArg}', so nothing would use that index."));
        Assert.All(indexes, i => Assert.True(File.Exists(Path.Combine(root, i.Builder)), $"{LocalPackageIndex.RelativePath}: '{i.BuildArg}' is built by {i.Builder}, which does not exist."));
    }

    [Fact]
    public void The_folder_is_the_variables_else_the_cache_folder_under_the_cache()
    {
        Assert.Equal("/mine", Wheelhouse.Folder(Environment(("MULTISTAGE_WHEELHOUSE", "/mine"), ("MULTISTAGE_CACHE", "/cache"))));
        Assert.Equal(Path.Combine("/cache", "wheelhouse"), Wheelhouse.Folder(Environment(("MULTISTAGE_WHEELHOUSE", ""), ("MULTISTAGE_CACHE", "/cache"))));
        Assert.Equal(Path.Combine(LocalPackageIndex.DefaultCache, "wheelhouse"), Wheelhouse.Folder(Environment()));
    }

    [Fact]
    public void The_url_names_the_index_folder_only_where_the_folder_has_one()
    {
        Assert.Equal("http://127.0.0.1:1/", Wheelhouse.Url("http://127.0.0.1:1/", work.Path));
        Directory.CreateDirectory(work.Combine("simple"));
        Assert.Equal("http://127.0.0.1:1/simple/", Wheelhouse.Url("http://127.0.0.1:1/", work.Path));
        Assert.Equal("http://127.0.0.1:1/", (Wheelhouse with { IndexFolder = null }).Url("http://127.0.0.1:1/", work.Path));
    }

    [Theory]
    [InlineData("""[{ "buildArg": "X", "name": "n", "contents": "c", "folderVariable": "V", "cacheFolder": "f" }]""", "the entry for 'X' lacks a field")]
    [InlineData("""[{ "buildArg": "X", "name": "n", "contents": "c", "folderVariable": "V", "cacheFolder": "f", "builder": "b" }, { "buildArg": "X", "name": "n", "contents": "c", "folderVariable": "V", "cacheFolder": "f", "builder": "b" }]""", "'X' is listed twice")]
    [InlineData("""{ "buildArg": "X" }""", LocalPackageIndex.RelativePath)]
    public void A_broken_file_is_refused_naming_what_is_wrong(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => LocalPackageIndex.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
