using System.Text.Json;
using System.Text.Json.Nodes;
using Multistage.Core.Templates;

namespace Multistage.Cli.Catalog;

/// <summary>
/// The catalog as JSON for scripts (tools/docker/lib/seeding/plan.py). The schema is documented in CONTRIBUTING.md;
/// <see cref="SchemaVersion"/> goes up when a field changes meaning or goes away (adding one does not).
/// </summary>
public static class CatalogJson
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Write(IReadOnlyList<TemplateMetadata> catalog)
    {
        var languages = new JsonArray();
        foreach (var template in catalog)
        {
            var runtimes = new JsonArray();
            foreach (var runtime in template.Runtimes.Values)
            {
                runtimes.Add(new JsonObject
                {
                    ["name"] = runtime.Name,
                    ["description"] = runtime.Description,
                    ["builderImage"] = runtime.BuilderImage,
                    ["runtimeImage"] = runtime.RuntimeImage,
                    ["shell"] = runtime.Shell,
                    ["packageManager"] = runtime.PackageManager,
                    ["artifactPath"] = runtime.ArtifactPath,
                    ["needsRegistry"] = runtime.NeedsRegistry,
                });
            }
            languages.Add(new JsonObject
            {
                ["language"] = template.Language,
                ["displayName"] = template.DisplayName,
                ["folder"] = template.FolderPath,
                ["identity"] = template.Identity,
                ["shortName"] = template.ShortName,
                ["defaultPort"] = template.DefaultPort,
                ["toolchain"] = template.Toolchain is { } toolchain
                    ? new JsonObject
                    {
                        ["symbol"] = toolchain.Name,
                        ["option"] = toolchain.Option,
                        ["default"] = toolchain.DefaultValue,
                        ["choices"] = new JsonArray(toolchain.Choices.Select(c => (JsonNode?)JsonValue.Create(c.Choice)).ToArray()),
                    }
                    : null,
                ["singleStageImage"] = template.SingleStageImage,
                ["defaultRuntime"] = template.DefaultRuntime,
                ["runtimes"] = runtimes,
                ["packageIndexBuildArg"] = template.PackageIndexBuildArg,
                ["dependencyStep"] = template.DependencyStep,
                ["maxSizeRatio"] = template.MaxSizeRatio,
            });
        }
        var root = new JsonObject { ["schemaVersion"] = SchemaVersion, ["languages"] = languages };
        return root.ToJsonString(Options) + "\n";
    }
}
