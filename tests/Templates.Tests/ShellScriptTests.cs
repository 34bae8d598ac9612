using System.Text.RegularExpressions;
using Templates.Tests.Infrastructure;

namespace Templates.Tests;

/// <summary>
/// The project's shell scripts (tools/docker sets up CI's engine; .ci/run is CI) pass shellcheck at every
/// severity, and every environment variable the host-side scripts read is documented in tools/docker/README.md.
/// </summary>
public sealed partial class ShellScriptTests
{
    // Folders that hold no script of ours: build outputs, installed packages, snapshots of generated samples.
    private static readonly string[] NotOurs = ["/.git/", "/bin/", "/obj/", "/node_modules/", "/Snapshots/"];

    public static TheoryData<string> Scripts() => new(ScriptPaths());

    private static IReadOnlyList<string> ScriptPaths()
    {
        var root = TestRepository.Root;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => !NotOurs.Any(folder => path.Replace('\\', '/').Contains(folder, StringComparison.Ordinal)))
            .Where(IsShellScript)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_passes_shellcheck(string script)
    {
        var result = await Validators.ShellcheckAsync(Path.Combine(TestRepository.Root, script));
        Assert.True(result.ExitCode == 0,
            $"shellcheck finds problems in {script} (fix them, or disable one rule on its line with a comment " +
            $"that says why):\n{result.StandardOutput}{result.StandardError}");
    }

    [Fact]
    public async Task Shellcheck_rejects_an_unquoted_expansion()
    {
        var folder = Directory.CreateTempSubdirectory("multistage-shellcheck-");
        try
        {
            var script = Path.Combine(folder.FullName, "broken.sh");
            File.WriteAllText(script, "#!/usr/bin/env bash\nrm -rf $1/cache\n");
            var result = await Validators.ShellcheckAsync(script);
            Assert.True(result.ExitCode != 0 && result.StandardOutput.Contains("SC2086", StringComparison.Ordinal),
                $"shellcheck passed a script with an unquoted $1; got exit {result.ExitCode}:\n{result.StandardOutput}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_script_list_holds_CI_and_the_engine_set_up()
    {
        var scripts = ScriptPaths();
        Assert.Contains(".ci/run", scripts);
        Assert.Contains("tools/docker/start-daemon.sh", scripts);
        Assert.Contains("tools/docker/lib/common.sh", scripts);
    }

    [Fact]
    public void Every_setting_the_docker_scripts_read_is_in_the_README_table()
    {
        var folder = Path.Combine(TestRepository.Root, "tools", "docker");
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));
        var read = HostSideScripts(folder)
            .SelectMany(path => SettingReads().Matches(File.ReadAllText(path))
                .Select(match => (Setting: match.Groups["name"].Value, Script: Path.GetRelativePath(folder, path))))
            .ToList();
        Assert.True(read.Count >= 10, $"Expected the scripts under {folder} to read at least 10 settings; found {read.Count}.");

        var undocumented = read.Where(r => !readme.Contains($"| `{r.Setting}` |", StringComparison.Ordinal))
            .Select(r => $"{r.Setting} (read by {r.Script})").Distinct().ToList();
        Assert.True(undocumented.Count == 0,
            $"tools/docker/README.md's settings table lacks: {string.Join(", ", undocumented)}. Add a row " +
            "(variable, default, read by, what it sets).");
    }

    [Fact]
    public void The_setting_pattern_sees_both_languages_forms()
    {
        var sample = "X=\"${PULL_TIMEOUT:-20}\"\nY=${DOCKER_BIN-docker}\nz = os.environ.get(\"HOST_CA_BUNDLE\", \"\")\n" +
                     "w = os.environ[\"TEMPLATES_DIR\"]\nlocal=${local_var:-1}";
        Assert.Equal(["PULL_TIMEOUT", "DOCKER_BIN", "HOST_CA_BUNDLE", "TEMPLATES_DIR"],
            SettingReads().Matches(sample).Select(m => m.Groups["name"].Value));
    }

    // The scripts that run on the host; the stand-ins' helpers run inside image builds and read build arguments.
    private static IEnumerable<string> HostSideScripts(string folder) =>
        Directory.EnumerateFiles(folder, "*.sh").Concat(Directory.EnumerateFiles(Path.Combine(folder, "lib"), "*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".sh", StringComparison.Ordinal) || path.EndsWith(".py", StringComparison.Ordinal));

    private static bool IsShellScript(string path)
    {
        if (path.EndsWith(".sh", StringComparison.Ordinal))
        {
            return true;
        }

        if (Path.GetExtension(path).Length > 0 || new FileInfo(path).Length == 0)
        {
            return false;
        }

        using var reader = new StreamReader(path);
        var firstLine = reader.ReadLine() ?? "";
        return firstLine.StartsWith("#!", StringComparison.Ordinal) &&
               (firstLine.EndsWith("bash", StringComparison.Ordinal) || firstLine.EndsWith("/sh", StringComparison.Ordinal));
    }

    // ${NAME:-default} or ${NAME-default} in shell, os.environ.get("NAME" or os.environ["NAME"] in Python;
    // upper-case names only (lower-case ones are the scripts' own variables).
    [GeneratedRegex("""\$\{(?<name>[A-Z][A-Z0-9_]*):?-|environ(?:\.get\(|\[)"(?<name>[A-Z][A-Z0-9_]*)""")]
    private static partial Regex SettingReads();
}
