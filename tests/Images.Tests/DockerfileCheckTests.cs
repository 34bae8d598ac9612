using Multistage.Core.Docker;
using Multistage.Core.Templates;

namespace Images.Tests;

/// <summary>
/// Every Dockerfile a template can emit (each runtime, with and without --exercise, both files) passes
/// Docker's own build checks with no warning. A base image that needs a registry (the Alpine builds
/// of Node and .NET) is not in the daemon here, so the check reads the template's default runtime's
/// image in its place; the row's name says so.
/// </summary>
[Collection(VariantsCollection.Name)]
[Trait("Category", "Images")]
public sealed class DockerfileCheckTests(ImageFixture fixture) : NeedsDocker
{
    public static TheoryData<string> Rows()
    {
        var data = new TheoryData<string>();
        foreach (var row in CheckRow.All())
        {
            data.Add(row.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Every_emitted_dockerfile_passes_docker_build_check(string id)
    {
        var row = CheckRow.All().Single(r => r.Id == id);
        var output = Path.Combine(fixture.WorkDirectory, "check", row.Slug);
        var hive = await fixture.HiveAsync();
        var generated = await hive.InstantiateAsync(row.Template.ShortName, output, ["-n", VariantImages.AppName, .. row.Options], TestContext.Current.CancellationToken);
        Assert.True(generated.Succeeded, $"dotnet new for {id} failed:\n{generated.Describe()}");

        var dockerfiles = Directory.EnumerateFiles(output, "Dockerfile*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(dockerfiles.Count > 0, $"{id}: no Dockerfile was emitted into {output}.");
        var check = new DockerfileCheck(fixture.Docker);
        var failures = new List<string>();
        foreach (var dockerfile in dockerfiles)
        {
            var result = await check.RunAsync(output, dockerfile!, row.Substitutes, cancellationToken: TestContext.Current.CancellationToken);
            if (!result.Clean)
            {
                failures.Add(result.Warnings.Count > 0
                    ? $"{dockerfile}: {result.Warnings.Count} warning(s):\n{result.Output}"
                    : $"{dockerfile}: the check did not complete:\n{result.Command}");
            }
        }

        Assert.True(failures.Count == 0,
            $"{id}: `docker build --check` is not clean (emitted from templates/{row.Template.Language}; rules: " +
            $"https://docs.docker.com/reference/build-checks/):\n{string.Join("\n", failures)}");
    }
}

/// <summary>One way of instantiating a template for the check: a runtime, with or without --exercise.</summary>
public sealed record CheckRow(TemplateMetadata Template, RuntimeChoice Runtime, bool Exercise)
{
    public string Id => $"{Template.Language}/{Runtime.Name}{(Exercise ? " --exercise" : "")}" +
                        (Substitutes.Count > 0 ? $" (checked with {string.Join(", ", Substitutes.Select(s => $"{s.Value} for {s.Key}"))})" : "");

    public string Slug => $"{Template.Language}-{Runtime.Name}{(Exercise ? "-exercise" : "")}";

    public IReadOnlyList<string> Options =>
        [.. Runtime.Name == Template.DefaultRuntime ? [] : new[] { "--runtime", Runtime.Name }, .. Exercise ? new[] { "--exercise", "true" } : []];

    /// <summary>A registry-only image gives way to the default runtime's image in the same role.</summary>
    public IReadOnlyDictionary<string, string> Substitutes
    {
        get
        {
            var substitutes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Runtime.NeedsRegistry is null)
            {
                return substitutes;
            }

            var fallback = Template.DefaultRuntimeChoice;
            substitutes.TryAdd(Runtime.RuntimeImage, fallback.RuntimeImage);
            substitutes.TryAdd(Runtime.BuilderImage, fallback.BuilderImage);
            foreach (var same in substitutes.Where(s => s.Key == s.Value).Select(s => s.Key).ToList())
            {
                substitutes.Remove(same);
            }

            return substitutes;
        }
    }

    public static IReadOnlyList<CheckRow> All() =>
        TemplateCatalog.Load(RepositoryLayout.TemplatesDirectory(RepositoryLayout.FindRoot()))
            .SelectMany(t => t.Runtimes.Values.SelectMany(r => new[] { new CheckRow(t, r, false), new CheckRow(t, r, true) }))
            .ToList();
}
