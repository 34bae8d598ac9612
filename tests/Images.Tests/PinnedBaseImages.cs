using Multistage.Core.Processes;
using Multistage.Core.Templates;
using Multistage.Tests.Shared;

namespace Images.Tests;

/// <summary>
/// The base images a layout pins beyond the templates' defaults (its .init-test.json "baseImages"), provided
/// as the set-up provides the defaults: tools/docker/seed-base-images.sh keeps a present image, pulls it, or
/// builds its stand-in. A missing recipe fails the test with the seeder's own message.
/// </summary>
public static class PinnedBaseImages
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Images this test run has provided already: a second layout pinning them starts no seeder.</summary>
    private static readonly HashSet<string> Provided = new(StringComparer.Ordinal);

    public static async Task ProvideAsync(string repositoryRoot, InitLayout layout)
    {
        await OneAtATime.WaitAsync();
        try
        {
            var missing = layout.BaseImages.Where(image => !Provided.Contains(image)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            var seed = await ProcessRunner.RunAsync(new ProcessSpec("bash", [Path.Combine(repositoryRoot, "tools", "docker", "seed-base-images.sh"), .. missing])
            {
                // The seeder reads the catalog through the tool: the one built beside the tests.
                Environment = new Dictionary<string, string?>(DotnetEnvironment.Quiet) { ["MULTISTAGE_CLI"] = $"dotnet {MultistageCli.AssemblyPath}" },
                Timeout = TimeSpan.FromMinutes(15),
            });
            Assert.True(seed.ExitCode == 0, $"{layout.Folder} pins base images the set-up does not make ({string.Join(", ", missing)}); providing them failed:\n{seed.Describe()}");
            Provided.UnionWith(missing);
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
