using System.Text;
using Templates.Tests.Infrastructure;

namespace Templates.Tests.Helpers;

public sealed class TextFileRulesTests
{
    [Theory]
    [InlineData("a\nb\n", "")]
    [InlineData("", "")]
    [InlineData("a\r\nb\r\n", "has a CR (CRLF or CR line ending), first on line 1")]
    [InlineData("a\nb", "has no final newline")]
    [InlineData("\uFEFFa\n", "starts with a UTF-8 byte-order mark")]
    public void Each_rule_is_reported(string content, string expected) =>
        Assert.Equal(expected, string.Join("; ", TextFileRules.Problems(Encoding.UTF8.GetBytes(content))));
}
