using Multistage.Core.Dockerize;
using Multistage.Tests.Shared;

namespace Core.Tests;

/// <summary>What the .NET detector reads that a layout's .init-test.json cannot express: warnings with their
/// file, line and change, refusals, the project --set project-file names, where values came from.</summary>
public sealed class DotnetDetectionTests : IDisposable
{
    private const string WebProject = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        </Project>
        """;

    private readonly TempFolder _work = TempFolder.Create("dotnet-detect");

    public void Dispose() => _work.Dispose();

    [Fact]
    public void A_framework_before_net8_is_refused_naming_the_retarget_not_a_flag()
    {
        Write("Api.csproj", WebProject.Replace("net10.0", "net6.0", StringComparison.Ordinal));
        var detection = Detect();
        Assert.Contains(detection.Problems, p => p.StartsWith("net6.0 (", StringComparison.Ordinal) && p.Contains("retarget the project to net10.0", StringComparison.Ordinal));
        Assert.DoesNotContain(detection.Values, v => v.Option == "framework");
    }

    [Fact]
    public void A_global_json_pin_the_build_stages_sdk_cannot_satisfy_is_a_warning()
    {
        Write("Api.csproj", WebProject);
        Write("global.json", """{ "sdk": { "version": "9.0.100", "rollForward": "latestFeature" } }""");
        Assert.Contains(Detect().Warnings, w => w.StartsWith("global.json pins the .NET SDK 9.0.100", StringComparison.Ordinal) && w.Contains("\"rollForward\": \"latestMajor\"", StringComparison.Ordinal));

        Write("global.json", """{ "sdk": { "version": "9.0.100", "rollForward": "latestMajor" } }""");
        Assert.Empty(Detect().Warnings);

        Write("global.json", """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""");
        Assert.Empty(Detect().Warnings);
    }

    [Fact]
    public void A_global_json_with_comments_is_read_and_one_with_a_version_that_is_no_string_is_left_alone()
    {
        Write("Api.csproj", WebProject);
        // The SDK reads global.json with comments and trailing commas.
        Write("global.json", "{\n  // pinned for CI\n  \"sdk\": { \"version\": \"9.0.100\", },\n}\n");
        Assert.Contains(Detect().Warnings, w => w.StartsWith("global.json pins the .NET SDK 9.0.100", StringComparison.Ordinal));

        Write("global.json", """{ "sdk": { "version": 9, "rollForward": ["latestMajor"] } }""");
        Assert.Empty(Detect().Warnings);
    }

    [Fact]
    public void A_health_route_of_any_case_from_the_shared_list_is_the_health_path()
    {
        Write("Api.csproj", WebProject);
        Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/HealthCheck\", () => \"ok\");\napp.Run();\n");
        Assert.Equal("/HealthCheck", Values(Detect())["health-path"]);
    }

    private ProjectDetection Detect(IReadOnlyDictionary<string, string>? given = null) =>
        ProjectDetectors.For("dotnet")!.Detect(new ProjectFolder(_work.Path) { Given = given ?? new Dictionary<string, string>() })!;

    private void Write(string relative, string text)
    {
        var path = _work.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static Dictionary<string, string> Values(ProjectDetection detection) =>
        detection.Values.ToDictionary(v => v.Option, v => v.Value, StringComparer.Ordinal);

    private static string From(ProjectDetection detection, string option) => detection.Values.Single(v => v.Option == option).From;

    [Fact]
    public void Loopback_UseUrls_is_a_warning_naming_the_file_line_and_the_change()
    {
        Write("Web.csproj", WebProject);
        Write("Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.UseUrls("http://localhost:5000");
            var app = builder.Build();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

        var detection = Detect();

        Assert.Equal(
            ["Program.cs:2: UseUrls(\"http://localhost:5000\") listens on localhost only, which no published port reaches: change \"http://localhost:5000\" to \"http://0.0.0.0:5000\" (all interfaces)."],
            detection.Warnings);
        Assert.Equal("5000", Values(detection)["port"]);
        Assert.Equal("Program.cs:2 (UseUrls(\"http://localhost:5000\"))", From(detection, "port"));
        Assert.DoesNotContain("port-variable", Values(detection).Keys);
    }

    [Fact]
    public void Loopback_app_Run_is_a_warning_and_an_all_interfaces_url_is_not()
    {
        Write("Web.csproj", WebProject);
        Write("Program.cs", "var app = WebApplication.Create(args);\napp.MapGet(\"/\", () => \"hi\");\napp.Run(\"http://127.0.0.1:5081\");\n");
        var loopback = Detect();
        Assert.Equal(
            ["Program.cs:3: Run(\"http://127.0.0.1:5081\") listens on 127.0.0.1 only, which no published port reaches: change \"http://127.0.0.1:5081\" to \"http://0.0.0.0:5081\" (all interfaces)."],
            loopback.Warnings);

        Write("Program.cs", "var app = WebApplication.Create(args);\napp.MapGet(\"/\", () => \"hi\");\napp.Run(\"http://0.0.0.0:5081\");\n");
        var all = Detect();
        Assert.Empty(all.Warnings);
        Assert.Equal("5081", Values(all)["port"]);
    }

    /// <summary>The sample's shape: PORT is read into settings code that builds the URL, UseUrls gets that URL
    /// (no literal), and `--healthcheck` compared with the arguments is the app's own probe.</summary>
    [Fact]
    public void A_port_variable_passed_through_settings_code_to_UseUrls_is_the_port_variable_and_healthcheck_the_probe()
    {
        Write("Web.csproj", WebProject);
        Write("Program.cs", """
            var probe = args is ["--healthcheck"];
            var settings = Settings.Read(Environment.GetEnvironmentVariable("PORT"));
            var builder = WebApplication.CreateSlimBuilder(args);
            builder.WebHost.UseUrls(settings.ListenUrl);
            var app = builder.Build();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            """);

        var detection = Detect();

        Assert.Empty(detection.Warnings);
        Assert.Equal("PORT", Values(detection)["port-variable"]);
        Assert.Equal("Program.cs:2 (GetEnvironmentVariable(\"PORT\"), passed to UseUrls at Program.cs:4)", From(detection, "port-variable"));
        Assert.Equal("--healthcheck", Values(detection)["probe"]);
        Assert.Equal("Program.cs:1 (\"--healthcheck\": the app's own health check)", From(detection, "probe"));
    }

    [Fact]
    public void A_port_variable_read_in_the_code_gives_its_name_and_default()
    {
        Write("Web.csproj", WebProject);
        Write("Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            var port = Environment.GetEnvironmentVariable("APP_PORT") ?? "7070";
            var app = builder.Build();
            app.MapGet("/", () => "hi");
            app.Run($"http://0.0.0.0:{port}");
            """);

        var detection = Detect();

        Assert.Empty(detection.Warnings);
        Assert.Equal("7070", Values(detection)["port"]);
        Assert.Equal("APP_PORT", Values(detection)["port-variable"]);
        Assert.Equal("Program.cs:2", From(detection, "port-variable"));
    }

    [Fact]
    public void Urls_in_appsettings_json_give_the_port()
    {
        Write("Web.csproj", WebProject);
        Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
        Write("appsettings.json", "{\n  \"Urls\": \"http://*:5090\"\n}\n");

        var detection = Detect();

        Assert.Equal("5090", Values(detection)["port"]);
        Assert.Equal("appsettings.json:2 (\"Urls\": \"http://*:5090\")", From(detection, "port"));
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Health_route_comes_from_MapGet_when_there_is_no_MapHealthChecks()
    {
        Write("Web.csproj", WebProject);
        Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet(\"/\", () => \"hi\");\napp.MapGet(\"/health/ready\", () => \"ok\");\napp.Run();\n");

        var detection = Detect();

        Assert.Equal("/health/ready", Values(detection)["health-path"]);
        Assert.Equal("Program.cs:3 (MapGet(\"/health/ready\"))", From(detection, "health-path"));
        Assert.Equal("Program.cs:1 (WebApplication.CreateBuilder: ASP.NET Core's host stops on SIGTERM)", From(detection, "tini"));
    }

    [Fact]
    public void The_launch_port_is_the_dotnet_run_profiles_not_IIS_Expresss()
    {
        Write("Web.csproj", WebProject);
        Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.UseHealthChecks(\"/health\");\napp.Run();\n");
        Write("Properties/launchSettings.json", """
            {
              "iisSettings": {
                "iisExpress": { "applicationUrl": "http://localhost:17469", "sslPort": 44315 }
              },
              "profiles": {
                "IIS Express": { "commandName": "IISExpress", "applicationUrl": "http://localhost:17470" },
                "Web": {
                  "commandName": "Project",
                  "applicationUrl": "https://localhost:5001;http://localhost:5000"
                }
              }
            }
            """);

        var detection = Detect();

        Assert.Equal("5000", Values(detection)["port"]);
        Assert.Equal("Properties/launchSettings.json:9 (profile \"Web\" applicationUrl http://localhost:5000)", From(detection, "port"));
        Assert.Equal("ASPNETCORE_HTTP_PORTS", Values(detection)["port-variable"]);
        Assert.Equal("/health", Values(detection)["health-path"]);
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Set_project_file_reads_that_project_not_the_solutions_first()
    {
        InitLayouts.CopyTo(TestRepository.Root, "dotnet-solution-library", _work.Path);
        Write("src/Admin.Web/Admin.Web.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <AssemblyName>Ledger.Admin</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Ledger.Domain/Ledger.Domain.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write("src/Admin.Web/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.MapHealthChecks(\"/ready\");\napp.Run();\n");
        File.AppendAllText(_work.Combine("Ledger.sln"), "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Admin.Web\", \"src\\Admin.Web\\Admin.Web.csproj\", \"{11111111-2222-3333-4444-555555555555}\"\nEndProject\n");

        var unchosen = Detect();
        var ambiguity = Assert.Single(unchosen.Ambiguities);
        Assert.Equal(["src/Admin.Web/Admin.Web.csproj", "src/Ledger.Web/Ledger.Web.csproj"], ambiguity.Candidates);

        var chosen = Detect(new Dictionary<string, string> { ["project-file"] = "src/Admin.Web/Admin.Web.csproj" });

        Assert.Empty(chosen.Ambiguities);
        Assert.Equal("Admin.Web", chosen.Name);
        var values = Values(chosen);
        Assert.Equal("Ledger.Admin", values["assembly"]);
        Assert.Equal("net8.0", values["framework"]);
        Assert.Equal("src/Admin.Web/Admin.Web.csproj src/Ledger.Domain/Ledger.Domain.csproj", values["restore-files"]);
        Assert.Equal("/ready", values["health-path"]);
        Assert.Equal("--set project-file", From(chosen, "project-file"));
        Assert.Contains(chosen.Notes, n => n.StartsWith("net8.0 (src/Admin.Web/Admin.Web.csproj:3 TargetFramework; dotnet msbuild -getProperty on Admin.Web.csproj): .NET 8 left support on 10 November 2026", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_project_file_naming_no_file_is_a_problem_listing_the_projects()
    {
        InitLayouts.CopyTo(TestRepository.Root, "dotnet-solution", _work.Path);

        var detection = Detect(new Dictionary<string, string> { ["project-file"] = "src/Shop/Shop.csproj" });

        Assert.Equal(
            ["--set project-file=src/Shop/Shop.csproj: there is no such file in this folder: name the web project's .csproj relative to the folder (src/Shop.Web/Shop.Web.csproj, tests/Shop.Tests/Shop.Tests.csproj)."],
            detection.Problems);
    }

    [Fact]
    public void A_reference_outside_the_folder_is_refused_naming_where_to_run_init()
    {
        Write("Web.csproj", WebProject.Replace("</Project>", "  <ItemGroup><ProjectReference Include=\"..\\Shared\\Shared.csproj\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));
        Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");

        var detection = Detect();

        var folder = Path.GetFileName(_work.Path);
        Assert.Equal(
            [$"Web.csproj references ..\\Shared\\Shared.csproj, outside {folder}/: the build context holds only this folder. Run init in the folder that holds both projects (the repository's root, or the solution's)."],
            detection.Problems);
    }

    [Fact]
    public void Without_msbuild_the_props_files_are_read_as_written()
    {
        // A global.json asking for an SDK this machine lacks: `dotnet msbuild` fails, as on a machine without it.
        InitLayouts.CopyTo(TestRepository.Root, "dotnet-slnx-cpm", _work.Path);
        Write("global.json", "{ \"sdk\": { \"version\": \"8.0.100\", \"rollForward\": \"disable\" } }\n");

        var detection = Detect();

        Assert.Contains(detection.Notes, n => n.StartsWith("dotnet msbuild could not evaluate src/Orders.Api/Orders.Api.csproj (", StringComparison.Ordinal));
        Assert.Equal("Fabrikam.Orders.Api", Values(detection)["assembly"]);
        Assert.Equal("Directory.Build.props:8 AssemblyName", From(detection, "assembly"));
        Assert.Equal("net10.0", Values(detection)["framework"]);
    }

    [Fact]
    public void A_solution_of_console_programs_and_libraries_is_refused_as_no_web_app_not_pointed_at_a_library()
    {
        // dotnet/dotnet-docker samples/complexapp: a console program, two libraries and tests in a .slnx. The old
        // refusal offered --set project-file= the first project, whatever it was; a console program runs and exits.
        Write("complexapp.slnx", "<Solution>\n  <Project Path=\"complexapp/complexapp.csproj\" />\n  <Project Path=\"libbar/libbar.csproj\" />\n  <Project Path=\"tests/tests.csproj\" />\n</Solution>\n");
        Write("complexapp/complexapp.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <ItemGroup><ProjectReference Include=\"../libbar/libbar.csproj\" /></ItemGroup>\n</Project>\n");
        Write("libbar/libbar.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n");
        Write("tests/tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <ItemGroup><PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"17.14.1\" /></ItemGroup>\n</Project>\n");
        var detection = Detect();
        Assert.Empty(detection.Ambiguities);
        Assert.Equal(
            ["No ASP.NET Core project among complexapp/complexapp.csproj, libbar/libbar.csproj, tests/tests.csproj: complexapp/complexapp.csproj is a program without ASP.NET Core (OutputType Exe), which would run once and exit, and these Dockerfiles serve a web app on a port. If it does serve HTTP, pass --set project-file=complexapp/complexapp.csproj."],
            detection.Problems);

        // A program on the plain SDK that references ASP.NET Core is a web app to pick.
        Write("complexapp/complexapp.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <ItemGroup><FrameworkReference Include=\"Microsoft.AspNetCore.App\" /></ItemGroup>\n</Project>\n");
        Assert.Equal(["complexapp/complexapp.csproj"], Assert.Single(Detect().Ambiguities).Candidates);
    }

    [Fact]
    public void An_Exec_running_npm_in_the_build_is_a_warning_the_sdk_image_has_no_node()
    {
        // martincostello/dotnet-minimal-api-integration-testing: TodoApp.csproj bundles its TypeScript with npm
        // before every build; the SDK image has no Node.js, so dotnet publish would stop at `npm: not found`.
        Write("Web.csproj", WebProject.Replace("</Project>", """
              <Target Name="BundleAssets" BeforeTargets="BeforeBuild">
                <Exec Command="npm ci" Condition=" !Exists('$(MSBuildThisFileDirectory)\node_modules') " />
                <Exec Command="dotnet tool restore" />
              </Target>
            </Project>
            """, StringComparison.Ordinal));
        Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
        var warning = Assert.Single(Detect().Warnings);
        Assert.StartsWith("Web.csproj:6 runs `npm ci` in the build (target BundleAssets)", warning, StringComparison.Ordinal);
        Assert.Contains("the build stage's .NET SDK image has no Node.js", warning, StringComparison.Ordinal);

        Write("Web.csproj", WebProject);
        Assert.Empty(Detect().Warnings);
    }

    [Fact]
    public void A_project_file_beside_the_solution_that_is_no_web_app_gives_way_to_the_solutions_web_project()
    {
        // almoadi/Template-net10: a packaging-only Template.csproj (PackageType Template, a `dotnet new` pack, not in
        // the solution) beside Template-net10.slnx, whose src/API is the web app. The folder's own project file won
        // and init refused the repository as having no web app.
        Write("Template.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><PackageType>Template</PackageType><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n");
        Write("App.slnx", "<Solution>\n  <Project Path=\"src/API/API.csproj\" />\n  <Project Path=\"src/Domain/Domain.csproj\" />\n</Solution>\n");
        Write("src/API/API.csproj", WebProject.Replace("</Project>", "  <ItemGroup><ProjectReference Include=\"../Domain/Domain.csproj\" /></ItemGroup>\n</Project>", StringComparison.Ordinal));
        Write("src/API/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
        Write("src/Domain/Domain.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n");
        var detection = Detect();
        Assert.Empty(detection.Problems);
        Assert.Equal("src/API/API.csproj", Values(detection)["project-file"]);
        Assert.Equal("the web project of App.slnx", From(detection, "project-file"));

        // The folder's project file still wins when it is the web app, whatever else the solution lists.
        Write("Template.csproj", WebProject);
        Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
        Assert.Equal("Template.csproj", Values(Detect())["project-file"]);
    }

    [Fact]
    public void Projects_under_src_without_a_solution_are_found_but_a_folder_of_unrelated_projects_is_not()
    {
        Write("src/Api/Api.csproj", WebProject);
        Write("src/Api/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
        Assert.Equal("src/Api/Api.csproj", Values(Detect())["project-file"]);

        Directory.Move(_work.Combine("src"), _work.Combine("projects"));
        Assert.Null(ProjectDetectors.For("dotnet")!.Detect(new ProjectFolder(_work.Path)));
    }
}
