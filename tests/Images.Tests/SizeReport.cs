using Multistage.Core.Docker;
using System.Globalization;
using System.Text;

namespace Images.Tests;

/// <summary>
/// artifacts/image-sizes.md: single- and multi-stage sizes per variant, which base set produced them
/// (official images or the project's stand-ins), and the variants that could not be built here.
/// </summary>
public static class SizeReport
{
    public static async Task<string> CreateAsync(ImageFixture fixture, IReadOnlyList<VariantImages> built, IReadOnlyList<LeftOutVariant> leftOut)
    {
        var text = new StringBuilder();
        text.AppendLine("# Image sizes");
        text.AppendLine();
        var store = await ImageStore.ProbeAsync(fixture.Docker);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Size is `docker image inspect`'s Size in MB (10^6 bytes), on the {store.Describe()}. " +
            $"Built and run with the {(await fixture.NetworkAsync()).ToString().ToLowerInvariant()} network mode.");
        text.AppendLine();
        text.AppendLine("| template | runtime | single-stage MB | multi-stage MB | ratio | base set |");
        text.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var variant in built)
        {
            var single = variant.SingleBuilt ? await variant.SingleInfoAsync() : null;
            var multi = variant.MultiBuilt ? await variant.MultiInfoAsync() : null;
            var ratio = single is not null && multi is not null ? Format(multi.Size / (double)single.Size, "0.000") : "-";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {variant.Variant.Template.Language} | {variant.Variant.Runtime.Name} | " +
                $"{(single is null ? "not built" : Format(single.SizeMegabytes, "0.0"))} | " +
                $"{(multi is null ? "not built" : Format(multi.SizeMegabytes, "0.0"))} | {ratio} | " +
                $"{await BaseSetAsync(fixture, variant.Variant)} |");
        }

        text.AppendLine();
        text.AppendLine("## Not built here");
        text.AppendLine();
        if (leftOut.Count == 0)
        {
            text.AppendLine("None: every variant was buildable.");
        }

        foreach (var left in leftOut)
        {
            text.AppendLine("- " + left.Describe());
        }

        return text.ToString();
    }

    private static async Task<string> BaseSetAsync(ImageFixture fixture, ImageVariant variant)
    {
        var kinds = new List<string>();
        foreach (var image in variant.BaseImages)
        {
            try
            {
                var info = await fixture.Images.InspectAsync(image);
                kinds.Add(info.Labels.TryGetValue(StandIn.Label, out var from) ? $"stand-in ({from})" : "official");
            }
            catch (Multistage.Core.Docker.DockerCommandException)
            {
                kinds.Add("missing");
            }
        }

        var distinct = kinds.Select(kind => kind.Split(' ')[0]).Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : "mixed: " + string.Join(", ", variant.BaseImages.Zip(kinds, (image, kind) => $"{image} {kind}"));
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
