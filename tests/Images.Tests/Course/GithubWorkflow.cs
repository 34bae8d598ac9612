using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Images.Tests.Course;

/// <summary>The course's GitHub workflow read as data: its matrix entries and its `run:` steps with a
/// matrix entry's values filled in, as the runner does before handing a step to bash.</summary>
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

    /// <summary>Every step with a `run:` script, in order, with `${{ matrix.* }}` replaced. Any other
    /// expression fails: the test could not run the step the way GitHub would.</summary>
    public IReadOnlyList<(string Name, string Script)> RunSteps(IReadOnlyDictionary<string, string> matrix) =>
        ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>()
        .Where(step => step.Children.ContainsKey("run"))
        .Select(step => (
            Name: step.Children.TryGetValue("name", out var name) ? ((YamlScalarNode)name).Value! : "(unnamed)",
            Script: Expression().Replace(((YamlScalarNode)step["run"]).Value!, match => Fill(match.Groups["expression"].Value, matrix))))
        .ToList();

    private static string Fill(string expression, IReadOnlyDictionary<string, string> matrix)
    {
        const string prefix = "matrix.";
        Assert.True(expression.StartsWith(prefix, StringComparison.Ordinal) && matrix.ContainsKey(expression[prefix.Length..]),
            $"The workflow's `${{{{ {expression} }}}}` is not a value of the matrix entry ({string.Join(", ", matrix.Keys)}).");
        return matrix[expression[prefix.Length..]];
    }
}
