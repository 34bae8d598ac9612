using Multistage.Core.Templates;

namespace Core.Tests;

public sealed class TemplateConditionTests
{
    private static readonly Dictionary<string, string> Symbols = new() { ["runtime"] = "aot", ["exercise"] = "false", ["lockFile"] = "true" };

    [Theory]
    [InlineData("(runtime == \"aot\")", true)]
    [InlineData("(runtime != \"aot\")", false)]
    [InlineData("(runtime == \"chiseled\" || runtime == \"aot\")", true)]
    [InlineData("(runtime == \"aot\" && exercise)", false)]
    [InlineData("(!exercise)", true)]
    [InlineData("(lockFile)", true)]
    [InlineData("(!(runtime == \"aot\") || lockFile && !exercise)", true)]
    public void Evaluates_the_forms_the_templates_use(string condition, bool expected) =>
        Assert.Equal(expected, TemplateCondition.Evaluate(condition, Symbols));

    [Theory]
    [InlineData("(runtim == \"aot\")", "unknown symbol 'runtim'")]
    [InlineData("(runtime == \"aot\"", "missing ')'")]
    [InlineData("(runtime == \"aot\") x", "unexpected text")]
    public void Unknown_forms_fail_naming_the_condition(string condition, string problem)
    {
        var error = Assert.Throws<FormatException>(() => TemplateCondition.Evaluate(condition, Symbols));
        Assert.Contains(problem, error.Message);
        Assert.Contains(condition, error.Message);
    }

    [Fact]
    public void Conditional_lines_keep_the_taken_branch_as_written()
    {
        const string text = "A\n#if (runtime == \"slim\")\nFROM slim\n#elseif (runtime == \"aot\")\n# note\nFROM aot\n#else\nFROM other\n#endif\nB";
        Assert.Equal("A\n# note\nFROM aot\nB", ConditionalLines.Keep(text, Symbols, "Dockerfile"));
    }

    [Fact]
    public void Conditions_inside_a_branch_not_kept_are_not_evaluated()
    {
        // "unknown" is no symbol: the engine never evaluates it either, since its block is not rendered.
        const string text = "A\n#if (runtime == \"slim\")\n#if (unknown)\nX\n#elseif (unknown)\nY\n#else\nZ\n#endif\n#endif\nB";
        Assert.Equal("A\nB", ConditionalLines.Keep(text, Symbols, "Dockerfile"));
    }

    [Fact]
    public void An_unclosed_if_names_the_file()
    {
        var error = Assert.Throws<InvalidDataException>(() => ConditionalLines.Keep("#if (lockFile)\nFROM x", Symbols, "demo/Dockerfile"));
        Assert.Contains("demo/Dockerfile", error.Message);
    }
}
