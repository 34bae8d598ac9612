using Multistage.Core.Templates;

namespace Multistage.Cli.Templates;

/// <summary>The templates a command works with: where they came from and what they hold.</summary>
public sealed record TemplateSelection(TemplateSource Source, IReadOnlyList<TemplateMetadata> Catalog);
