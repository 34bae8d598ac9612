using System.Text.Json;
using Multistage.Core.Templates;

namespace Images.Tests;

/// <summary>
/// multistage.json's "maxSizeRatio": the largest multi-stage/single-stage size ratio the template
/// promises (0.05 for compiled languages; measured with headroom for interpreted ones). Data, so no
/// test switches on a language.
/// </summary>
public static class SizeBound
{
    public const string Field = "maxSizeRatio";

    public static double Read(TemplateMetadata template)
    {
        var file = Path.Combine(template.ConfigDirectory, TemplateCatalog.MetadataFileName);
        using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty(Field, out var value) || value.ValueKind != JsonValueKind.Number
            || value.GetDouble() is <= 0 or > 1)
        {
            throw new InvalidDataException(
                $"{file}: \"{Field}\" is missing or not a number in (0, 1]. Add the largest allowed multi-stage/single-stage " +
                $"size ratio, e.g. \"{Field}\": 0.05 (see artifacts/image-sizes.md for measured ratios).");
        }

        return value.GetDouble();
    }
}
