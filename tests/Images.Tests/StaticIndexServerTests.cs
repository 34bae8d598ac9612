namespace Images.Tests;

/// <summary>The wheelhouse server answers like a PEP 503 index and never leaves its folder.</summary>
[Trait("Category", "Images")]
public sealed class StaticIndexServerTests : IDisposable
{
    private readonly string root = TempFolder.Create("index").Path;

    public void Dispose() => TempFolder.Remove(root);

    [Fact]
    public async Task Folder_requests_get_their_index_and_files_their_bytes()
    {
        Directory.CreateDirectory(Path.Combine(root, "simple", "flask"));
        await File.WriteAllTextAsync(Path.Combine(root, "simple", "flask", "index.html"), "<a href=\"f.whl\">f.whl</a>", TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(root, "simple", "flask", "f.whl"), [1, 2, 3], TestContext.Current.CancellationToken);
        using var server = new StaticIndexServer(root);
        using var client = new HttpClient();

        Assert.Contains("f.whl", await client.GetStringAsync($"{server.BaseUrl}simple/flask/", TestContext.Current.CancellationToken));
        Assert.Equal([1, 2, 3], await client.GetByteArrayAsync($"{server.BaseUrl}simple/flask/f.whl", TestContext.Current.CancellationToken));
        var missing = await client.GetAsync($"{server.BaseUrl}simple/nothing/", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        var outside = await client.GetAsync($"{server.BaseUrl}..%2F..%2Fetc%2Fpasswd", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, outside.StatusCode);
    }
}
