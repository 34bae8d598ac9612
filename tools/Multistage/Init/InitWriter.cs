using Multistage.Core.Templates;

namespace Multistage.Cli.Init;

/// <summary>Writes a plan: the item template runs through `dotnet new` in a private hive into a private
/// folder, and only its files are then copied into the project, so a failed run changes nothing there.</summary>
public static class InitWriter
{
    /// <returns>The files written, relative to the project folder.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(InitPlan plan, CancellationToken ct)
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

            var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(output, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            ct.ThrowIfCancellationRequested();
            foreach (var file in files)
            {
                var target = Path.Combine(plan.Directory, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                // The planner refused existing files unless --force was given, which is what overwrite means here.
                File.Copy(Path.Combine(output, file), target, overwrite: true);
            }

            return files;
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
}
