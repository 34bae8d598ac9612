using Multistage.Core;
using Multistage.Core.Pipeline;

namespace Core.Tests;

/// <summary>The one folder copy, as the hive's lanes and cache and the samples' private copies use it: the whole
/// tree (dotfiles, empty folders, file times, what links point to), the folder a lane leaves out, no overwriting.</summary>
public sealed class FolderCopyTests : IDisposable
{
    private static readonly DateTime Written = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    private readonly TempFolder _work = TempFolder.Create("folder-copy-tests");

    public void Dispose() => _work.Dispose();

    [Fact]
    public void The_copy_holds_every_file_and_folder_with_its_content_and_write_time()
    {
        var source = WriteSample("source");

        FolderCopy.Copy(source, _work.Combine("copy"));

        Assert.Equal(Listing(source), Listing(_work.Combine("copy")));
        Assert.Equal("def\n", File.ReadAllText(_work.Combine("copy", "src", "deep", "main.py")));
        Assert.True(Directory.Exists(_work.Combine("copy", "empty")), "an empty folder was left out");
        Assert.Equal(Written, File.GetLastWriteTimeUtc(_work.Combine("copy", ".dockerignore")));
    }

    [Fact]
    public void The_skipped_folder_is_left_out_but_a_folder_of_the_same_name_deeper_down_is_not()
    {
        var source = WriteSample("source");
        Write(source, "lanes/1/template.json", "{}");
        Write(source, "src/lanes/kept.txt", "kept");

        FolderCopy.Copy(source, _work.Combine("copy"), skip: Path.Combine(source, "lanes"));

        Assert.False(Directory.Exists(_work.Combine("copy", "lanes")));
        Assert.Equal("kept", File.ReadAllText(_work.Combine("copy", "src", "lanes", "kept.txt")));
    }

    [Fact]
    public void A_folder_test_leaves_out_every_folder_it_accepts_at_any_depth()
    {
        var source = WriteSample("source");
        Write(source, "bin/app.dll", "build output");
        Write(source, "src/bin/lib.dll", "build output");
        Write(source, "src/kept.txt", "kept");

        FolderCopy.Copy(source, _work.Combine("copy"), folder => Path.GetFileName(folder) == "bin");

        Assert.False(Directory.Exists(_work.Combine("copy", "bin")));
        Assert.False(Directory.Exists(_work.Combine("copy", "src", "bin")));
        Assert.Equal("kept", File.ReadAllText(_work.Combine("copy", "src", "kept.txt")));
    }

    [Fact]
    public void Links_are_followed_so_the_copy_holds_plain_files_and_folders()
    {
        var source = WriteSample("source");
        File.CreateSymbolicLink(Path.Combine(source, "linked.py"), Path.Combine(source, "src", "deep", "main.py"));
        Directory.CreateSymbolicLink(Path.Combine(source, "linked"), Path.Combine(source, "src"));

        FolderCopy.Copy(source, _work.Combine("copy"));

        Assert.Null(new FileInfo(_work.Combine("copy", "linked.py")).LinkTarget);
        Assert.Null(new DirectoryInfo(_work.Combine("copy", "linked")).LinkTarget);
        Assert.Equal("def\n", File.ReadAllText(_work.Combine("copy", "linked", "deep", "main.py")));
    }

    [Fact]
    public void A_file_already_in_the_target_is_an_error_and_is_not_overwritten()
    {
        var source = WriteSample("source");
        Write(_work.Path, "copy/requirements.txt", "mine");

        Assert.ThrowsAny<IOException>(() => FolderCopy.Copy(source, _work.Combine("copy")));
        Assert.Equal("mine", File.ReadAllText(_work.Combine("copy", "requirements.txt")));
    }

    [Fact]
    public void A_private_copy_is_a_whole_copy_that_leaves_the_source_alone_and_is_gone_when_disposed()
    {
        var source = WriteSample("source");
        string directory;
        using (var copy = PrivateCopy.Of(source, "folder-copy-test"))
        {
            directory = copy.Directory;
            Assert.Equal(Listing(source), Listing(directory));
            File.AppendAllText(Path.Combine(directory, "src", "deep", "main.py"), "# cache check\n");
            Assert.Equal("def\n", File.ReadAllText(Path.Combine(source, "src", "deep", "main.py")));
        }

        Assert.False(Directory.Exists(directory), $"'{directory}' was left behind");
    }

    [Fact]
    public void A_private_copy_that_fails_part_way_leaves_nothing_behind()
    {
        var source = WriteSample("source");
        File.CreateSymbolicLink(Path.Combine(source, "zz-dangling"), _work.Combine("nowhere"));
        var before = PrivateCopies();

        Assert.ThrowsAny<IOException>(() => PrivateCopy.Of(source, "folder-copy-failing"));

        Assert.Equal(before, PrivateCopies());
    }

    private string WriteSample(string name)
    {
        var root = _work.Combine(name);
        Write(root, ".dockerignore", "**/__pycache__\n");
        Write(root, "requirements.txt", "flask\n");
        Write(root, "src/deep/main.py", "def\n");
        Directory.CreateDirectory(Path.Combine(root, "empty"));
        File.SetLastWriteTimeUtc(Path.Combine(root, ".dockerignore"), Written);
        return root;
    }

    private static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    // Folders and files, relative and sorted, so two trees compare as lists.
    private static List<string> Listing(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path) + (Directory.Exists(path) ? "/" : ""))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string[] PrivateCopies() =>
        Directory.GetDirectories(Path.GetTempPath(), "multistage-folder-copy-failing-*");
}
