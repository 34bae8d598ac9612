using Multistage.Core.Docker;
using Multistage.Core.Templates;

namespace Images.Tests;

/// <summary>One template with one runtime choice: what the image tests build, run and inspect.</summary>
public sealed record ImageVariant(TemplateMetadata Template, RuntimeChoice Runtime)
{
    /// <summary>`go/alpine`: the theory argument, stable and readable in test names.</summary>
    public string Id => $"{Template.Language}/{Runtime.Name}";

    public bool IsDefault => Runtime.Name == Template.DefaultRuntime;

    /// <summary>Every image the two Dockerfiles start from (scratch is none: it is the empty file system).</summary>
    public IReadOnlyList<string> BaseImages =>
        new[] { Template.SingleStageImage, Runtime.BuilderImage, Runtime.RuntimeImage }
            .Where(image => !DockerImages.IsScratch(image))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The default runtime is instantiated with no option at all, so the defaults are what is tested.</summary>
    public IReadOnlyList<string> TemplateOptions => IsDefault ? [] : ["--runtime", Runtime.Name];

    /// <summary>A name usable in image tags and container names (lower case, no slash).</summary>
    public string Slug => $"{Template.Language}-{Runtime.Name}".ToLowerInvariant();
}
