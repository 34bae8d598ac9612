using System.Text;
using Templates.Tests.Infrastructure;

namespace Templates.Tests.Helpers;

/// <summary>The one reader both template.json copies (base lines, toolchain versions) find their values with.</summary>
public sealed class SymbolJsonTests
{
    // Comments, a trailing comma, and the same names elsewhere: under another symbol, in a symbol's array, outside symbols.
    private const string Json = """
        {
          // a comment
          "value": "root",
          "parameters": { "value": "not a symbol" },
          "symbols": {
            "goVersion": {
              "choices": [ { "choice": "1.26", "parameters": { "value": "in an array" } }, { "choice": "1.27" } ],
              "defaultValue": "1.27",
            },
            "alpineLine": { "type": "generated", "parameters": { "value": "3.23" }, "replaces": "3.23" },
          },
        }
        """;

    [Theory]
    [InlineData("alpineLine", "parameters/value", "\"3.23\"")]
    [InlineData("goVersion", "defaultValue", "\"1.27\"")]
    [InlineData("goVersion", "choices", """[ { "choice": "1.26", "parameters": { "value": "in an array" } }, { "choice": "1.27" } ]""")]
    [InlineData("alpineLine", "parameters", """{ "value": "3.23" }""")]
    public void The_span_is_the_raw_text_of_that_symbols_value(string symbol, string path, string expected) =>
        Assert.Equal(expected, Text(SymbolJson.Span(Bytes, symbol, path.Split('/'))));

    [Theory]
    [InlineData("goVersion", "parameters/value")]
    [InlineData("alpineLine", "defaultValue")]
    [InlineData("rustVersion", "defaultValue")]
    [InlineData("alpineLine", "type/value")]
    public void A_value_only_found_elsewhere_or_nowhere_is_null(string symbol, string path) =>
        Assert.Null(SymbolJson.Span(Bytes, symbol, path.Split('/')));

    [Fact]
    public void A_file_without_symbols_has_no_span()
    {
        Assert.Null(SymbolJson.Span("[]"u8, "alpineLine", "parameters", "value"));
        Assert.Null(SymbolJson.Span("""{ "symbols": [] }"""u8, "alpineLine", "parameters", "value"));
    }

    [Fact]
    public void Both_copies_splice_into_the_value_and_keep_the_rest_as_written()
    {
        Assert.Equal(Json.Replace("\"value\": \"3.23\"", "\"value\": \"3.24\"", StringComparison.Ordinal), BaseLineCopy.Apply(Json, "alpineLine", "3.24"));
        var project = Json.Replace("{ \"choice\": \"1.27\" } ]", "{ \"choice\": \"1.27\" }, { \"choice\": \"1.28\" } ]", StringComparison.Ordinal)
            .Replace("\"defaultValue\": \"1.27\"", "\"defaultValue\": \"1.28\"", StringComparison.Ordinal);
        Assert.Equal(project, ToolchainCopy.Apply(project, Json, "goVersion"));
    }

    [Fact]
    public void A_toolchain_symbol_without_a_copied_field_is_refused_by_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => ToolchainCopy.Apply(Json, Json, "alpineLine"));
        Assert.Contains("symbols.alpineLine.defaultValue or .choices", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Bytes => Encoding.UTF8.GetBytes(Json);

    private static string? Text((int Start, int End)? span) =>
        span is { } s ? Encoding.UTF8.GetString(Bytes[s.Start..s.End]) : null;
}
