using Multistage.Core.Dockerize;
using Multistage.Tests.Shared;

namespace Core.Tests;

/// <summary>What the Go detector reads that a layout's .init-test.json values cannot say: its warnings and
/// their text, its refusals, and where each value came from.</summary>
public sealed class GoDetectionTests
{
    public static TheoryData<string> GoLayouts() => new(InitLayouts.All.Where(l => l.Language == "go").Select(l => l.Folder));

    private static ProjectDetection Detect(string path) => ProjectDetectors.For("go")!.Detect(new ProjectFolder(path))!;

    private static ProjectDetection DetectLayout(string name) => Detect(Path.Combine(InitLayouts.Directory(TestRepository.Root), name));

    /// <summary>A Go project of its own: go.mod plus the given files.</summary>
    private static TempFolder Project(params (string Path, string Text)[] files)
    {
        var folder = TempFolder.Create("go-detect");
        foreach (var (path, text) in files)
        {
            var full = folder.Combine(path.Split('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return folder;
    }

    [Theory]
    [MemberData(nameof(GoLayouts))]
    public void Go_layout_warns_exactly_as_its_expectations_say(string layoutName)
    {
        var layout = InitLayouts.Get(layoutName);
        var warnings = DetectLayout(layoutName).Warnings;
        Assert.True(layout.Warnings.Count > 0 ? warnings.Count > 0 : warnings.Count == 0,
            $"{layoutName}: expected {(layout.Warnings.Count > 0 ? "warnings" : "no warning")}, got [{string.Join("; ", warnings)}].");
        foreach (var part in layout.Warnings)
        {
            Assert.True(warnings.Any(w => w.Contains(part, StringComparison.Ordinal)), $"{layoutName}: no warning contains '{part}': [{string.Join("; ", warnings)}].");
        }
    }

    [Fact]
    public void Workspace_is_built_from_the_work_root_and_named_after_the_module_with_the_main_package()
    {
        var detection = DetectLayout("go-workspace");
        Assert.Equal(["go.work"], detection.Markers);
        Assert.Equal("catalog", detection.Name);
        Assert.StartsWith("catalog/go.mod (module example.com/bookshop/catalog", detection.NameFrom, StringComparison.Ordinal);
        // tools/ has a go.mod and a main package of its own, but go.work does not use it: not a candidate.
        Assert.Empty(detection.Ambiguities);
    }

    [Fact]
    public void Workspace_with_two_main_packages_asks_which_one_and_never_offers_the_parent_folder()
    {
        using var work = Project(
            ("go.work", "go 1.22\n\nuse ./api\nuse (\n\t./worker // the queue consumer\n)\n"),
            ("api/go.mod", "module example.com/shop/api\n\ngo 1.22\n"),
            ("api/main.go", "package main\n\nfunc main() {}\n"),
            ("worker/go.mod", "module example.com/shop/worker\n\ngo 1.22\n"),
            ("worker/cmd/consume/main.go", "package main\n\nfunc main() {}\n"));
        var ambiguity = Assert.Single(Detect(work.Path).Ambiguities);
        Assert.Equal("main", ambiguity.Option);
        Assert.Equal(["./api", "./worker/cmd/consume"], ambiguity.Candidates);
    }

    [Fact]
    public void Several_main_packages_offer_the_one_that_listens_first()
    {
        // Shaped like heroku/buildpacks-go's worker_http_118: cmd/script and cmd/worker print, cmd/web serves;
        // the refusal's `--set main=` took the first in name order, ./cmd/script.
        using var module = Project(
            ("go.mod", "module example.com/worker_http\n\ngo 1.22\n"),
            ("cmd/script/main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"working...\") }\n"),
            ("cmd/web/main.go", "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(\":\"+port(), nil)\n}\n"),
            ("cmd/web/port.go", "package main\n\nimport \"os\"\n\nfunc port() string { return os.Getenv(\"PORT\") }\n"),
            ("cmd/worker/main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"working...\") }\n"));
        var ambiguity = Assert.Single(Detect(module.Path).Ambiguities);
        Assert.Equal(["./cmd/web", "./cmd/script", "./cmd/worker"], ambiguity.Candidates);
        Assert.Equal("several main packages, of which ./cmd/web listens on a port", ambiguity.What);
    }

    [Fact]
    public void Nested_module_under_cmd_is_not_a_main_package_of_the_root_module()
    {
        using var module = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n"),
            ("main.go", "package main\n\nfunc main() {}\n"),
            ("cmd/migrate/go.mod", "module example.com/svc/cmd/migrate\n\ngo 1.22\n"),
            ("cmd/migrate/main.go", "package main\n\nfunc main() {}\n"));
        var detection = Detect(module.Path);
        Assert.Empty(detection.Ambiguities);
        Assert.Contains(detection.Values, v => v is { Option: "main", Value: "." });
    }

    [Fact]
    public void Module_of_a_workspace_is_refused_naming_the_work_root()
    {
        using var work = Project(
            ("go.work", "go 1.22\n\nuse (\n\t./api\n\t./lib\n)\n"),
            ("api/go.mod", "module example.com/shop/api\n\ngo 1.22\n"),
            ("api/main.go", "package main\n\nfunc main() {}\n"),
            ("lib/go.mod", "module example.com/shop/lib\n\ngo 1.22\n"));
        var problem = Assert.Single(Detect(work.Combine("api")).Problems);
        Assert.Contains($"Run init in {work.Path} (the work root)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Workspace_module_requiring_an_unpublished_sibling_without_replace_is_refused_with_the_replace_line()
    {
        using var copy = TempFolder.Create("go-work-noreplace");
        InitLayouts.CopyTo(TestRepository.Root, "go-workspace", copy.Path);
        var goMod = copy.Combine("catalog", "go.mod");
        File.WriteAllLines(goMod, File.ReadAllLines(goMod).Where(l => !l.StartsWith("replace", StringComparison.Ordinal)));

        var problem = Assert.Single(Detect(copy.Path).Problems);
        Assert.StartsWith("catalog/go.mod requires example.com/bookshop/books v0.0.0, a module of this workspace", problem, StringComparison.Ordinal);
        Assert.Contains("Add `replace example.com/bookshop/books => ../books` to catalog/go.mod", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Vendor_folder_is_read_from_modules_txt()
    {
        using var module = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n"),
            ("main.go", "package main\n\nfunc main() {}\n"),
            ("vendor/modules.txt", "# example.com/greet v1.0.0\n## explicit; go 1.22\nexample.com/greet\n"));
        Assert.Contains(Detect(module.Path).Values, v => v is { Option: "vendor", Value: "true", From: "vendor/modules.txt (go mod vendor)" });
    }

    [Fact]
    public void Literal_loopback_listen_is_a_warning_naming_the_line_and_the_change()
    {
        using var module = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n"),
            ("main.go", "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(\"127.0.0.1:8095\", nil)\n}\n"));
        var detection = Detect(module.Path);
        Assert.Contains(detection.Values, v => v is { Option: "port", Value: "8095" } && v.From.StartsWith("main.go:6", StringComparison.Ordinal));
        var warning = Assert.Single(detection.Warnings);
        Assert.StartsWith("main.go:6: ListenAndServe(\"127.0.0.1:8095\" listens on a loopback address", warning, StringComparison.Ordinal);
        Assert.EndsWith("change the address in main.go:6 to \":8095\".", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_without_a_main_package_names_its_nested_modules_that_have_one()
    {
        // golang/example's root: a library module, and helloserver/ and outyet/ modules of their own beside it.
        const string server = "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(\":8080\", nil)\n}\n";
        using var module = Project(
            ("go.mod", "module golang.org/x/example\n\ngo 1.22\n"),
            ("stringutil/reverse.go", "package stringutil\n\nfunc Reverse(s string) string { return s }\n"),
            ("hello/go.mod", "module golang.org/x/example/hello\n\ngo 1.22\n"),
            ("hello/hello.go", "package main\n\nfunc main() {}\n"),
            ("helloserver/go.mod", "module golang.org/x/example/helloserver\n\ngo 1.22\n"),
            ("helloserver/server.go", server));
        var detection = Detect(module.Path);
        Assert.Empty(detection.Ambiguities);
        var problem = Assert.Single(detection.Problems);
        Assert.Equal("There is no main package in this module's root or under cmd/, but modules of their own below it (a go.mod each) have one: " +
                     "helloserver/ (listens on a port), hello/. Run init in that module's folder (`cd helloserver`, then `multistage init`).", problem);
    }

    [Fact]
    public void A_nested_modules_code_is_not_read_as_the_apps()
    {
        // golang/example's root with --set main: ragserver/ is a module of its own and template/ another program; neither's loopback listen is this app's.
        using var module = Project(
            ("go.mod", "module golang.org/x/example\n\ngo 1.22\n"),
            ("tools/hello/main.go", "package main\n\nfunc main() {}\n"),
            ("ragserver/go.mod", "module golang.org/x/example/ragserver\n\ngo 1.22\n"),
            ("ragserver/main.go", "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(\"localhost:9020\", nil)\n}\n"),
            ("template/main.go", "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(\"localhost:8080\", nil)\n}\n"));
        var detection = ProjectDetectors.For("go")!.Detect(new ProjectFolder(module.Path) { Given = new Dictionary<string, string> { ["main"] = "./tools/hello" } })!;
        Assert.Empty(detection.Warnings);
        Assert.DoesNotContain(detection.Values, v => v.Option == "port");
    }

    [Fact]
    public void Flag_defaulting_to_loopback_is_passed_all_interfaces_in_the_image_command()
    {
        // golang/example's outyet and helloserver: the address comes from a flag whose default is localhost.
        using var module = Project(
            ("go.mod", "module example.com/outyet\n\ngo 1.22\n"),
            ("main.go", "package main\n\nimport (\n\t\"flag\"\n\t\"net/http\"\n)\n\nvar httpAddr = flag.String(\"http\", \"localhost:8080\", \"Listen address\")\n\n" +
                        "func main() {\n\tflag.Parse()\n\thttp.ListenAndServe(*httpAddr, nil)\n}\n"));
        var detection = Detect(module.Path);
        Assert.Empty(detection.Warnings);
        Assert.Contains(detection.Values, v => v is { Option: "port", Value: "8080" });
        Assert.Contains(detection.Values, v => v is { Option: "listen-argument", Value: "-http=:8080" } && v.From.StartsWith("main.go:8", StringComparison.Ordinal));
    }

    [Fact]
    public void Flag_the_app_exits_without_is_a_warning_and_a_required_flag()
    {
        using var module = Project(
            ("go.mod", "module example.com/echo\n\ngo 1.22\n"),
            ("main.go", "package main\n\nimport (\n\t\"flag\"\n\t\"log\"\n)\n\nfunc main() {\n\ttext := flag.String(\"text\", \"\", \"text to answer\")\n" +
                        "\tflag.Parse()\n\tif *text == \"\" {\n\t\tlog.Fatal(\"-text is required\")\n\t}\n}\n"));
        var detection = Detect(module.Path);
        Assert.Contains(detection.Values, v => v is { Option: "required-flags", Value: "-text", From: "main.go:9" });
        var warning = Assert.Single(detection.Warnings);
        Assert.StartsWith("main.go:9: the app requires the flag -text (no default; main.go:11 stops it when it is empty).", warning, StringComparison.Ordinal);
        Assert.Contains("add `CMD [\"-text\", \"VALUE\"]` below the ENTRYPOINT", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Signal_notify_without_sigterm_still_needs_tini()
    {
        using var module = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n"),
            ("main.go", "package main\n\nimport (\n\t\"context\"\n\t\"os\"\n\t\"os/signal\"\n)\n\nfunc main() {\n" +
                        "\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)\n\tdefer stop()\n\t<-ctx.Done()\n}\n"));
        Assert.Contains(Detect(module.Path).Values, v => v is { Option: "tini", Value: "true" });
    }

    [Fact]
    public void Sigterm_handler_over_several_lines_turns_tini_off_naming_its_line()
    {
        using var module = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n"),
            ("main.go", "package main\n\nimport (\n\t\"os\"\n\t\"os/signal\"\n\t\"syscall\"\n)\n\nfunc main() {\n\tc := make(chan os.Signal, 1)\n" +
                        "\tsignal.Notify(c,\n\t\tos.Interrupt,\n\t\tsyscall.SIGTERM)\n\t<-c\n}\n"));
        Assert.Contains(Detect(module.Path).Values, v => v is { Option: "tini", Value: "false" } && v.From.StartsWith("main.go:11 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Folders_written_with_relative_paths_are_writable_and_a_file_at_the_top_is_a_warning()
    {
        using var module = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n"),
            ("main.go", "package main\n\nimport \"os\"\n\nfunc main() {\n\t_ = os.MkdirAll(\"./data/cache\", 0o755)\n" +
                        "\tf, _ := os.Create(\"uploads/last.txt\")\n\tf.Close()\n\t_ = os.WriteFile(\"state.json\", nil, 0o644)\n\t_ = os.MkdirAll(\"/tmp/x\", 0o755)\n}\n"));
        var detection = Detect(module.Path);
        Assert.Contains(detection.Values, v => v is { Option: "writable", Value: "data/cache uploads" } && v.From.StartsWith("main.go:6 ", StringComparison.Ordinal));
        var warning = Assert.Single(detection.Warnings);
        Assert.StartsWith("main.go:9: os.WriteFile(\"state.json\"...) writes the file state.json at the top of the app's folder /app", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Gin_run_with_a_literal_address_gives_the_port()
    {
        using var module = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n"),
            ("main.go", "package main\n\nfunc main() {\n\trouter := gin.Default()\n\t_ = router.Run(\":5001\")\n}\n"));
        Assert.Contains(Detect(module.Path).Values, v => v is { Option: "port", Value: "5001", From: "main.go:5 (.Run(\":5001\")" });
    }

    [Fact]
    public void Cgo_is_refused_and_go_sqlite3_is_a_warning()
    {
        using var cgo = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n"),
            ("main.go", "package main\n\n// #include <stdio.h>\nimport \"C\"\n\nfunc main() {}\n"));
        Assert.StartsWith("main.go uses cgo (import \"C\")", Assert.Single(Detect(cgo.Path).Problems), StringComparison.Ordinal);

        using var sqlite = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.14.22\n)\n"),
            ("main.go", "package main\n\nfunc main() {}\n"));
        var detection = Detect(sqlite.Path);
        Assert.Empty(detection.Problems);
        Assert.StartsWith("go.mod requires github.com/mattn/go-sqlite3, which needs cgo", Assert.Single(detection.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_main_chosen_with_set_is_read_without_the_other_commands()
    {
        // Shaped like a service with an agent beside it: cmd/agent serves metrics on :9100 and handles SIGTERM,
        // cmd/server is the web server (port 8081, no handler) that --set main picks.
        using var module = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n"),
            ("cmd/agent/main.go", "package main\n\nfunc main() {\n\tsignal.Notify(ch, syscall.SIGTERM)\n\t_ = http.ListenAndServe(\":9100\", nil)\n}\n"),
            ("cmd/server/main.go", "package main\n\nfunc main() {\n\tserve()\n}\n"),
            ("internal/web/serve.go", "package web\n\nfunc Serve() {\n\t_ = http.ListenAndServe(\":8081\", nil)\n}\n"));

        var detection = ProjectDetectors.For("go")!.Detect(new ProjectFolder(module.Path)
            { Given = new Dictionary<string, string> { ["main"] = "./cmd/server" } })!;

        Assert.Equal("8081", detection.Values.Single(v => v.Option == "port").Value);
        Assert.Equal("true", detection.Values.Single(v => v.Option == "tini").Value);
    }

    [Fact]
    public void Files_the_app_opens_by_relative_path_are_assets_and_embedded_or_missing_ones_are_not()
    {
        // Shaped like a PaaS getting-started app: gin loads templates/ and serves static/ from the working folder.
        using var gin = Project(
            ("go.mod", "module example.com/getting-started\n\ngo 1.22\n"),
            ("main.go", "package main\n\nfunc main() {\n\trouter := gin.New()\n\trouter.LoadHTMLGlob(\"templates/*.tmpl.html\")\n" +
                        "\trouter.Static(\"/static\", \"static\")\n\trouter.StaticFile(\"/robots.txt\", \"./public/robots.txt\")\n" +
                        "\t_, _ = os.ReadFile(\"missing.json\")\n\t_, _ = os.ReadFile(\".env\")\n\trouter.Run(\":\" + os.Getenv(\"PORT\"))\n}\n"),
            ("templates/index.tmpl.html", "<p>hi</p>\n"),
            ("static/main.css", "p {}\n"),
            ("public/robots.txt", "User-agent: *\n"),
            (".env", "SECRET=x\n"));
        var detection = Detect(gin.Path);
        var assets = detection.Values.Single(v => v.Option == "assets");
        Assert.Equal("templates static public", assets.Value);
        Assert.Equal("main.go:5 (.LoadHTMLGlob(\"templates/*.tmpl.html\")); main.go:6 (.Static(..., \"static\")); main.go:7 (.StaticFile(..., \"./public/robots.txt\"))", assets.From);

        // net/http and html/template in a cmd/ layout: paths resolve from the module root, where `go run ./cmd/web` runs.
        using var stdlib = Project(
            ("go.mod", "module example.com/site\n\ngo 1.22\n"),
            ("cmd/web/main.go", "package main\n\nvar page = template.Must(template.ParseFiles(\"web/index.html\"))\n\n" +
                                "func main() {\n\thttp.Handle(\"/assets/\", http.StripPrefix(\"/assets/\", http.FileServer(http.Dir(\"assets\"))))\n}\n"),
            ("web/index.html", "<p>hi</p>\n"),
            ("assets/app.js", "\n"));
        Assert.Equal("web assets", Detect(stdlib.Path).Values.Single(v => v.Option == "assets").Value);

        // //go:embed puts the files in the binary: nothing to copy.
        using var embedded = Project(
            ("go.mod", "module example.com/embedded\n\ngo 1.22\n"),
            ("main.go", "package main\n\nimport \"embed\"\n\n//go:embed static\nvar files embed.FS\n\nfunc main() {}\n"),
            ("static/index.html", "<p>hi</p>\n"));
        Assert.DoesNotContain(Detect(embedded.Path).Values, v => v.Option == "assets");
    }

    [Fact]
    public void An_indirect_go_sqlite3_that_no_code_imports_is_a_note_not_a_warning()
    {
        // Shaped like a clean-architecture template: a Postgres app whose go.mod lists go-sqlite3 `// indirect`
        // (a dependency's tests or tools need it); the binary never links it.
        using var indirect = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n\nrequire github.com/lib/pq v1.10.9\n\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.14.22 // indirect\n)\n"),
            ("main.go", "package main\n\nimport _ \"github.com/lib/pq\"\n\nfunc main() {}\n"));
        var detection = Detect(indirect.Path);
        Assert.Empty(detection.Warnings);
        Assert.Contains(detection.Notes, n => n.StartsWith("go.mod lists github.com/mattn/go-sqlite3 as indirect", StringComparison.Ordinal));

        // gorm's SQLite driver links it though go.mod lists it as indirect.
        using var gorm = Project(
            ("go.mod", "module example.com/svc\n\ngo 1.22\n\nrequire gorm.io/driver/sqlite v1.5.6\n\nrequire github.com/mattn/go-sqlite3 v1.14.22 // indirect\n"),
            ("main.go", "package main\n\nimport \"gorm.io/driver/sqlite\"\n\nvar _ = sqlite.Open\n\nfunc main() {}\n"));
        Assert.StartsWith("go.mod requires github.com/mattn/go-sqlite3, which needs cgo", Assert.Single(Detect(gorm.Path).Warnings), StringComparison.Ordinal);
    }
}
