using Multistage.Core.Processes;
using Multistage.Core.Templates;
using Multistage.Tests.Shared;

namespace Generator.Tests;

/// <summary>Ctrl+C in the middle of <c>seed</c>: one "Cancelled" line, exit 130, the temporary hive and
/// staging folder gone, and the output folder as it was before (absent, or the old course untouched).</summary>
[Collection(GeneratorCollection.Name)]
public sealed class SeedCancellationTests(SeededCourses courses)
{
    // Starts seed in the background with SIGINT at its default (a background job of a script starts with
    // SIGINT ignored, and .NET keeps ignoring what it was started ignoring), waits until the first sample
    // is being made, presses "Ctrl+C" and prints seed's exit status.
    private const string InterruptScript = """
        env --default-signal=INT dotnet "$1" seed --out course "${@:2}" >out.txt 2>err.txt &
        pid=$!
        for _ in $(seq 1200); do grep -q 'dotnet new' out.txt && break; sleep 0.05; done
        kill -INT "$pid"
        wait "$pid"
        echo "$?"
        """;

    // Ctrl+C as a terminal sends it: to the whole process group (seed in a session of its own, so the group is
    // seed and its children), while `dotnet new install` fills the private hive.
    private const string TerminalInterruptScript = """
        setsid env --default-signal=INT dotnet "$1" seed --out course "${@:2}" >out.txt 2>err.txt &
        pid=$!
        for _ in $(seq 1200); do grep -q 'Installing' out.txt && break; sleep 0.01; done
        kill -INT -- "-$pid"
        wait "$pid"
        echo "$?"
        """;

    [Fact]
    public async Task Ctrl_C_from_a_terminal_while_the_hive_installs_exits_130_with_one_line_and_leaves_nothing()
    {
        var work = courses.NewScratchPath("cancel-install");
        // The child often dies of the signal before seed's own handler runs: that must read as cancelled, every time.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // Without the hive cache: a cached hive is copied in a moment, and seed could end before the Ctrl+C.
            var outcome = await InterruptAsync(work, ["--languages", "go"], TerminalInterruptScript, withHiveCache: false);

            outcome.AssertCancelled();
            Assert.False(Directory.Exists(Path.Combine(work, "course")), $"A cancelled seed left a course in {work}/course:\n{outcome.Describe()}");
        }
    }

    [Fact]
    public async Task Ctrl_C_during_a_new_seed_exits_130_and_leaves_no_course_hive_or_staging_folder()
    {
        var work = courses.NewScratchPath("cancel-new");
        var outcome = await InterruptAsync(work, []);

        outcome.AssertCancelled();
        Assert.False(Directory.Exists(Path.Combine(work, "course")), $"A cancelled seed left a half-written course in {work}/course:\n{outcome.Describe()}");
    }

    [Fact]
    public async Task Ctrl_C_during_seed_force_leaves_the_existing_course_byte_for_byte()
    {
        var work = courses.NewScratchPath("cancel-force");
        var course = Path.Combine(work, "course");
        var seeded = await MultistageCli.RunAsync(work, ["seed", "--out", "course", "--languages", "go,rust"]);
        Assert.True(seeded.ExitCode == 0, seeded.Describe());
        var before = Snapshot(course);

        var outcome = await InterruptAsync(work, ["--force", "--mode", "both"]);

        outcome.AssertCancelled();
        Assert.Equal(before, Snapshot(course));
    }

    private static async Task<InterruptOutcome> InterruptAsync(
        string work, IReadOnlyList<string> seedArguments, string script = InterruptScript, bool withHiveCache = true)
    {
        Directory.CreateDirectory(work);
        var temp = Directory.CreateDirectory(Path.Combine(work, "tmp")).FullName;
        var result = await ProcessRunner.RunAsync(new ProcessSpec("bash", ["-c", script, "interrupt", MultistageCli.AssemblyPath, .. seedArguments])
        {
            WorkingDirectory = work,
            // A private temporary folder, so the test sees exactly what this seed left there.
            Environment = new Dictionary<string, string?>(DotnetEnvironment.Quiet)
            {
                ["TMPDIR"] = temp,
                [TemplateHiveCache.SwitchVariable] = withHiveCache ? null : "0",
            },
            Timeout = TimeSpan.FromMinutes(3),
        });
        return new InterruptOutcome(work, temp, result);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        CourseSeeding.Files(folder).ToDictionary(f => f, f => File.ReadAllText(Path.Combine(folder, f)));

    private sealed record InterruptOutcome(string Work, string Temp, ProcessResult Script)
    {
        private string Errors => File.ReadAllText(Path.Combine(Work, "err.txt"));

        public string Describe() =>
            $"{Script.Describe()}\nseed's stdout:\n{File.ReadAllText(Path.Combine(Work, "out.txt"))}\nseed's stderr:\n{Errors}";

        public void AssertCancelled()
        {
            Assert.True(Script.Succeeded && Script.StandardOutput.Trim() == "130", $"Expected seed to exit 130 on Ctrl+C:\n{Describe()}");
            var lines = Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1 && lines[0].StartsWith("error: Cancelled", StringComparison.Ordinal),
                $"Expected one 'Cancelled' line on standard error:\n{Describe()}");
            // Only the generator's own: a killed `dotnet new` leaves runtime files (clr-debug-pipe-*) of its own.
            var ours = Directory.GetFileSystemEntries(Temp, "multistage-*");
            Assert.True(ours.Length == 0, $"A cancelled seed left its temporary folders in {Temp}: {string.Join(", ", ours)}");
            var leftovers = Directory.GetDirectories(Work, ".course.*");
            Assert.True(leftovers.Length == 0, $"A cancelled seed left staging folders: {string.Join(", ", leftovers)}");
        }
    }
}
