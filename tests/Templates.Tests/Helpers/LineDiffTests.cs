using Multistage.Core.Text;
using Templates.Tests.Infrastructure;

namespace Templates.Tests.Helpers;

public sealed class LineDiffTests
{
    [Fact]
    public void Equal_texts_give_no_diff() => Assert.Equal("", LineDiff.Unified("a\nb\n", "a\nb\n", "old", "new"));

    [Fact]
    public void Changed_line_gives_a_hunk_with_context()
    {
        var diff = LineDiff.Unified("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nfive\n6\n7\n8\n", "old", "new");
        Assert.Equal("--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", diff);
    }

    [Fact]
    public void Insertion_at_the_start_and_deletion_at_the_end_are_numbered_correctly()
    {
        var diff = LineDiff.Unified("a\nb\n", "new\na\n", "old", "new");
        Assert.Equal("--- old\n+++ new\n@@ -1,2 +1,2 @@\n+new\n a\n-b\n", diff);
    }

    [Fact]
    public void Missing_final_newline_and_CR_are_visible()
    {
        var diff = LineDiff.Unified("a\nb\n", "a\r\nb", "old", "new");
        Assert.Contains("+a\\r", diff);
        Assert.Contains("\\ No newline at end of file", diff);
    }
}
