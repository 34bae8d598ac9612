using Multistage.Core.Templates;

namespace Core.Tests;

/// <summary>Which templates a command uses: --templates, else the clone the tool was built in, else the
/// copy the installed tool carries.</summary>
public sealed class TemplateSourceResolverTests : IDisposable
{
    private readonly string _work = TempFolder.NewPath("template-source-tests");

    public void Dispose() => TempFolder.Remove(_work);

    [Fact]
    public void A_tool_built_inside_a_clone_uses_the_clones_templates_even_with_a_bundled_copy()
    {
        var clone = MakeFolder("clone");
        File.WriteAllText(Path.Combine(clone, RepositoryLayout.RootMarker), "");
        MakeTemplateSet(Path.Combine(clone, "templates"));
        var toolDirectory = MakeFolder("clone/tools/Multistage/bin/Debug/net10.0");
        MakeTemplateSet(Path.Combine(toolDirectory, TemplateSourceResolver.BundledFolderName));

        var source = TemplateSourceResolver.Resolve(null, toolDirectory);

        Assert.Equal(new TemplateSource(TemplateSourceKind.Repository, Path.Combine(clone, "templates")), source);
    }

    [Fact]
    public void An_installed_tool_uses_the_templates_beside_its_assembly()
    {
        var toolDirectory = MakeFolder("store/multistage.cli/0.1.0/tools/net10.0/any");
        MakeTemplateSet(Path.Combine(toolDirectory, TemplateSourceResolver.BundledFolderName));

        var source = TemplateSourceResolver.Resolve(null, toolDirectory);

        Assert.Equal(TemplateSourceKind.Bundled, source.Kind);
        Assert.Equal(Path.Combine(toolDirectory, "templates"), source.Directory);
        Assert.Contains("bundled with the tool", source.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_option_wins_over_every_default()
    {
        var toolDirectory = MakeFolder("tool");
        MakeTemplateSet(Path.Combine(toolDirectory, TemplateSourceResolver.BundledFolderName));
        var mine = MakeFolder("mine");
        MakeTemplateSet(mine);

        Assert.Equal(new TemplateSource(TemplateSourceKind.Option, mine), TemplateSourceResolver.Resolve(mine, toolDirectory));
    }

    [Fact]
    public void Without_option_clone_or_bundled_copy_the_error_names_both_fixes()
    {
        var error = Assert.Throws<TemplateSourceException>(() => TemplateSourceResolver.Resolve(null, MakeFolder("bare")));
        Assert.Contains("dotnet tool install", error.Message, StringComparison.Ordinal);
        Assert.Contains("--templates DIR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_template_folder_is_refused_with_its_parent_as_the_fix()
    {
        var set = MakeFolder("set");
        MakeTemplateSet(set);

        var error = Assert.Throws<TemplateSourceException>(() => TemplateSourceResolver.Resolve(Path.Combine(set, "demo"), MakeFolder("tool")));

        Assert.Equal($"--templates {Path.Combine(set, "demo")} is one template, not a set of them: pass its parent folder, {set}.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("missing")]
    [InlineData("empty")]
    public void An_unusable_option_is_refused_naming_what_to_pass(string option)
    {
        MakeFolder("empty");
        var path = option.Length == 0 ? "" : Path.Combine(_work, option);

        var error = Assert.Throws<TemplateSourceException>(() => TemplateSourceResolver.Resolve(path, MakeFolder("tool")));

        Assert.StartsWith("--templates", error.Message, StringComparison.Ordinal);
        Assert.Contains("one template folder per language", error.Message, StringComparison.Ordinal);
    }

    private string MakeFolder(string relative) => Directory.CreateDirectory(Path.Combine(_work, relative)).FullName;

    private static void MakeTemplateSet(string folder) =>
        Directory.CreateDirectory(Path.Combine(folder, "demo", ".template.config"));
}
