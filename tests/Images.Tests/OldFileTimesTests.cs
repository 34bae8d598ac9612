using Images.Tests.Names;
using Multistage.Core.Pipeline;

namespace Images.Tests;

/// <summary>
/// The multi-stage image runs the sources it was built from, whatever their file times. Build caches
/// that persist between builds (cache mounts) are shared by every project on the builder, and a
/// toolchain that trusts file times (cargo) took a copy with older times (an unpacked archive, a
/// second checkout) as up to date and shipped the other build's binary.
/// </summary>
[Collection(VariantsCollection.Name)]
[Trait("Category", "Images")]
public sealed class OldFileTimesTests(ImageFixture fixture) : NeedsDocker
{
    private static readonly DateTime LongAgo = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(VariantPlan.DefaultIds), MemberType = typeof(VariantPlan))]
    public async Task A_changed_copy_with_older_file_times_ships_its_own_code(string variant)
    {
        // The original rebuilt after a source change first, so its build step really runs now and the
        // shared caches hold its output, newer than the copy's files.
        var original = fixture.Get(variant);
        Assert.True((await original.SourceChangeRebuildAsync()).Succeeded, $"{variant}: the original's rebuild failed.");
        var copy = Path.Combine(fixture.WorkDirectory, $"{original.Key}-old-times");
        CopyWithNewGreeting(await original.ProjectDirectoryAsync(), copy);

        var context = new SampleRunContext(fixture.Docker, await fixture.NetworkAsync(),
            await fixture.Indexes.BuildArgumentsAsync(original.Variant.Template.PackageIndexBuildArg),
            $"{original.Name}-old-times", Path.Combine(fixture.BuildLogDirectory, $"{original.Key}-old-times"), fixture.TrackImage);
        var outcome = await new SampleRun(context, original.Variant.Template, copy).RunAsync();

        Assert.True(outcome.Root.Status == 200 && outcome.Root.Body.StartsWith(Changed, StringComparison.Ordinal),
            $"{variant}: a copy whose greeting says \"{Changed}\" but whose files are dated {LongAgo:yyyy-MM-dd} answered {outcome.Root}: " +
            "the image got another build's output. Make the build step independent of file times (for cargo: touch the " +
            $"sources before `cargo build` when target/ is a cache mount). Build log: {context.LogFilePrefix}-multi.log");
    }

    private const string Original = "Hello from ";
    private const string Changed = "Rebuilt from ";

    private static void CopyWithNewGreeting(string from, string to)
    {
        var changed = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var text = File.ReadAllText(file);
            if (!Path.GetFileName(file).StartsWith("Dockerfile", StringComparison.Ordinal) && text.Contains(Original, StringComparison.Ordinal))
            {
                File.WriteAllText(target, text.Replace(Original, Changed, StringComparison.Ordinal));
                changed++;
            }
            else
            {
                File.Copy(file, target);
            }

            File.SetLastWriteTimeUtc(target, LongAgo);
        }

        Assert.True(changed > 0, $"No file of {from} holds the greeting \"{Original}\" to change.");
    }
}
