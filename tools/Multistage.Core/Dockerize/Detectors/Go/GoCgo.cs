namespace Multistage.Core.Dockerize.Detectors.Go;

/// <summary>Code that needs cgo, which the Dockerfiles' static CGO_ENABLED=0 build cannot give it.</summary>
public static class GoCgo
{
    public static void Read(IReadOnlyList<GoSource> sources, IEnumerable<string> goMods, ProjectDetection.Builder found)
    {
        if (sources.FirstOrDefault(s => s.Text.Contains("import \"C\"", StringComparison.Ordinal)) is { } cgo)
        {
            found.Problem($"{cgo.Path} uses cgo (import \"C\"), and the Dockerfiles build a static binary with CGO_ENABLED=0, which leaves it out and fails: " +
                          "write the Dockerfile by hand (CGO_ENABLED=1 and a final image with the libc and libraries it links, e.g. distroless base).");
            return;
        }

        // An `// indirect` requirement that no source imports is only in the module graph (a dependency's tests or
        // tools), not in the binary; a direct one, or an import of it or of a driver built on it, is linked.
        var mods = goMods.ToList();
        var indirect = mods.SelectMany(GoModules.Indirect).ToHashSet(StringComparer.Ordinal);
        var requires = mods.SelectMany(GoModules.Requires).Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        bool Imported(string path) => sources.Any(s => s.Text.Contains($"\"{path}", StringComparison.Ordinal));
        bool Linked(string path, params string[] wrappers) => !indirect.Contains(path) || Imported(path) || wrappers.Any(Imported);

        if (requires.FirstOrDefault(p => p.StartsWith("github.com/confluentinc/confluent-kafka-go", StringComparison.Ordinal)) is { } kafka && Linked(kafka))
        {
            found.Problem($"go.mod requires {kafka}, which needs cgo (librdkafka), and the Dockerfiles build with CGO_ENABLED=0, which fails to compile it: " +
                          "switch to a pure-Go client (github.com/segmentio/kafka-go, github.com/twmb/franz-go) or write the Dockerfile by hand with CGO_ENABLED=1.");
        }

        const string sqlite3 = "github.com/mattn/go-sqlite3";
        if (requires.Contains(sqlite3) && Linked(sqlite3, "gorm.io/driver/sqlite"))
        {
            found.Warning("go.mod requires github.com/mattn/go-sqlite3, which needs cgo: built with CGO_ENABLED=0 the binary compiles but every sql.Open " +
                          "fails at run time. Switch to the pure-Go modernc.org/sqlite (driver name \"sqlite\"), then run init again.");
        }
        else if (requires.Contains(sqlite3))
        {
            found.Note("go.mod lists github.com/mattn/go-sqlite3 as indirect and no code here imports it (or gorm.io/driver/sqlite): the binary " +
                       "does not link it, so the CGO_ENABLED=0 build is fine. If it does link it through another package, sql.Open fails at run time.");
        }
    }
}
