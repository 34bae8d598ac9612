using Multistage.Core.Dockerize;
using Multistage.Core.Templates;
using Templates.Tests.Infrastructure;

namespace Templates.Tests.Init;

/// <summary>
/// The template engine gives a template no way to read another's symbols, so the item template carries a
/// copy of the project template's toolchain version choices and default. The project template's is the
/// one source: this test fails when the copy is stale and, with MULTISTAGE_ACCEPT_SNAPSHOTS=1, rewrites it.
/// </summary>
[Collection(TemplatesCollection.Name)]
public sealed class ItemTemplateToolchainTests(TemplatesFixture fixture)
{
    [Theory]
    [MemberData(nameof(RepositoryData.Languages), MemberType = typeof(RepositoryData))]
    public void Item_template_offers_the_project_templates_toolchain_versions(string language)
    {
        var template = fixture.GetTemplate(language);
        var item = ItemTemplate.Load(language, template.FolderPath);
        var itemFile = Path.Combine(item.FolderPath, ".template.config", TemplateDefinition.FileName);
        var itemToolchain = TemplateDefinition.Load(item.FolderPath).Toolchain;
        if (template.Toolchain is null)
        {
            Assert.True(itemToolchain is null, $"{itemFile} has a toolchain version symbol '{itemToolchain?.Name}', but the project template has none to copy.");
            return;
        }

        var projectFile = Path.Combine(template.ConfigDirectory, TemplateDefinition.FileName);
        Assert.True(itemToolchain?.Name == template.Toolchain.Name,
            $"{itemFile} has no symbol '{template.Toolchain.Name}': the item template offers the project template's toolchain versions under the same name.");
        var current = File.ReadAllText(itemFile);
        var copied = ToolchainCopy.Apply(File.ReadAllText(projectFile), current, template.Toolchain.Name);
        if (copied == current)
        {
            return;
        }

        var settings = SnapshotSettings.FromEnvironment();
        if (settings.Accept && !settings.RunningInCi)
        {
            File.WriteAllText(itemFile, copied);
            return;
        }
        Assert.Fail(
            $"{itemFile}: symbols.{template.Toolchain.Name} {string.Join(" and ", ToolchainCopy.CopiedFields)} differ from {projectFile}, their one source. " +
            $"Copy them: {SnapshotSettings.AcceptVariable}=1 dotnet test tests/Templates.Tests (not in CI), then review the diff.");
    }
}
