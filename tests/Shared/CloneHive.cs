using Multistage.Core.Templates;

namespace Multistage.Tests.Shared;

/// <summary>The hive both test projects generate projects from: every template folder of the clone installed
/// as it is, the way contributors and the generator install them (each template's own exclude list keeps
/// local build outputs out; BuildOutputExclusionTests checks it).</summary>
public static class CloneHive
{
    public static Task<TemplateHive> CreateAsync(string hiveDirectory) =>
        TemplateHive.CreateAsync(hiveDirectory, TemplateCatalog.LoadRepository().Select(template => template.FolderPath));
}
