using Multistage.Core.Dockerize;
using Multistage.Tests.Shared;

namespace Core.Tests;

/// <summary>What the Rust detector reads that a layout's .init-test.json cannot say: the refusal in a
/// workspace member, the question in a workspace of several binaries, warnings' text, where values came from.</summary>
public sealed class RustDetectionTests
{
    private static string Layout(string name) => Path.Combine(InitLayouts.Directory(TestRepository.Root), name);

    private static ProjectDetection Detect(string folder) => Assert.Single(ProjectDetectors.DetectAll(new ProjectFolder(folder)));

    /// <summary>A crate of its own in a temporary folder: Cargo.toml, Cargo.lock and src/main.rs holding <paramref name="main"/>.</summary>
    private static TempFolder Crate(string main)
    {
        var folder = TempFolder.Create("rust-crate");
        Directory.CreateDirectory(folder.Combine("src"));
        File.WriteAllText(folder.Combine("Cargo.toml"), "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        File.WriteAllText(folder.Combine("Cargo.lock"), "version = 4\n\n[[package]]\nname = \"probe\"\nversion = \"0.1.0\"\n");
        File.WriteAllText(folder.Combine("src", "main.rs"), main);
        return folder;
    }

    private static string? Value(ProjectDetection detection, string option) => detection.Values.SingleOrDefault(v => v.Option == option)?.Value;

    private static string? From(ProjectDetection detection, string option) => detection.Values.SingleOrDefault(v => v.Option == option)?.From;

    public static TheoryData<string> RustLayouts() => new(InitLayouts.All.Where(l => l.Language == "rust").Select(l => l.Folder));

    [Theory]
    [MemberData(nameof(RustLayouts))]
    public void Each_layout_warns_exactly_as_its_expectations_say(string layoutName)
    {
        var layout = InitLayouts.Get(layoutName);
        var detection = Detect(Layout(layoutName));

        Assert.True(layout.Warnings.Count > 0 == detection.Warnings.Count > 0,
            $"{layoutName}: expected {(layout.Warnings.Count > 0 ? "warnings" : "no warning")}, got [{string.Join("; ", detection.Warnings)}].");
        foreach (var part in layout.Warnings)
        {
            Assert.Contains(detection.Warnings, w => w.Contains(part, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Member_crate_of_a_workspace_is_refused_naming_init_at_the_workspace_root()
    {
        var detection = Detect(Path.Combine(Layout("rust-workspace"), "crates", "api"));

        Assert.Equal(
            [
                "This crate is the member crates/api of the Cargo workspace in ../..: cargo builds it there, with the workspace's " +
                "Cargo.lock and the members it depends on, so the Docker files belong at the workspace root (the build context). " +
                "Run `multistage init ../..` instead: it builds this crate with `cargo build -p inventory-api`.",
            ],
            detection.Problems);
    }

    [Fact]
    public void Workspace_names_where_each_value_came_from()
    {
        var detection = Detect(Layout("rust-workspace"));

        Assert.Equal("crates/api/Cargo.toml", detection.NameFrom);
        Assert.Equal("crates/api/Cargo.toml (the workspace member with the binary)", From(detection, "member"));
        Assert.Equal("crates/api/src/main.rs:7 (env::var(\"PORT\") defaults to 8080)", From(detection, "port"));
        Assert.Equal("crates/api/src/main.rs:23 (\"/healthz\")", From(detection, "health-path"));
    }

    [Fact]
    public void Workspace_with_two_binaries_asks_which_and_a_member_refusal_names_the_flag()
    {
        using var copy = TempFolder.Create("rust-ws2");
        InitLayouts.CopyTo(TestRepository.Root, "rust-workspace", copy.Path);
        Directory.CreateDirectory(copy.Combine("crates", "worker", "src"));
        File.WriteAllText(copy.Combine("crates", "worker", "Cargo.toml"), "[package]\nname = \"worker\"\nversion = \"0.1.0\"\n");
        File.WriteAllText(copy.Combine("crates", "worker", "src", "main.rs"), "fn main() {}\n");

        var root = Detect(copy.Path);
        var ambiguity = Assert.Single(root.Ambiguities);
        Assert.Equal("binary", ambiguity.Option);
        Assert.Equal(["inventory-api", "worker"], ambiguity.Candidates);
        Assert.Equal("true", Value(root, "tini"));

        var member = Detect(copy.Combine("crates", "worker"));
        Assert.EndsWith("Run `multistage init ../.. --set binary=worker` instead: it builds this crate with `cargo build -p worker`.", Assert.Single(member.Problems));
    }

    [Fact]
    public void Workspace_binary_given_with_set_reads_that_members_code()
    {
        // Shaped like a framework's examples workspace: many members with a binary each; --set binary picks one.
        using var copy = TempFolder.Create("rust-ws-given");
        InitLayouts.CopyTo(TestRepository.Root, "rust-workspace", copy.Path);
        Directory.CreateDirectory(copy.Combine("crates", "worker", "src"));
        File.WriteAllText(copy.Combine("crates", "worker", "Cargo.toml"), "[package]\nname = \"worker\"\nversion = \"0.1.0\"\n");
        File.WriteAllText(copy.Combine("crates", "worker", "src", "main.rs"),
            "fn main() {\n    let _l = std::net::TcpListener::bind((\"127.0.0.1\", 9090)).unwrap();\n}\n");

        var chosen = Assert.Single(ProjectDetectors.DetectAll(new ProjectFolder(copy.Path)
            { Given = new Dictionary<string, string> { ["binary"] = "worker" } }));

        Assert.Empty(chosen.Ambiguities);
        Assert.Equal("worker", Value(chosen, "member"));
        Assert.Equal("9090", Value(chosen, "port"));
        Assert.Null(Value(chosen, "health-path"));
        Assert.StartsWith("crates/worker/src/main.rs:2 listens on loopback only", Assert.Single(chosen.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_crate_below_a_workspace_that_does_not_list_it_is_a_crate_of_its_own()
    {
        using var copy = TempFolder.Create("rust-ws-excluded");
        InitLayouts.CopyTo(TestRepository.Root, "rust-workspace", copy.Path);
        File.AppendAllText(copy.Combine("Cargo.toml"), "\n[workspace.metadata.note]\n");
        File.WriteAllText(copy.Combine("Cargo.toml"), File.ReadAllText(copy.Combine("Cargo.toml")).Replace("members = [", "exclude = [\"crates/api\"]\nmembers = ["));
        File.Copy(copy.Combine("Cargo.lock"), copy.Combine("crates", "api", "Cargo.lock"));

        var detection = Detect(copy.Combine("crates", "api"));

        Assert.Empty(detection.Problems);
        Assert.Null(Value(detection, "member"));
    }

    [Fact]
    public void SIGTERM_handler_turns_tini_off_naming_its_line()
    {
        using var crate = Crate("""
            use std::net::TcpListener;
            extern "C" { fn signal(signum: i32, handler: usize) -> usize; }
            const SIGTERM: i32 = 15;
            extern "C" fn stop(_: i32) { std::process::exit(0); }
            fn main() {
                unsafe { signal(SIGTERM, stop as usize); }
                let _l = TcpListener::bind("0.0.0.0:9000").unwrap();
            }
            """);

        var detection = Detect(crate.Path);

        Assert.Equal("false", Value(detection, "tini"));
        Assert.Equal("src/main.rs:6 handles SIGTERM (`unsafe { signal(SIGTERM, stop as usize); }`)", From(detection, "tini"));
        Assert.Equal("9000", Value(detection, "port"));
        Assert.Null(Value(detection, "port-variable"));
    }

    [Fact]
    public void Tokio_terminate_signal_is_a_handler_and_ctrl_c_alone_is_not()
    {
        using var tokio = Crate("async fn shutdown() { let mut s = signal(SignalKind::terminate()).unwrap(); s.recv().await; }\n");
        using var ctrlC = Crate("async fn shutdown() { tokio::signal::ctrl_c().await.unwrap(); }\n");

        Assert.Equal("false", Value(Detect(tokio.Path), "tini"));
        Assert.Equal("true", Value(Detect(ctrlC.Path), "tini"));
    }

    [Fact]
    public void Port_argument_default_is_the_port()
    {
        using var crate = Crate("""
            fn main() {
                let mut port: u16 = 3000;
                let mut args = std::env::args().skip(1);
                while let Some(arg) = args.next() {
                    if arg == "-p" || arg == "--port" { port = args.next().unwrap().parse().unwrap(); }
                }
                let _l = std::net::TcpListener::bind(("0.0.0.0", port)).unwrap();
            }
            """);

        var detection = Detect(crate.Path);

        Assert.Equal("3000", Value(detection, "port"));
        Assert.Equal("src/main.rs:2 (the --port argument's default)", From(detection, "port"));
    }

    [Fact]
    public void A_clap_default_is_the_port_only_on_a_port_field()
    {
        using var server = Crate("""
            #[derive(clap::Parser)]
            struct Args {
                /// Where to listen.
                #[arg(short, long, default_value_t = 3000, env = "APP_PORT_HINT")]
                port: u16,
            }
            fn main() {}
            """);
        Assert.Equal("3000", Value(Detect(server.Path), "port"));

        // Shaped like a tunnel server's arguments: a range of ports it hands out, not where it listens.
        using var tunnel = Crate("""
            #[derive(clap::Parser)]
            struct Args {
                /// Minimum accepted TCP port number.
                #[clap(long, default_value_t = 1024, env = "TUNNEL_MIN_PORT")]
                min_port: u16,
                #[clap(long, default_value_t = 65535, env = "TUNNEL_MAX_PORT")]
                max_port: u16,
            }
            fn main() {}
            """);
        Assert.Null(Value(Detect(tunnel.Path), "port"));
    }

    [Fact]
    public void Loopback_in_a_constant_the_bind_names_warns_at_the_constant()
    {
        // Shaped like a Rust book server with its settings in constants: `TcpListener::bind(ADDRESS)`.
        using var crate = Crate("""
            use std::net::TcpListener;
            pub const ADDRESS: &str = "127.0.0.1:7878";
            pub const CLIENT: &str = "localhost:9000";
            fn main() {
                let listener = TcpListener::bind(ADDRESS).unwrap();
                for _stream in listener.incoming() {}
            }
            """);

        var detection = Detect(crate.Path);

        Assert.Equal("7878", Value(detection, "port"));
        Assert.Equal(
            "src/main.rs:2 listens on loopback only (`pub const ADDRESS: &str = \"127.0.0.1:7878\";`, bound at src/main.rs:5): nothing outside the container " +
            "reaches it, not even through a published port. Change it to `pub const ADDRESS: &str = \"0.0.0.0:7878\";` (every interface).",
            Assert.Single(detection.Warnings));
    }

    [Fact]
    public void Loopback_in_a_formatted_address_warns_and_a_client_connect_does_not()
    {
        using var crate = Crate("""
            fn main() {
                let port = std::env::var("APP_PORT").unwrap_or("7000".into());
                let listener = std::net::TcpListener::bind(format!("localhost:{port}")).unwrap();
                let _probe = std::net::TcpStream::connect(format!("127.0.0.1:{port}"));
            }
            """);

        var detection = Detect(crate.Path);

        Assert.Equal("APP_PORT", Value(detection, "port-variable"));
        Assert.Equal("7000", Value(detection, "port"));
        Assert.Equal(
            "src/main.rs:3 listens on loopback only (`let listener = std::net::TcpListener::bind(format!(\"localhost:{port}\")).unwrap();`): " +
            "nothing outside the container reaches it, not even through a published port. " +
            "Change it to `let listener = std::net::TcpListener::bind(format!(\"0.0.0.0:{port}\")).unwrap();` (every interface).",
            Assert.Single(detection.Warnings));
    }

    /// <summary>The sample's shape: the bind address is 0.0.0.0, and a health check that maps a wildcard address to
    /// loopback to connect to it is no loopback-only server; `--healthcheck` compared with an argument is the probe.</summary>
    [Fact]
    public void A_wildcard_mapped_to_loopback_for_the_probe_is_no_warning_and_the_healthcheck_argument_is_the_probe()
    {
        using var crate = Crate("""
            use std::net::{IpAddr, Ipv4Addr, TcpListener};
            fn probe_host(host: IpAddr) -> IpAddr {
                match host {
                    IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
                    ip => ip,
                }
            }
            fn main() {
                let args: Vec<String> = std::env::args().skip(1).collect();
                let probe = matches!(args.as_slice(), [flag] if flag == "--healthcheck");
                let port = std::env::var("PORT").unwrap_or("8080".into());
                let _l = TcpListener::bind(format!("0.0.0.0:{port}")).unwrap();
                let _ = (probe, probe_host(IpAddr::V4(Ipv4Addr::UNSPECIFIED)));
            }
            """);

        var detection = Detect(crate.Path);

        Assert.Empty(detection.Warnings);
        Assert.Equal("--healthcheck", Value(detection, "probe"));
        Assert.Equal("src/main.rs:10 (\"--healthcheck\": the app's own health check)", From(detection, "probe"));
    }

    [Fact]
    public void Files_opened_at_run_time_are_assets_and_include_str_and_missing_paths_are_not()
    {
        using var crate = Crate("""
            const PAGE: &str = include_str!("../page.html");
            fn main() {
                let _t = std::fs::read_to_string("./templates/base.html");
                let _c = std::fs::read("config.json");
                let _m = std::fs::read_to_string("missing/file.txt");
                let _p = std::fs::read_to_string("/etc/hostname");
            }
            """);
        File.WriteAllText(crate.Combine("page.html"), "<p>compiled in</p>");
        File.WriteAllText(crate.Combine("config.json"), "{}");
        Directory.CreateDirectory(crate.Combine("templates"));
        File.WriteAllText(crate.Combine("templates", "base.html"), "<html></html>");

        var detection = Detect(crate.Path);

        Assert.Equal("templates config.json", Value(detection, "assets"));
        Assert.Null(Value(detection, "app-dir"));
    }

    [Fact]
    public void File_names_chosen_before_a_read_by_variable_are_assets()
    {
        // The Rust book's chapter 20 server: a match picks "hello.html" or "404.html", then fs::read_to_string(filename).
        using var crate = Crate("""
            use std::fs;
            fn page(request_line: &str) -> String {
                let (status_line, filename) = match request_line {
                    "GET / HTTP/1.1" => ("HTTP/1.1 200 OK", "hello.html"),
                    _ => ("HTTP/1.1 404 NOT FOUND", "404.html"),
                };
                let contents = fs::read_to_string(filename).unwrap();
                format!("{status_line}\r\n\r\n{contents} {}", "notes.txt")
            }
            fn main() { let _ = page("GET / HTTP/1.1"); }
            """);
        File.WriteAllText(crate.Combine("hello.html"), "<p>hello</p>");
        File.WriteAllText(crate.Combine("404.html"), "<p>oops</p>");

        var detection = Detect(crate.Path);

        Assert.Equal("hello.html 404.html", Value(detection, "assets"));
        Assert.StartsWith("src/main.rs:4 (\"hello.html\", read by fs::read_to_string(filename) at src/main.rs:7)", From(detection, "assets"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_joined_onto_the_working_directory_is_an_asset()
    {
        // Shaped like zero2prod's settings: the config crate reads configuration/base.yaml from the current directory.
        using var crate = Crate("""
            fn settings() -> std::path::PathBuf {
                let base = std::env::current_dir().expect("no current directory");
                let folder = base.join("configuration");
                let _names = ["a", "b"].join(", ");
                folder.join("base.yaml")
            }
            fn main() { let _ = settings(); }
            """);
        Directory.CreateDirectory(crate.Combine("configuration"));
        File.WriteAllText(crate.Combine("configuration", "base.yaml"), "application:\n  port: 8000\n");

        Assert.Equal("configuration", Value(Detect(crate.Path), "assets"));
    }

    [Fact]
    public void A_cargo_config_linking_linux_builds_with_lld_is_a_note_for_the_single_stage_build()
    {
        using var crate = Crate("fn main() {}\n");
        Directory.CreateDirectory(crate.Combine(".cargo"));
        File.WriteAllText(crate.Combine(".cargo", "config.toml"),
            "[target.x86_64-apple-darwin]\nrustflags = [\"-C\", \"link-arg=-fuse-ld=lld\"]\n\n" +
            "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"linker=clang\", \"-C\", \"link-arg=-fuse-ld=lld\"]\n");

        var detection = Detect(crate.Path);

        Assert.Empty(detection.Warnings);
        Assert.Contains(detection.Notes, n => n.StartsWith(".cargo/config.toml:5 (`rustflags = [\"-C\", \"linker=clang\"", StringComparison.Ordinal)
                                              && n.Contains("Dockerfile.single builds with them", StringComparison.Ordinal));
    }

    [Fact]
    public void Test_modules_are_not_read_as_the_server()
    {
        // Shaped like a webhook server's sources: its unit tests, in the same files, start loopback servers on fixed ports.
        using var crate = Crate("""
            fn main() {
                let listener = std::net::TcpListener::bind("0.0.0.0:3000").unwrap();
                let _ = format!("{}", "}");
            }

            #[cfg(test)]
            mod tests {
                #[test]
                fn echo() {
                    let _l = std::net::TcpListener::bind("127.0.0.1:8000").unwrap();
                    if true { let _s = std::env::var("TEST_SECRET").unwrap(); }
                }
            }

            fn health() -> &'static str { "/healthz" }
            """);

        var detection = Detect(crate.Path);

        Assert.Equal("3000", Value(detection, "port"));
        Assert.Empty(detection.Warnings);
        Assert.Equal("/healthz", Value(detection, "health-path"));
    }

    [Fact]
    public void Sqlx_query_macros_without_offline_data_are_a_warning()
    {
        // Shaped like a RealWorld axum + sqlx backend: query_as! checks its SQL against a database while compiling.
        const string main = """
            use sqlx::PgPool;
            async fn user(db: &PgPool) -> String {
                sqlx::query_as!(User, r#"select name from "user""#).fetch_one(db).await.unwrap().name
            }
            fn main() {}
            """;
        using var online = Crate(main);
        var warning = Assert.Single(Detect(online.Path).Warnings);
        Assert.StartsWith("src/main.rs:3 uses sqlx's query_as! macro, which checks its query against a database while compiling", warning, StringComparison.Ordinal);
        Assert.Contains("cargo sqlx prepare", warning, StringComparison.Ordinal);

        using var offline = Crate(main);
        Directory.CreateDirectory(offline.Combine(".sqlx"));
        File.WriteAllText(offline.Combine(".sqlx", "query-0.json"), "{}");
        Assert.Empty(Detect(offline.Path).Warnings);
    }

    [Fact]
    public void Health_route_prefers_healthz_and_reads_request_lines()
    {
        using var crate = Crate("""
            fn route(line: &str) -> u16 {
                if line.starts_with("GET /ready ") { return 200; }
                if line.starts_with("GET /healthz ") { return 200; }
                503
            }
            fn main() {}
            """);

        var detection = Detect(crate.Path);

        Assert.Equal("/healthz", Value(detection, "health-path"));
        Assert.Equal("src/main.rs:3 (\"/healthz\")", From(detection, "health-path"));
    }

    [Fact]
    public void A_variable_read_without_a_default_is_a_warning_naming_it()
    {
        using var crate = Crate("""
            fn main() {
                let url = std::env::var("DATABASE_URL").expect("set DATABASE_URL");
                let level = std::env::var("LOG_LEVEL").unwrap_or_default();
            }
            """);

        var detection = Detect(crate.Path);

        Assert.Equal(
            "src/main.rs:2 requires the environment variable DATABASE_URL (`let url = std::env::var(\"DATABASE_URL\").expect(\"set DATABASE_URL\");`): " +
            "the container exits at start without it. Set it where the image runs (`docker run -e DATABASE_URL=...`, compose's `environment:`), " +
            "or give it a default in the code (`.unwrap_or(...)`).",
            Assert.Single(detection.Warnings));
    }

    [Fact]
    public void A_port_argument_without_a_variable_is_noted()
    {
        var detection = Detect(Layout("rust-port-flag"));

        Assert.Contains(detection.Notes, n => n.StartsWith("The app takes its port from a -p/--port argument (src/main.rs:9 (the --port argument's default))", StringComparison.Ordinal));
    }

    [Fact]
    public void Folders_the_app_writes_are_writable_and_a_file_at_the_top_is_a_warning()
    {
        using var crate = Crate("""
            fn main() {
                std::fs::create_dir_all("./data/cache").unwrap();
                let _db = std::fs::File::create("uploads/index.db");
                let _log = std::fs::File::create("app.log");
                let _tmp = std::fs::File::create("/tmp/scratch");
            }
            """);

        var detection = Detect(crate.Path);

        Assert.Equal("data uploads", Value(detection, "writable"));
        Assert.Equal("src/main.rs:2 (create_dir_all(\"./data/cache\")); src/main.rs:3 (File::create(\"uploads/index.db\"))", From(detection, "writable"));
        Assert.StartsWith("src/main.rs:4 writes app.log in the app's folder", Assert.Single(detection.Warnings));
    }
}
