using System.IO.Compression;
using Multistage.Core.Templates;

namespace Core.Tests;

/// <summary>
/// A hive installed once is copied, not installed again, for the same sources in any later process; any
/// change to the sources installs afresh; a cache that cannot be used changes nothing. Each test has a
/// cache folder of its own, never the user's, and a template of its own, so they run in any order. A hive's
/// lane (the copy one call at a time runs in) that another process has locked is left for a fresh one.
/// </summary>
public sealed class TemplateHiveCacheTests : IDisposable
{
    private const string ShortName = "hive-cache-probe";

    // A file put into a cache entry by hand: a hive that has it was copied from that entry, not installed.
    private const string Witness = "copied-from-cache.txt";

    private readonly TempFolder _work = TempFolder.Create("hive-cache-tests");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task The_same_sources_again_are_copied_from_the_cache_and_work_after_the_first_hive_is_gone()
    {
        var template = WriteTemplate("template", "hello");
        var cache = new TemplateHiveCache(_work.Combine("cache"));
        var first = await CreateAsync("first", template, cache);
        var firstGreeting = await GreetingAsync(first, "first-out");
        var entry = Assert.Single(Directory.GetDirectories(cache.Root));
        File.WriteAllText(Path.Combine(entry, "hive", Witness), "");
        Directory.Delete(first.HiveDirectory, recursive: true);

        var second = await CreateAsync("second", template, cache);

        Assert.True(File.Exists(Path.Combine(second.HiveDirectory, Witness)), $"'{second.HiveDirectory}' was installed again, not copied from '{entry}'.");
        Assert.Equal("hello from World\n", firstGreeting);
        Assert.Equal(firstGreeting, await GreetingAsync(second, "second-out"));
        Assert.Single(Directory.GetDirectories(cache.Root));
    }

    [Fact]
    public async Task One_changed_byte_in_a_template_file_installs_afresh_and_the_change_comes_out()
    {
        var template = WriteTemplate("template", "hello");
        var cache = new TemplateHiveCache(_work.Combine("cache"));
        await CreateAsync("first", template, cache);
        var firstEntry = Assert.Single(Directory.GetDirectories(cache.Root));
        File.WriteAllText(Path.Combine(firstEntry, "hive", Witness), "");
        File.WriteAllText(Path.Combine(template, "greeting.txt"), "jello from Probe\n");

        var second = await CreateAsync("second", template, cache);

        Assert.False(File.Exists(Path.Combine(second.HiveDirectory, Witness)), "the changed template was served the old hive");
        Assert.Equal("jello from World\n", await GreetingAsync(second, "second-out"));
        Assert.Equal(2, Directory.GetDirectories(cache.Root).Length);
    }

    [Fact]
    public async Task A_cache_that_cannot_be_written_gives_a_plain_install_that_works()
    {
        var template = WriteTemplate("template", "hello");
        // A file where the cache folder should be: no one can create it, root included (unlike a chmod).
        var blocked = _work.Combine("cache");
        File.WriteAllText(blocked, "not a folder");

        var hive = await CreateAsync("hive", template, new TemplateHiveCache(blocked));

        Assert.Equal("hello from World\n", await GreetingAsync(hive, "out"));
        Assert.Equal("not a folder", File.ReadAllText(blocked));
    }

    [Fact]
    public async Task A_hive_installed_from_a_package_is_not_cached_because_it_names_its_own_folder()
    {
        var package = WritePackage("Probe.1.0.0.nupkg");
        var cache = new TemplateHiveCache(_work.Combine("cache"));

        var hive = await CreateAsync("hive", package, cache);

        Assert.Equal("hello from World\n", await GreetingAsync(hive, "out"));
        Assert.Empty(Directory.Exists(cache.Root) ? Directory.GetFileSystemEntries(cache.Root) : []);
    }

    [Fact]
    public async Task Hives_made_at_once_leave_one_entry_and_no_half_written_folder()
    {
        var template = WriteTemplate("template", "hello");
        var cache = new TemplateHiveCache(_work.Combine("cache"));

        var hives = await Task.WhenAll(CreateAsync("one", template, cache), CreateAsync("two", template, cache));

        var entry = Assert.Single(Directory.GetFileSystemEntries(cache.Root));
        Assert.True(File.Exists(Path.Combine(entry, "sources")), $"'{entry}' has no sources file: it is not complete");
        foreach (var (hive, index) in hives.Select((hive, index) => (hive, index)))
        {
            Assert.Equal("hello from World\n", await GreetingAsync(hive, $"out-{index}"));
        }
    }

    [Fact]
    public async Task An_entry_whose_sources_are_gone_is_removed_when_the_next_entry_is_written()
    {
        var gone = WriteTemplate("gone", "hello");
        var cache = new TemplateHiveCache(_work.Combine("cache"));
        await CreateAsync("first", gone, cache);
        var goneEntry = Assert.Single(Directory.GetDirectories(cache.Root));
        Directory.Delete(gone, recursive: true);

        await CreateAsync("second", WriteTemplate("kept", "hi"), cache);

        var kept = Assert.Single(Directory.GetDirectories(cache.Root));
        Assert.NotEqual(goneEntry, kept);
    }

    [Fact]
    public async Task A_lane_whose_settings_another_process_locks_is_left_and_the_call_runs_in_a_fresh_one()
    {
        var hive = await CreateAsync("hive", WriteTemplate("template", "hello"), new TemplateHiveCache(_work.Combine("cache")));
        await GreetingAsync(hive, "first-out");
        var lane = Assert.Single(Directory.GetDirectories(Path.Combine(hive.HiveDirectory, "lanes")));
        var settings = Directory.GetFiles(lane, "packages.json", SearchOption.AllDirectories);
        Assert.NotEmpty(settings);

        // What dotnet new met in CI: the lane's package list locked by another process (FileShare.None is a lock).
        using (var locked = new FileStream(settings[0], FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.Equal("hello from World\n", await GreetingAsync(hive, "second-out"));
        }

        Assert.Equal(2, Directory.GetDirectories(Path.Combine(hive.HiveDirectory, "lanes")).Length);
    }

    private Task<TemplateHive> CreateAsync(string folder, string source, TemplateHiveCache cache) =>
        TemplateHive.CreateAsync(_work.Combine(folder), [source], cache, TestContext.Current.CancellationToken);

    /// <summary>What the probe template makes with `-n World`: its greeting.txt, the name replaced.</summary>
    private async Task<string> GreetingAsync(TemplateHive hive, string output)
    {
        var result = await hive.InstantiateAsync(ShortName, _work.Combine(output), ["-n", "World"], TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, result.Describe());
        return File.ReadAllText(_work.Combine(output, "greeting.txt"));
    }

    /// <summary>An item template: greeting.txt says "<paramref name="greeting"/> from Probe", Probe being the name.</summary>
    private string WriteTemplate(string folder, string greeting)
    {
        var root = _work.Combine(folder);
        Directory.CreateDirectory(Path.Combine(root, ".template.config"));
        File.WriteAllText(Path.Combine(root, ".template.config", "template.json"), TemplateJson);
        File.WriteAllText(Path.Combine(root, "greeting.txt"), $"{greeting} from Probe\n");
        return root;
    }

    /// <summary>The same template as a NuGet package (content/probe/), as `dotnet new install X.nupkg` takes it.</summary>
    private string WritePackage(string fileName)
    {
        var path = _work.Combine(fileName);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        WriteEntry(zip, "Probe.nuspec",
            """
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>Probe</id>
                <version>1.0.0</version>
                <authors>tests</authors>
                <description>A template for the hive cache tests.</description>
                <packageTypes><packageType name="Template" /></packageTypes>
              </metadata>
            </package>
            """);
        WriteEntry(zip, "content/probe/.template.config/template.json", TemplateJson);
        WriteEntry(zip, "content/probe/greeting.txt", "hello from Probe\n");
        return path;
    }

    private static void WriteEntry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }

    private const string TemplateJson =
        $$"""
        {
          "author": "tests",
          "identity": "Multistage.Tests.HiveCacheProbe",
          "name": "Hive cache probe",
          "shortName": "{{ShortName}}",
          "tags": { "type": "item" },
          "sourceName": "Probe"
        }
        """;
}
