using Multistage.Core.Pipeline;
using Templates.Tests.Infrastructure;
using Xunit.Sdk;

namespace Templates.Tests.Helpers;

/// <summary>The bump tests' shared helpers: a wrong next version or a missed change would let a bump test pass
/// on a template the bump never reached.</summary>
public sealed class VersionBumpTests : IDisposable
{
    private readonly TempFolder _work = TempFolder.Create("bump-helper-tests");

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData("1.27", "98.0")]
    [InlineData("24", "98")]
    [InlineData("net10.0", "net98.0")]
    [InlineData("debian13", "debian98")]
    [InlineData("3.23.1", "98.0.0")]
    [InlineData("trixie", "bumped")]
    public void The_next_version_keeps_the_shape_and_is_offered_by_no_template(string old, string next) =>
        Assert.Equal(next, VersionBump.NextVersion(old));

    [Fact]
    public void Changed_files_are_those_whose_text_differs_sorted_with_forward_slashes()
    {
        Write("original/b/z.txt", "z");
        Write("original/a.txt", "a");
        Write("original/.dockerignore", "x");
        VersionBump.CopyTemplates(_work.Combine("original"), _work.Combine("copy"));
        Assert.Empty(VersionBump.ChangedFiles(_work.Combine("copy"), _work.Combine("original")));

        Write("copy/b/z.txt", "zz");
        Write("copy/.dockerignore", "y");

        Assert.Equal([".dockerignore", "b/z.txt"], VersionBump.ChangedFiles(_work.Combine("copy"), _work.Combine("original")));
    }

    [Fact]
    public void An_edit_that_no_longer_finds_its_text_fails_naming_it()
    {
        Write("sample/Dockerfile", "FROM golang:98.0-trixie AS build\n");
        var pitfall = new Pitfall("cgo", "CGO", null, [new PitfallEdit("Dockerfile", "FROM golang:1.27", "FROM golang:1.27-alpine")],
            PitfallPhase.Start, "exec", "why", "fix");

        var error = Assert.Throws<TrueException>(() => VersionBump.AssertEditsApply("go", pitfall, _work.Combine("sample"), "the bump", "advice."));

        Assert.Contains("Pitfall 'go-cgo' finds no [Dockerfile: \"FROM golang:1.27\"] after the bump", error.Message, StringComparison.Ordinal);
        VersionBump.AssertEditsApply("go", pitfall with { Edits = [new PitfallEdit("Dockerfile", "FROM golang:", "x")] }, _work.Combine("sample"), "the bump", "advice.");
    }

    private void Write(string relative, string text)
    {
        var path = _work.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
