using Multistage.Tests.Shared;

namespace Generator.Tests;

/// <summary>`multistage init` on Go workspaces that the layouts' expectations cannot express: the refusal when
/// go.work's modules hold several main packages, and the binary named after the one --set main picks.</summary>
public sealed class GoInitTests : IDisposable
{
    private readonly TempFolder _work = TempFolder.Create("init-go");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Workspace_with_two_main_packages_is_refused_until_set_main_picks_one_which_names_the_binary()
    {
        var root = Path.Combine(_work.Path, "shop");
        foreach (var (path, text) in new[]
                 {
                     ("go.work", "go 1.22\n\nuse (\n\t./api\n\t./worker\n)\n"),
                     ("api/go.mod", "module example.com/shop/api\n\ngo 1.22\n"),
                     ("api/main.go", "package main\n\nfunc main() {}\n"),
                     ("worker/go.mod", "module example.com/shop/worker\n\ngo 1.22\n"),
                     ("worker/cmd/consume/main.go", "package main\n\nfunc main() {}\n"),
                 })
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        var refused = await InProcessCli.RunAsync(["init", root], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(refused.ExitCode == 2, $"Expected exit 2:\n{refused.Describe()}");
        Assert.Equal(
            ["error: Go: several main packages (./api, ./worker/cmd/consume): pass `--set main=./api`.", "Nothing was written."],
            refused.Errors.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

        var chosen = await InProcessCli.RunAsync(["init", root, "--set", "main=./worker/cmd/consume"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(chosen.ExitCode == 0, $"Expected exit 0 with --set main=./worker/cmd/consume:\n{chosen.Describe()}");
        var dockerfile = File.ReadAllText(Path.Combine(root, "Dockerfile"));
        // Named after the main package's folder, not after the work folder (shop).
        Assert.Contains("-o /out/consume ./worker/cmd/consume", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"/usr/local/bin/tini\", \"--\", \"/app/consume\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY --from=modules /modules/ ./", dockerfile, StringComparison.Ordinal);
    }
}
