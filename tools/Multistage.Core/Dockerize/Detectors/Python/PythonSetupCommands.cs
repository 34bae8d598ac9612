using System.Text.RegularExpressions;

namespace Multistage.Core.Dockerize.Detectors.Python;

/// <summary>Flask CLI commands that prepare the app's data (`@click.command("init-db")`, `@app.cli.command("seed")`):
/// the image only serves, so routes that need that data fail (500) until the command has run once.</summary>
internal static partial class PythonSetupCommands
{
    /// <param name="module">The module `flask --app` loads: the app's, without its object or factory.</param>
    public static void Read(ProjectDetection.Builder found, IReadOnlyList<PythonSource> sources, string module)
    {
        foreach (var source in sources)
        {
            foreach (Match command in Command().Matches(source.Text))
            {
                var name = command.Groups["name"].Value;
                // exec, not `compose run`: compose.yaml's volumes are anonymous, so only the running container has the app's data.
                found.Note($"{source.Where(command)} ({source.Quote(command)}) prepares the app's data, which the image does not do: routes that need it fail until it has run once. " +
                           $"Run it in the running container: `docker compose exec <service> /opt/venv/bin/flask --app {module} {name}`.");
            }
        }
    }

    // A command whose name says it sets data up: init-db, create-tables, migrate, seed, setup, load-data.
    [GeneratedRegex(@"^@(?:click|\w+\.cli)\.command\(\s*[""'](?<name>[\w-]*(?:init|create|migrate|seed|setup|load)[\w-]*)[""']", RegexOptions.Multiline)]
    private static partial Regex Command();
}
