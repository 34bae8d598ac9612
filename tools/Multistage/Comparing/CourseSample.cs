using Multistage.Core.Templates;

namespace Multistage.Cli.Comparing;

/// <summary>A language's sample in a course folder, found by the template's language name, with the
/// runtime choice its final stage uses (read back from the Dockerfile's last FROM).</summary>
public sealed record CourseSample(TemplateMetadata Template, string Directory, string Variant)
{
    private static readonly string[] Layouts = ["", "solution"];

    /// <summary>Samples in <paramref name="courseDirectory"/> (a seeded course, either layout), in catalog order.</summary>
    public static IReadOnlyList<CourseSample> Find(string courseDirectory, IReadOnlyList<TemplateMetadata> catalog)
    {
        var samples = new List<CourseSample>();
        foreach (var template in catalog)
        {
            var directory = Layouts
                .Select(layout => Path.Combine(courseDirectory, layout, template.Language))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "Dockerfile")) && File.Exists(Path.Combine(d, "Dockerfile.single")));
            if (directory is not null)
            {
                samples.Add(new CourseSample(template, directory, VariantOf(template, directory)));
            }
        }

        return samples;
    }

    private static string VariantOf(TemplateMetadata template, string directory)
    {
        var finalImage = Multistage.Core.Docker.DockerfileStages.Read(Path.Combine(directory, "Dockerfile")).LastOrDefault()?.Image;
        return template.Runtimes.Values.FirstOrDefault(r => r.RuntimeImage == finalImage)?.Name ?? "custom";
    }
}
