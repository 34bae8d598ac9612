using Multistage.Core.Templates;

namespace Multistage.Cli.Init;

/// <summary>Whether a file init writes is new, the same as the project's, or different from it.</summary>
public enum InitFileState
{
    New,
    Unchanged,
    Changed,
}

/// <summary>One file init writes: where it goes in the project, what it holds, and how that compares with
/// what is there now.</summary>
public sealed record InitFile(string Target, string Content, InitFileState State, string? Existing);

/// <summary>Renders a plan: the item template runs through `dotnet new` in a private hive into a private
/// folder, so nothing in the project changes until <see cref="Write"/>, which writes only what it is told.</summary>
public static class InitWriter
{
    public static async Task<IReadOnlyList<InitFile>> RenderAsync(InitPlan plan, CancellationToken ct)
    {
        var work = Path.Combine(Path.GetTempPath(), $"multistage-init-{Guid.NewGuid():N}");
        try
        {
            var hive = await TemplateHive.CreateAsync(Path.Combine(work, "hive"), [plan.Template.FolderPath], ct);
            var output = Path.Combine(work, "out");
            var result = await hive.InstantiateAsync(plan.Template.ShortName, output, plan.TemplateArguments, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"dotnet new {plan.Template.ShortName} failed; nothing was written to {plan.Directory}:\n{result.Describe()}");
            }

            return Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(output, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .Select(file => Compare(plan, plan.Target(file), Adapt(plan, file, File.ReadAllText(Path.Combine(output, file)))))
                .ToList();
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    /// <summary>Writes the new files, and the changed ones when <paramref name="replaceChanged"/> (--force).</summary>
    /// <returns>The files written, relative to the project folder.</returns>
    public static IReadOnlyList<string> Write(InitPlan plan, IReadOnlyList<InitFile> files, bool replaceChanged)
    {
        var written = new List<string>();
        foreach (var file in files.Where(f => f.State == InitFileState.New || (f.State == InitFileState.Changed && replaceChanged)))
        {
            var target = Path.Combine(plan.Directory, file.Target);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, file.Content);
            written.Add(file.Target);
        }

        return written;
    }

    private static InitFile Compare(InitPlan plan, string target, string content)
    {
        var path = Path.Combine(plan.Directory, target);
        if (!File.Exists(path))
        {
            return new InitFile(target, content, InitFileState.New, null);
        }

        var existing = File.ReadAllText(path);
        return new InitFile(target, content, existing == content ? InitFileState.Unchanged : InitFileState.Changed, existing);
    }

    /// <summary>What only init knows, added to the template's output: how to run its Compose file beside the
    /// user's, and what init found (README.Docker.md's last section).</summary>
    private static string Adapt(InitPlan plan, string templateFile, string content)
    {
        if (plan.UserCompose is { } theirs && templateFile is InitFiles.Compose or "README.Docker.md")
        {
            content = content
                .Replace("`docker compose up --build`", $"`docker compose -f {InitFiles.BesideUserCompose} up --build`", StringComparison.Ordinal)
                .Replace(InitFiles.Compose, InitFiles.BesideUserCompose, StringComparison.Ordinal);
            if (templateFile == InitFiles.Compose)
            {
                content = $"# Written beside your {theirs}, which `docker compose up` keeps reading. Beside your services:\n" +
                          $"# docker compose -f {theirs} -f {InitFiles.BesideUserCompose} up --build\n" + content;
            }
        }

        return templateFile == "README.Docker.md" ? content.TrimEnd('\n') + "\n\n" + InitFindings.Markdown(plan) : content;
    }
}
