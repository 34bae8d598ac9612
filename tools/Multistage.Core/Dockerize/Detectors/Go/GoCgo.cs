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

        var requires = goMods.SelectMany(GoModules.Requires).Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        if (requires.FirstOrDefault(p => p.StartsWith("github.com/confluentinc/confluent-kafka-go", StringComparison.Ordinal)) is { } kafka)
        {
            found.Problem($"go.mod requires {kafka}, which needs cgo (librdkafka), and the Dockerfiles build with CGO_ENABLED=0, which fails to compile it: " +
                          "switch to a pure-Go client (github.com/segmentio/kafka-go, github.com/twmb/franz-go) or write the Dockerfile by hand with CGO_ENABLED=1.");
        }

        if (requires.Contains("github.com/mattn/go-sqlite3"))
        {
            found.Warning("go.mod requires github.com/mattn/go-sqlite3, which needs cgo: built with CGO_ENABLED=0 the binary compiles but every sql.Open " +
                          "fails at run time. Switch to the pure-Go modernc.org/sqlite (driver name \"sqlite\"), then run init again.");
        }
    }
}
