using Multistage.Core.Docker;
using Multistage.Core.Pipeline;

namespace Core.Tests;

/// <summary>The parts of the Docker library that need no daemon: log parsing, config parsing, globs, lookup.
/// No Images category, so they also run with the fast tests (`--filter "Category!=Images"`).</summary>
public sealed class DockerLibraryTests
{
    [Fact]
    public void Plain_build_log_marks_cached_steps()
    {
        const string log = """
            #1 [internal] load build definition from Dockerfile
            #1 DONE 0.0s
            #7 [build 3/6] COPY go.mod go.sum* ./
            #7 CACHED
            #8 [build 4/6] RUN go mod download
            #8 sha256:0123
            #8 CACHED
            #9 [build 5/6] COPY . .
            #9 DONE 0.1s
            """;
        var steps = BuildLog.ParseSteps(log);
        Assert.Equal([1, 7, 8, 9], steps.Select(step => step.Number));
        Assert.True(Assert.Single(steps, step => step.Name.Contains("go mod download")).Cached);
        Assert.False(Assert.Single(steps, step => step.Name.EndsWith("COPY . .")).Cached);
    }

    [Fact]
    public void The_failing_steps_first_error_line_is_found_in_the_plain_log()
    {
        // From the public-project trial: the last line alone ("exit code: 1") hid each real cause.
        const string log = """
            #11 [build 4/6] RUN npm ci
            #11 DONE 4.2s

            #12 [build 5/6] RUN pnpm install --offline --frozen-lockfile
            #12 0.912 Scope: all 3 workspace projects
            #12 0.950  ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with apps/api/package.json
            #12 0.951 Note that in CI environments this setting is true by default.
            #12 ERROR: process "/bin/sh -c pnpm install --offline --frozen-lockfile" did not complete successfully: exit code: 1
            ------
             > [build 5/6] RUN pnpm install --offline --frozen-lockfile:
            0.950  ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with apps/api/package.json
            ------
            ERROR: failed to build: failed to solve: process "/bin/sh -c pnpm install --offline --frozen-lockfile" did not complete successfully: exit code: 1
            """;
        Assert.Equal("ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with \"frozen-lockfile\" because pnpm-lock.yaml is not up to date with apps/api/package.json", BuildLog.FirstError(log));

        const string tsc = """
            #15 [build 6/6] RUN npm run build
            #15 0.412 > tsc
            #15 2.871 src/main.ts(1,8): error TS1192: Module '"node:http"' has no default export.
            #15 2.872 src/main.ts(6,35): error TS7006: Parameter 'req' implicitly has an 'any' type.
            #15 ERROR: process "/bin/sh -c npm run build" did not complete successfully: exit code: 2
            """;
        Assert.Equal("src/main.ts(1,8): error TS1192: Module '\"node:http\"' has no default export.", BuildLog.FirstError(tsc));

        // pip starts its own lines with "ERROR: " too; only BuildKit's line for the step has no timestamp
        // (Azure-Samples/python-docs-hello-django pins Django<=3.1, which the offline index lacks).
        const string pip = """
            #10 [build 4/5] RUN --mount=type=cache,id=hello-django-pip,target=/root/.cache/pip     pip --python /opt/venv/bin/python install -r /tmp/requirements.txt
            #10 0.612 Looking in indexes: http://127.0.0.1:18990/simple/
            #10 0.657 ERROR: Could not find a version that satisfies the requirement Django<=3.1,>=3.0 (from versions: 5.2.17)
            #10 0.658 ERROR: No matching distribution found for Django<=3.1,>=3.0
            #10 ERROR: process "/bin/sh -c pip --python /opt/venv/bin/python install -r /tmp/requirements.txt" did not complete successfully: exit code: 1
            """;
        Assert.Equal("ERROR: Could not find a version that satisfies the requirement Django<=3.1,>=3.0 (from versions: 5.2.17)", BuildLog.FirstError(pip));

        // A base image that cannot be pulled fails no step's output: nothing more to say than the last line.
        Assert.Null(BuildLog.FirstError("#2 [internal] load metadata for mcr.microsoft.com/dotnet/sdk:8.0\n#2 ERROR: failed to resolve source metadata\n"));
    }

    [Fact]
    public void Image_config_is_read_and_shell_form_recognised()
    {
        const string json = """
            [{"Id":"sha256:abc","Size":1234,"RootFS":{"Layers":["a","b"]},
              "Config":{"User":"65532:65532","ExposedPorts":{"8080/tcp":{}},
                        "Entrypoint":null,"Cmd":["/bin/sh","-c","./server"],
                        "Labels":{"x":"y"},"Healthcheck":{"Test":["CMD","/app/server","--healthcheck"]}}}]
            """;
        var info = ImageInfo.Parse(json);
        Assert.Equal(1234, info.Size);
        Assert.Equal(2, info.LayerCount);
        Assert.Equal(["8080/tcp"], info.ExposedPorts);
        Assert.Equal("CMD", info.HealthcheckTest[0]);
        Assert.True(info.UsesShellForm);
    }

    [Theory]
    [InlineData("usr/local/go/**", "usr/local/go", true)]
    [InlineData("usr/local/go/**", "usr/local/go/bin/go", true)]
    [InlineData("usr/local/go/**", "usr/local/gopher", false)]
    [InlineData("**/*.go", "main.go", true)]
    [InlineData("**/*.go", "src/app/main.go", true)]
    [InlineData("**/*.go", "app/server", false)]
    [InlineData("usr/bin/gcc*", "usr/bin/gcc-14", true)]
    [InlineData("usr/bin/gcc*", "usr/bin/x/gcc", false)]
    [InlineData("**/bin/pip", "usr/local/bin/pip", true)]
    public void Forbidden_path_globs_follow_the_contract(string pattern, string path, bool matches) =>
        Assert.Equal(matches, new PathGlob(pattern).IsMatch(path));

    [Fact]
    public void Docker_binary_is_configurable_else_the_one_on_path()
    {
        Assert.Equal("/opt/docker", DockerLocation.Resolve(name => name == "MULTISTAGE_DOCKER" ? "/opt/docker" : null).Binary);
        Assert.Equal("docker", DockerLocation.Resolve(_ => null).Binary);
        Assert.Equal("unix:///x.sock", DockerLocation.Resolve(name => name == "DOCKER_HOST" ? "unix:///x.sock" : null).Host);
    }

    [Theory]
    [InlineData("28.5.2+dfsg4", true)]
    [InlineData("25.0.0", true)]
    [InlineData("24.0.9", false)]
    [InlineData("23.0.0", false)]
    [InlineData("29.0.1", true)]
    [InlineData("master-dockerproject-2026-01-01", true)]
    [InlineData("20.10.24+dfsg1", false)]
    [InlineData("19.03.15", false)]
    public void Engines_before_23_are_refused(string serverVersion, bool accepted) =>
        Assert.Equal(accepted, EngineRequirement.Problem(serverVersion, new DockerLocation("docker", "unix:///d.sock")) is null);

    [Fact]
    public void Refusing_an_old_engine_names_its_version_the_minimum_and_the_fix()
    {
        var hint = DaemonStartHint.ProjectEngine("/src/clone", "/src/clone");
        var message = EngineRequirement.Problem("20.10.24+dfsg1", new DockerLocation("docker", "unix:///d.sock"), hint);
        Assert.Equal(
            "The Docker Engine at docker (DOCKER_HOST=unix:///d.sock) is 20.10.24+dfsg1, older than 25.0, the minimum " +
            "(BuildKit, and HEALTHCHECK --start-interval, which the Dockerfiles use). Fix: install a current Docker Engine " +
            "(https://docs.docker.com/engine/install/) or Docker Desktop, or start the project's own Engine 28 with: " +
            "eval \"$(bash tools/docker/start-daemon.sh)\".",
            message);
    }

    [Fact]
    public void Outside_a_clone_the_fixes_name_the_users_own_Docker_not_a_script_it_does_not_have()
    {
        Assert.Null(DaemonStartHint.ProjectEngine(null, "/home/learner"));
        Assert.EndsWith("or Docker Desktop.",
            EngineRequirement.Problem("20.10.24", new DockerLocation("docker", null), projectEngineHint: null));
        Assert.Equal("start the project's own Engine 28 with: eval \"$(bash /src/clone/tools/docker/start-daemon.sh)\"",
            DaemonStartHint.ProjectEngine("/src/clone", "/home/learner"));
    }

    [Fact]
    public void Image_store_is_read_from_docker_info()
    {
        // What Engine 28.5 printed here, with and without "features": {"containerd-snapshotter": true}.
        var classic = ImageStore.Parse("""
            "overlay2" [["Backing Filesystem","extfs"],["Supports d_type","true"],["Using metacopy","false"]]
            """);
        var containerd = ImageStore.Parse("""
            "overlayfs" [["driver-type","io.containerd.snapshotter.v1"]]
            """);
        Assert.Equal(new ImageStore("overlay2", false), classic);
        Assert.Equal(new ImageStore("overlayfs", true), containerd);
        Assert.StartsWith("containerd image store (overlayfs snapshotter)", containerd.Describe(), StringComparison.Ordinal);
    }
}
