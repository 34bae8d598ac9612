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

    public static async Task ProvideAsync(string repositoryRoot, InitLayout layout)
    {
        if (layout.BaseImages.Count == 0)
        {
            return;
        }

        await OneAtATime.WaitAsync();
        try
        {
            var seed = await ProcessRunner.RunAsync(new ProcessSpec("bash", [Path.Combine(repositoryRoot, "tools", "docker", "seed-base-images.sh"), .. layout.BaseImages])
            {
                // The seeder reads the catalog through the tool: the one built beside the tests.
                Environment = new Dictionary<string, string?>(DotnetEnvironment.Quiet) { ["MULTISTAGE_CLI"] = $"dotnet {MultistageCli.AssemblyPath}" },
                Timeout = TimeSpan.FromMinutes(15),
            });
            Assert.True(seed.ExitCode == 0, $"{layout.Folder} pins base images the set-up does not make ({string.Join(", ", layout.BaseImages)}); providing them failed:\n{seed.Describe()}");
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
