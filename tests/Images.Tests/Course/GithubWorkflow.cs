using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Images.Tests.Course;

/// <summary>A course's GitHub workflow (images.yml, grade.yml) read as data: its matrix entries and its
/// `run:` steps with a matrix entry's values filled in, as the runner does before handing a step to bash.</summary>
public sealed partial class GithubWorkflow
{
    private readonly YamlMappingNode job;

    private GithubWorkflow(YamlMappingNode job) => this.job = job;

    [GeneratedRegex(@"\$\{\{\s*(?<expression>[^}]+?)\s*\}\}")]
    private static partial Regex Expression();

    /// <summary>Loads the file's only job (the course workflow has one).</summary>
    public static GithubWorkflow Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
        Assert.True(jobs.Children.Count == 1, $"{path}: expected one job; found {jobs.Children.Count}.");
        return new GithubWorkflow((YamlMappingNode)jobs.Children.Single().Value);
    }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> MatrixEntries =>
        ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)job["strategy"])["matrix"])["include"])
        .Cast<YamlMappingNode>()
        .Select(entry => (IReadOnlyDictionary<string, string>)entry.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!))
        .ToList();

    /// <summary>Every step with a `run:` script, in order, with `${{ matrix.* }}` (and `${{ vars.* }}`, the
    /// repository variables given) replaced in the script and in the step's `env:`. Any other expression
    /// fails: the test could not run the step the way GitHub would.</summary>
    public IReadOnlyList<WorkflowRunStep> RunSteps(IReadOnlyDictionary<string, string> matrix, IReadOnlyDictionary<string, string>? variables = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in matrix)
        {
            values[$"matrix.{key}"] = value;
        }

        foreach (var (key, value) in variables ?? new Dictionary<string, string>())
        {
            values[$"vars.{key}"] = value;
        }

        string Filled(YamlNode node) => Expression().Replace(((YamlScalarNode)node).Value!, match => Fill(match.Groups["expression"].Value, values));
        return ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>()
            .Where(step => step.Children.ContainsKey("run"))
            .Select(step => new WorkflowRunStep(
                step.Children.TryGetValue("name", out var name) ? ((YamlScalarNode)name).Value! : "(unnamed)",
                Filled(step["run"]),
                step.Children.TryGetValue("env", out var env)
                    ? ((YamlMappingNode)env).Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => Filled(pair.Value))
                    : new Dictionary<string, string>()))
            .ToList();
    }

    private static string Fill(string expression, IReadOnlyDictionary<string, string> values)
    {
        Assert.True(values.ContainsKey(expression),
            $"The workflow's `${{{{ {expression} }}}}` is neither a value of the matrix entry nor a repository variable given ({string.Join(", ", values.Keys)}).");
        return values[expression];
    }
}

/// <summary>A `run:` step as the runner hands it to bash: its script and its `env:`, expressions filled in.</summary>
public sealed record WorkflowRunStep(string Name, string Script, IReadOnlyDictionary<string, string> Environment);
