using Multistage.Core.Dockerize;
using Multistage.Tests.Shared;

namespace Core.Tests;

/// <summary>What the Node detector reads beyond the layouts' .init-test.json: its warnings and refusals
/// (each naming the change), build outputs it cannot prove, package managers, workspaces, and what it
/// finds in the code (loopback binds, health routes, handlers, required variables, written folders).</summary>
public sealed class NodeDetectionTests : IDisposable
{
    private readonly TempFolder _project = TempFolder.Create("node-detect");

    public void Dispose() => _project.Dispose();

    public static TheoryData<string> NodeLayouts() => new(InitLayouts.All.Where(l => l.Language == "node").Select(l => l.Folder));

    [Theory]
    [MemberData(nameof(NodeLayouts))]
    public void Layout_prints_exactly_its_warnings(string layoutName)
    {
        var layout = InitLayouts.Get(layoutName);
        var detection = Detect(Path.Combine(InitLayouts.Directory(TestRepository.Root), layoutName));
        foreach (var part in layout.Warnings)
        {
            Assert.True(detection.Warnings.Any(w => w.Contains(part, StringComparison.Ordinal)),
                $"{layoutName}: no warning contains '{part}'; warnings: [{string.Join(" | ", detection.Warnings)}].");
        }

        Assert.True(layout.Warnings.Count > 0 || detection.Warnings.Count == 0, $"{layoutName}: unexpected warnings [{string.Join(" | ", detection.Warnings)}].");
    }

    [Fact]
    public void The_entry_that_checks_itself_gets_its_probe_and_another_file_naming_one_does_not()
    {
        Write("package.json", """{ "name": "x", "scripts": { "start": "node server.js" } }""");
        Write("server.js", "const args = process.argv.slice(2);\nif (args[0] === '--healthcheck') { process.exit(0); }\nrequire('http').createServer().listen(8080);\n");
        Assert.Equal("--healthcheck", Values(Detect())["probe"]);

        // The HEALTHCHECK runs the entry with the argument: a probe another file handles is not the entry's.
        Write("server.js", "require('http').createServer().listen(8080);\n");
        Write("scripts/check.js", "if (process.argv[2] === '--healthcheck') { process.exit(0); }\n");
        Assert.DoesNotContain(Detect().Values, v => v.Option == "probe");
    }

    [Fact]
    public void Start_script_running_a_tsc_output_with_no_source_is_refused()
    {
        Write("package.json", """{ "name": "x", "scripts": { "build": "tsc", "start": "node dist/main.js" } }""");
        Write("tsconfig.json", """{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }""");
        Write("src/server.ts", "export {};\n");
        var detection = Detect();
        Assert.Contains(detection.Problems, p => p.Contains("which tsc would write from src/main.ts; that file does not exist", StringComparison.Ordinal));
        Assert.DoesNotContain(detection.Values, v => v.Option == "build");
    }

    [Fact]
    public void Without_rootDir_a_ts_file_beside_src_makes_tsc_write_dist_src()
    {
        // tsc's rootDir defaults to the inputs' common folder: the project root once a config .ts sits there.
        Write("package.json", """{ "name": "x", "scripts": { "build": "tsc", "start": "node ./dist/src/index.js" } }""");
        Write("tsconfig.json", """{ "compilerOptions": { "outDir": "./dist" } }""");
        Write("drizzle.config.ts", "export default {};\n");
        Write("src/index.ts", "export {};\n");
        var detection = Detect();
        Assert.Empty(detection.Problems);
        Assert.Equal("dist/src/index.js", Values(detection)["entry"]);
        Assert.Equal("true", Values(detection)["build"]);
    }

    [Fact]
    public void NestJS_starter_runs_start_prod_from_what_nest_build_writes()
    {
        // nestjs/typescript-starter: `start` runs the Nest CLI, `start:prod` runs node on the build's output
        // (written without .js, as node resolves it), and `nest build` compiles with tsc to tsconfig's outDir.
        Write("package.json", """{ "name": "x", "scripts": { "build": "nest build", "start": "nest start", "start:prod": "node dist/main" } }""");
        Write("tsconfig.json", """{ "compilerOptions": { "outDir": "./dist" } }""");
        Write("tsconfig.build.json", """{ "extends": "./tsconfig.json", "exclude": ["node_modules", "dist", "test", "**/*spec.ts"] }""");
        Write("src/main.ts", "export {};\n");
        Write("src/app.controller.spec.ts", "export {};\n");
        Write("test/app.e2e-spec.ts", "export {};\n");
        var detection = Detect();
        Assert.Empty(detection.Problems);
        Assert.Equal("dist/main.js", Values(detection)["entry"]);
        Assert.Equal("true", Values(detection)["build"]);
        Assert.Equal("dist", Values(detection)["build-output"]);
        Assert.Contains(detection.Values, v => v.Option == "entry" && v.From.StartsWith("package.json scripts.start:prod (node dist/main)", StringComparison.Ordinal));

        // Without tsconfig.build.json, nest build compiles tsconfig.json's inputs, test/ too: dist/src/main.js.
        File.Delete(Path.Combine(_project.Path, "tsconfig.build.json"));
        Assert.Contains(Detect().Problems, p => p.Contains("but tsc writes dist/src/main.js from src/main.ts", StringComparison.Ordinal)
            && p.Contains("(test/app.e2e-spec.ts beside src/)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_include_of_the_whole_folder_with_a_config_ts_beside_src_writes_dist_src()
    {
        // snowball-tools/turbo-monorepo's apps/api (were noEmit off): include ["."] takes eslint.config.ts too, so tsc
        // writes dist/src/index.js, and `node dist/index.js` would find nothing.
        Write("package.json", """{ "name": "x", "scripts": { "build": "tsc", "start": "node dist/index.js" } }""");
        Write("tsconfig.json", """{ "compilerOptions": { "outDir": "./dist" }, "exclude": ["node_modules"], "include": ["."] }""");
        Write("eslint.config.ts", "export default [];\n");
        Write("src/index.ts", "export {};\n");
        Assert.Contains(Detect().Problems, p => p.Contains("but tsc writes dist/src/index.js from src/index.ts: its inputs' common folder is the project's (eslint.config.ts beside src/). Set \"rootDir\": \"src\"", StringComparison.Ordinal));

        // A declaration file beside src/ is not an input, and an include of src leaves the config file out.
        File.Move(Path.Combine(_project.Path, "eslint.config.ts"), Path.Combine(_project.Path, "env.d.ts"));
        Assert.Equal("dist/index.js", Values(Detect())["entry"]);
        Write("eslint.config.ts", "export default [];\n");
        Write("tsconfig.json", """{ "compilerOptions": { "outDir": "./dist" }, "include": ["src/**/*"] }""");
        Assert.Equal("dist/index.js", Values(Detect())["entry"]);
    }

    [Fact]
    public void A_start_script_that_runs_node_wins_over_start_prod_and_serve_counts_when_start_is_missing()
    {
        // edwinhern/express-typescript: no start script, a .ts main, `start:prod` runs the build's output.
        Write("package.json", """{ "name": "x", "main": "index.ts", "scripts": { "build": "tsc && tsup", "start:prod": "node dist/index.js" } }""");
        Write("tsconfig.json", """{ "compilerOptions": { "outDir": "dist" }, "include": ["src/**/*"] }""");
        Write("src/index.ts", "export {};\n");
        Assert.Equal("dist/index.js", Values(Detect())["entry"]);

        Write("package.json", """{ "name": "x", "scripts": { "build": "tsc", "serve": "cross-env NODE_ENV=production node --enable-source-maps dist/index.js" } }""");
        Assert.Equal("dist/index.js", Values(Detect())["entry"]);

        Write("server.js", "require('http').createServer().listen(8080);\n");
        Write("package.json", """{ "name": "x", "scripts": { "start": "node server.js", "start:prod": "node -r dotenv/config dist/index.js" } }""");
        Assert.Equal("server.js", Values(Detect())["entry"]);
    }

    [Fact]
    public void Workspace_member_with_only_a_serve_script_running_node_is_the_app()
    {
        // A Turborepo starter: apps/api serves with `serve: node dist/index.js`, apps/web is a Vite app.
        Write("package.json", """{ "name": "mono", "private": true }""");
        Write("pnpm-workspace.yaml", "packages:\n  - apps/*\n");
        Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        Write("apps/api/package.json", """{ "name": "api", "scripts": { "build": "tsc", "serve": "node dist/index.js" } }""");
        Write("apps/api/tsconfig.json", """{ "compilerOptions": { "outDir": "./dist", "rootDir": "src" } }""");
        Write("apps/api/src/index.ts", "export {};\n");
        Write("apps/web/package.json", """{ "name": "web", "scripts": { "dev": "vite", "serve": "vite preview" } }""");
        var detection = Detect();
        Assert.Empty(detection.Problems);
        Assert.Equal("apps/api", Values(detection)["workspace-member"]);
        Assert.Equal("dist/index.js", Values(detection)["entry"]);
    }

    [Fact]
    public void A_fastify_cli_plugin_is_refused_not_run_as_main()
    {
        // fastify/fastify-example-todo: main is a plugin fastify-cli loads; `node app.js` exits at once (exit 0).
        Write("package.json", """{ "name": "x", "main": "app.js", "scripts": { "start": "fastify start -l info app.js" }, "dependencies": { "fastify-cli": "^7.0.0" } }""");
        Write("app.js", "module.exports = async function (fastify, opts) {\n  fastify.get('/', async () => 'hi');\n};\n");
        var detection = Detect();
        Assert.Contains(detection.Problems, p => p.Contains("loads app.js as a plugin", StringComparison.Ordinal) && p.Contains("fastify eject", StringComparison.Ordinal) && p.Contains("--set entry=server.js", StringComparison.Ordinal));
        Assert.DoesNotContain(detection.Values, v => v.Option == "entry");

        // Once ejected (server.js listens), the entry is given and stands.
        Write("server.js", "require('fastify')().register(require('./app')).listen({ port: 3000, host: '0.0.0.0' });\n");
        var given = new Dictionary<string, string> { ["entry"] = "server.js" };
        Assert.Empty(ProjectDetectors.For("node")!.Detect(new ProjectFolder(_project.Path) { Given = given })!.Problems);
    }

    [Fact]
    public void Tsc_under_an_extended_noEmit_writes_nothing_and_is_refused()
    {
        // snowball-tools/turbo-monorepo: apps/api builds with `tsc` and serves dist/index.js, but its tsconfig
        // extends the workspace's @acme/typescript-config/base.json, which sets noEmit: the image had no dist/.
        Write("package.json", """{ "name": "mono", "private": true }""");
        Write("pnpm-workspace.yaml", "packages:\n  - apps/*\n  - packages/*\n");
        Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        Write("packages/typescript-config/package.json", """{ "name": "@acme/typescript-config" }""");
        Write("packages/typescript-config/base.json", """{ "compilerOptions": { "strict": true, "noEmit": true } }""");
        Write("apps/api/package.json", """{ "name": "api", "scripts": { "build": "tsc", "serve": "node dist/index.js" } }""");
        Write("apps/api/tsconfig.json", """{ "extends": "@acme/typescript-config/base.json", "compilerOptions": { "outDir": "./dist" } }""");
        Write("apps/api/src/index.ts", "export {};\n");
        var detection = Detect();
        Assert.Contains(detection.Problems, p => p.Contains("writes nothing: tsconfig.json extends ../../packages/typescript-config/base.json, which sets noEmit", StringComparison.Ordinal));
        Assert.DoesNotContain(detection.Values, v => v.Option == "entry");

        // The member's own "noEmit": false wins over the base, as in tsc; a relative extends is read too.
        Write("apps/api/tsconfig.json", """{ "extends": "../../packages/typescript-config/base.json", "compilerOptions": { "outDir": "./dist", "noEmit": false } }""");
        Assert.Empty(Detect().Problems);

        // A bundler after tsc writes the output whatever tsc's noEmit says.
        Write("apps/api/tsconfig.json", """{ "extends": "../../packages/typescript-config/base.json", "compilerOptions": { "outDir": "./dist" } }""");
        Write("apps/api/package.json", """{ "name": "api", "scripts": { "build": "tsc && tsup src/index.ts -d dist", "serve": "node dist/index.js" } }""");
        Assert.DoesNotContain(Detect().Problems, p => p.Contains("noEmit", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bare_tsup_build_writes_dist_unless_its_config_names_another_folder()
    {
        // Turborepo's kitchen-sink apps/api: "build": "tsup", "start": "node dist/index.js", the entry in tsup.config.ts.
        Write("package.json", """{ "name": "api", "scripts": { "build": "tsup", "start": "node dist/index.js" } }""");
        Write("tsup.config.ts", "export default defineConfig({ entryPoints: [\"src/index.ts\"], format: [\"cjs\"] });\n");
        Write("src/index.ts", "export {};\n");
        var detection = Detect();
        Assert.Empty(detection.Problems);
        Assert.Equal(("true", "dist"), (Values(detection)["build"], Values(detection)["build-output"]));

        // An outDir elsewhere: dist/index.js is not what tsup writes.
        Write("tsup.config.ts", "export default defineConfig({ entry: ['src/index.ts'], outDir: 'build' });\n");
        Assert.Contains(Detect().Problems, p => p.Contains("says the build writes dist/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_start_script_running_typescript_through_a_runner_names_the_build_to_add()
    {
        // 0xChqrles/unrug-api: `"start": "tsx src/index.ts"`, no build; tsx is a development dependency.
        Write("package.json", """{ "name": "x", "scripts": { "start": "tsx src/index.ts", "typecheck": "tsc --noEmit" }, "devDependencies": { "tsx": "^4.7.2" } }""");
        Write("src/index.ts", "export {};\n");
        var detection = Detect();
        Assert.Contains(detection.Problems, p => p.Contains("runs src/index.ts through tsx", StringComparison.Ordinal)
            && p.Contains("\"start:prod\": \"node dist/index.js\"", StringComparison.Ordinal));

        Write("package.json", """{ "name": "x", "scripts": { "start": "node --import tsx src/index.ts" } }""");
        Assert.Contains(Detect().Problems, p => p.Contains("runs src/index.ts through node --import tsx", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_entry_stands_even_where_the_detector_would_refuse_its_own_guess()
    {
        Write("package.json", """{ "name": "x", "scripts": { "build": "tsc", "start": "node dist/main.js" } }""");
        Write("tsconfig.json", """{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }""");
        Write("src/server.ts", "export {};\n");
        var given = new Dictionary<string, string> { ["entry"] = "dist/server.js", ["build"] = "true" };
        var detection = ProjectDetectors.For("node")!.Detect(new ProjectFolder(_project.Path) { Given = given })!;
        Assert.Empty(detection.Problems);
        Assert.DoesNotContain(detection.Notes, n => n.Contains("--set build=true", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_workspace_member_picks_a_member_without_a_start_script()
    {
        Write("package.json", """{ "name": "mono", "private": true }""");
        Write("pnpm-workspace.yaml", "packages:\n  - apps/*\n");
        Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        Write("apps/api/package.json", """{ "name": "api", "scripts": { "build": "tsc" } }""");
        Write("apps/web/package.json", """{ "name": "web" }""");
        Assert.Contains(Detect().Problems, p => p.Contains("or pass --set workspace-member=<its folder> --set entry=", StringComparison.Ordinal));

        var given = new Dictionary<string, string> { ["workspace-member"] = "apps/api", ["entry"] = "dist/index.js", ["build"] = "true" };
        var detection = ProjectDetectors.For("node")!.Detect(new ProjectFolder(_project.Path) { Given = given })!;
        Assert.Empty(detection.Problems);
        Assert.Equal("api", detection.Name);

        var wrong = ProjectDetectors.For("node")!.Detect(new ProjectFolder(_project.Path) { Given = new Dictionary<string, string> { ["workspace-member"] = "apps/nope" } })!;
        Assert.Contains(wrong.Problems, p => p.Contains("--set workspace-member=apps/nope: no member of the pnpm workspace is there: pass one of apps/api, apps/web.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_SIGTERM_handler_that_only_logs_is_a_warning_and_one_that_closes_is_not()
    {
        Write("package.json", """{ "name": "x", "main": "index.js" }""");
        Write("index.js", "const server = require('http').createServer().listen(8080);\nprocess.on('SIGTERM', () => {\n  console.log('Caught SIGTERM.');\n});\n");
        Assert.Contains(Detect().Warnings, w => w.StartsWith("index.js:2 ", StringComparison.Ordinal) && w.Contains("neither closes the server nor exits", StringComparison.Ordinal));

        Write("index.js", "const server = require('http').createServer().listen(8080);\nprocess.on('SIGTERM', () => {\n  console.log('bye');\n  server.close();\n});\n");
        Assert.Empty(Detect().Warnings);

        Write("index.js", "const server = require('http').createServer().listen(8080);\nprocess.on('SIGTERM', onTerm);\n");
        Assert.Empty(Detect().Warnings);
    }

    [Fact]
    public void Fastify_listening_without_a_host_is_a_loopback_warning()
    {
        Write("package.json", """{ "name": "x", "main": "server.js", "dependencies": { "fastify": "^5.0.0" } }""");
        Write("server.js", "const app = require('fastify')();\napp.get('/', async () => 'hi');\napp.listen({ port: 3000 });\n");
        Assert.Contains(Detect().Warnings, w => w.StartsWith("server.js:3 ", StringComparison.Ordinal) && w.Contains("pass host: '0.0.0.0'", StringComparison.Ordinal));

        Write("server.js", "const app = require('fastify')();\napp.get('/', async () => 'hi');\napp.listen({ port: 3000, host: '0.0.0.0' });\n");
        Assert.DoesNotContain(Detect().Warnings, w => w.Contains("Fastify", StringComparison.Ordinal));
    }

    [Fact]
    public void Health_routes_come_from_the_shared_list_in_its_order()
    {
        Write("package.json", """{ "name": "x", "main": "server.js" }""");
        Write("server.js", "app.get('/ping', ok);\napp.get('/health-check', ok);\napp.listen(3000);\n");
        Assert.Equal("/health-check", Values(Detect())["health-path"]);
    }

    [Fact]
    public void Start_script_outside_tsconfigs_outDir_is_refused()
    {
        Write("package.json", """{ "name": "x", "scripts": { "build": "tsc", "start": "node build/server.js" } }""");
        Write("tsconfig.json", "{ \"compilerOptions\": { \"outDir\": \"./lib\", }, // trailing comma and comment\n}");
        Write("src/server.ts", "export {};\n");
        Assert.Contains(Detect().Problems, p => p.Contains("tsconfig.json's outDir is ./lib", StringComparison.Ordinal));
    }

    [Fact]
    public void Bundler_writing_the_start_scripts_folder_turns_the_build_on()
    {
        Write("package.json", """{ "name": "x", "scripts": { "build": "esbuild src/server.ts --bundle --platform=node --outfile=out/server.js", "start": "node out/server.js" } }""");
        Write("src/server.ts", "export {};\n");
        var values = Values(Detect());
        Assert.Equal("out/server.js", values["entry"]);
        Assert.Equal("true", values["build"]);
        Assert.Equal("out", values["build-output"]);
    }

    [Fact]
    public void Missing_build_output_without_a_build_script_asks_for_the_entry()
    {
        Write("package.json", """{ "name": "x", "scripts": { "start": "node dist/server.js" } }""");
        var ambiguity = Assert.Single(Detect().Ambiguities);
        Assert.Equal("entry", ambiguity.Option);
        Assert.Contains("runs dist/server.js, which does not exist", ambiguity.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Yarn_berry_with_plug_n_play_is_refused_naming_node_linker()
    {
        Write("package.json", """{ "name": "x", "main": "index.js", "packageManager": "yarn@4.5.0+sha512.abc" }""");
        Write("yarn.lock", "__metadata:\n  version: 8\n");
        Write("index.js", "");
        var detection = Detect();
        Assert.Equal("yarn-berry", Values(detection)["package-manager"]);
        Assert.Equal("4.5.0", Values(detection)["yarn-version"]);
        Assert.Contains(detection.Problems, p => p.Contains("add `nodeLinker: node-modules` to .yarnrc.yml", StringComparison.Ordinal));

        Write(".yarnrc.yml", "nodeLinker: node-modules\n");
        Assert.Empty(Detect().Problems);
    }

    [Fact]
    public void Two_lock_files_without_packageManager_ask_which()
    {
        Write("package.json", """{ "name": "x", "main": "index.js" }""");
        Write("index.js", "");
        Write("package-lock.json", "{}");
        Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        var ambiguity = Assert.Single(Detect().Ambiguities);
        Assert.Equal("package-manager", ambiguity.Option);
        Assert.Equal(["pnpm", "npm"], ambiguity.Candidates);
    }

    [Fact]
    public void Pnpm_without_its_lock_file_is_refused()
    {
        Write("package.json", """{ "name": "x", "main": "index.js", "packageManager": "pnpm@9.15.0" }""");
        Write("index.js", "");
        Assert.Equal(["No pnpm-lock.yaml: a frozen install needs it. Run `pnpm install` and commit pnpm-lock.yaml, then init again."], Detect().Problems);
    }

    [Fact]
    public void Pnpm_workspace_with_two_apps_asks_which_member_with_what_each_runs()
    {
        Write("package.json", """{ "name": "mono", "private": true }""");
        Write("pnpm-workspace.yaml", "packages:\n  - 'apps/*'   # the services\n  - packages/*\n");
        Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        Write("apps/api/package.json", """{ "name": "@m/api", "scripts": { "start": "node src/api.js" } }""");
        Write("apps/web/package.json", """{ "name": "@m/web", "scripts": { "start": "node server.js" } }""");
        Write("packages/lib/package.json", """{ "name": "@m/lib", "main": "index.js" }""");
        var ambiguity = Assert.Single(Detect().Ambiguities);
        Assert.Equal("workspace-member", ambiguity.Option);
        Assert.Equal(["apps/api", "apps/web"], ambiguity.Candidates);
        Assert.Contains("apps/api runs `node src/api.js`", ambiguity.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_in_a_workspace_member_names_the_root_to_run_it_in()
    {
        Write("package.json", """{ "name": "mono", "private": true }""");
        Write("pnpm-workspace.yaml", "packages:\n  - apps/*\n");
        Write("apps/api/package.json", """{ "name": "@m/api", "scripts": { "start": "node index.js" } }""");
        Write("apps/api/index.js", "");
        var detection = Detect(_project.Combine("apps", "api"));
        var problem = Assert.Single(detection.Problems);
        Assert.Contains("Run `multistage init ../..` (with --set workspace-member=apps/api", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Yarn_classic_workspaces_are_read_like_npm_ones_and_berry_ones_refused()
    {
        // smartclash/simple-monorepo's shape: Yarn 1 workspaces, packages/server uses packages/common.
        Write("package.json", """{ "private": true, "workspaces": ["packages/*"] }""");
        Write("yarn.lock", "# yarn lockfile v1\n");
        Write("packages/server/package.json", """{ "name": "@mono/server", "scripts": { "start": "node index.js" }, "dependencies": { "@mono/common": "1.0.0" } }""");
        Write("packages/server/index.js", "require('http').createServer().listen(process.env.PORT || 8080);\n");
        Write("packages/common/package.json", """{ "name": "@mono/common", "version": "1.0.0" }""");
        var detection = Detect();
        Assert.Empty(detection.Problems);
        Assert.Equal(("yarn", "packages/server", "packages/common"),
            (Values(detection)["package-manager"], Values(detection)["workspace-member"], Values(detection)["workspace-packages"]));

        Write("package.json", """{ "private": true, "workspaces": ["packages/*"], "packageManager": "yarn@4.18.1" }""");
        Write(".yarnrc.yml", "nodeLinker: node-modules\n");
        Assert.Contains(Detect().Problems, p => p.Contains("declares Yarn Berry workspaces (packages/*)", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_start_scripts_the_member_that_listens_is_the_app_and_its_undeclared_member_imports_are_used()
    {
        // smartclash/simple-monorepo: no start script (nodemon runs main), and server imports
        // @simple-monorepo/common without listing it (Yarn 1 links every member at the root).
        Write("package.json", """{ "private": true, "workspaces": ["packages/*"] }""");
        Write("yarn.lock", "# yarn lockfile v1\n");
        Write("packages/server/package.json", """{ "name": "@mono/server", "main": "./index.js", "scripts": { "restarter": "nodemon ." }, "dependencies": { "express": "^4.17.1" } }""");
        Write("packages/server/index.js", "const add = require('@mono/common');\nrequire('express')().listen(8080);\n");
        Write("packages/common/package.json", """{ "name": "@mono/common", "main": "./index.js" }""");
        Write("packages/common/index.js", "module.exports = (a, b) => a + b;\n");
        var detection = Detect();
        Assert.Empty(detection.Problems);
        Assert.Equal(("packages/server", "index.js", "packages/common"),
            (Values(detection)["workspace-member"], Values(detection)["entry"], Values(detection)["workspace-packages"]));
        Assert.Contains(detection.Notes, n => n.StartsWith("packages/server imports @mono/common, which its package.json does not list", StringComparison.Ordinal));
    }

    [Fact]
    public void A_build_in_an_install_hook_is_refused_naming_the_script_to_move_it_to()
    {
        // smartclash/simple-monorepo: "postinstall": "yarn workspaces run build" ran tsc before the sources were copied.
        Write("package.json", """{ "private": true, "workspaces": ["packages/*"], "scripts": { "postinstall": "yarn workspaces run build" } }""");
        Write("yarn.lock", "# yarn lockfile v1\n");
        Write("packages/server/package.json", """{ "name": "server", "scripts": { "start": "node index.js" } }""");
        Write("packages/server/index.js", "require('http').createServer().listen(8080);\n");
        Assert.Contains(Detect().Problems, p => p.StartsWith("package.json's postinstall script (yarn workspaces run build) builds at install time", StringComparison.Ordinal));

        // A hook that builds nothing (husky, prisma generate) stands.
        Write("package.json", """{ "private": true, "workspaces": ["packages/*"], "scripts": { "prepare": "husky" } }""");
        Assert.Empty(Detect().Problems);
    }

    [Fact]
    public void A_double_star_workspace_glob_finds_members_nested_deeper()
    {
        // A pnpm-monorepo-starter: `packages: [packages/**]` with packages/apps/backend and packages/libs/errors.
        Write("package.json", """{ "name": "mono", "private": true }""");
        Write("pnpm-workspace.yaml", "packages:\n  - packages/**\n");
        Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        Write("packages/apps/backend/package.json", """{ "name": "@org/backend", "scripts": { "start": "node index.js" }, "dependencies": { "@org/errors": "workspace:*" } }""");
        Write("packages/apps/backend/index.js", "require('http').createServer().listen(8080);\n");
        Write("packages/libs/errors/package.json", """{ "name": "@org/errors" }""");
        var detection = Detect();
        Assert.Empty(detection.Problems);
        Assert.Equal("packages/apps/backend", Values(detection)["workspace-member"]);
    }

    [Fact]
    public void Npm_workspace_member_with_a_build_step_builds_after_the_members_it_uses_in_their_order()
    {
        // Turborepo's kitchen-sink (npm): apps/api builds with tsup and imports @repo/logger, itself built to dist/.
        Write("package.json", """{ "name": "mono", "workspaces": { "packages": ["apps/*", "libs/*"] } }""");
        Write("package-lock.json", "{}");
        Write("apps/api/package.json", """{ "name": "api", "scripts": { "start": "node dist/main.js", "build": "tsc" }, "dependencies": { "core": "*" } }""");
        Write("apps/api/tsconfig.json", """{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }""");
        Write("apps/api/src/main.ts", "");
        Write("libs/core/package.json", """{ "name": "core", "dependencies": { "util": "*" } }""");
        Write("libs/util/package.json", """{ "name": "util" }""");
        Write("libs/other/package.json", """{ "name": "other" }""");
        var detection = Detect();
        Assert.Empty(detection.Problems);
        // util before core: core's build may need util's output (its types).
        Assert.Equal("libs/util libs/core", Values(detection)["workspace-packages"]);
        Assert.Equal(("true", "dist"), (Values(detection)["build"], Values(detection)["build-output"]));
    }

    [Fact]
    public void A_database_port_read_before_the_apps_own_is_not_the_port()
    {
        // fahyik/monorepo-boilerplate's apps/api: src/db/index.ts (read first, by path) connects to DB_PORT || 5432,
        // src/index.ts listens on PORT || 3001.
        Write("package.json", """{ "name": "x", "main": "src/index.js" }""");
        Write("src/db/index.js", "module.exports = { host: process.env.DB_HOSTNAME || 'db', port: parseInt(process.env.DB_PORT || \"5432\") };\n");
        Write("src/index.js", "const port = process.env.PORT || \"3001\";\nrequire('http').createServer().listen(port);\n");
        var detection = Detect();
        Assert.Equal("3001", Values(detection)["port"]);
        Assert.DoesNotContain(detection.Values, v => v.Option == "port-variable");

        // Only the database's: no port read from it, and no port variable either.
        Write("src/index.js", "require('http').createServer().listen(process.env.PORT);\n");
        Assert.DoesNotContain(Detect().Values, v => v.Option is "port" or "port-variable");
    }

    [Fact]
    public void A_localhost_literal_in_listen_is_a_warning_naming_file_line_and_change()
    {
        Write("package.json", """{ "name": "x", "main": "app.js" }""");
        Write("app.js", "const app = require('express')();\n\napp.listen(process.env.PORT || 3000, 'localhost');\n");
        var detection = Detect();
        Assert.Equal(["app.js:3 (app.listen(process.env.PORT || 3000, 'localhost');) listens on localhost only, which no published port reaches: change 'localhost' to '0.0.0.0' (or leave the host out)."],
            detection.Warnings);
        Assert.Equal("3000", Values(detection)["port"]);
    }

    [Fact]
    public void A_host_variable_defaulting_to_loopback_is_a_warning_naming_the_variable()
    {
        Write("package.json", """{ "name": "x", "main": "app.js" }""");
        Write("app.js", "const host = process.env.HOST || 'localhost';\nrequire('http').createServer().listen(8080, host);\n");
        Assert.Equal(["app.js:1 (const host = process.env.HOST || 'localhost';): app.js:2 listens on host, 'localhost' unless HOST is set, which no published port reaches: add `ENV HOST=0.0.0.0` to the Dockerfile's final stage (or change the default to '0.0.0.0')."],
            Detect().Warnings);
    }

    [Fact]
    public void A_database_host_on_localhost_is_no_warning()
    {
        Write("package.json", """{ "name": "x", "main": "app.js" }""");
        Write("app.js", "const db = { host: 'localhost' };\nconst DB_HOST = '127.0.0.1';\nrequire('http').createServer().listen(8080);\n");
        Assert.Empty(Detect().Warnings);
    }

    [Fact]
    public void Code_without_a_sigterm_handler_gets_tini_and_one_with_it_does_not()
    {
        Write("package.json", """{ "name": "x", "main": "app.js" }""");
        Write("app.js", "require('http').createServer().listen(8080);\n// process.on('SIGTERM') is only a comment here\n");
        Assert.Equal("true", Values(Detect())["tini"]);

        Write("app.js", "const s = require('http').createServer().listen(8080);\nprocess.once('SIGTERM', () => s.close());\n");
        var tini = Assert.Single(Detect().Values, v => v.Option == "tini");
        Assert.Equal("false", tini.Value);
        Assert.StartsWith("app.js:2 (", tini.From, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_the_app_creates_are_writable()
    {
        Write("package.json", """{ "name": "x", "main": "app.js" }""");
        Write("app.js", "const fs = require('fs');\nconst path = require('path');\nfs.mkdirSync(path.join(__dirname, 'uploads'), { recursive: true });\nfs.mkdirSync('./data/cache', { recursive: true });\nfs.mkdirSync('/tmp/x');\n");
        Assert.Equal("uploads data/cache", Values(Detect())["writable"]);
    }

    [Fact]
    public void The_most_specific_health_route_wins()
    {
        Write("package.json", """{ "name": "x", "main": "app.js" }""");
        Write("app.js", "app.get('/health', ok);\napp.get(\"/healthz\", ok);\napp.listen(8080);\n");
        Assert.Equal("/healthz", Values(Detect())["health-path"]);
    }

    [Fact]
    public void A_given_entry_must_exist_or_be_what_the_build_writes()
    {
        var typescript = new ProjectFolder(Path.Combine(InitLayouts.Directory(TestRepository.Root), "node-typescript"));
        var detector = ProjectDetectors.For("node")!;
        Dictionary<string, string> Chosen(string entry) => new() { ["entry"] = entry, ["build"] = "true", ["build-output"] = "dist" };
        HashSet<string> given = ["entry"];

        Assert.Empty(detector.CheckChosen(typescript, Chosen("dist/uptime.js"), given));
        Assert.Empty(detector.CheckChosen(typescript, Chosen("tsconfig.json"), given));
        Assert.Equal(
            ["--set entry=dist/nope.js runs dist/nope.js, which tsc would write from src/nope.ts; that file does not exist: pass --set entry=<outDir>/<file>.js for a source that does."],
            detector.CheckChosen(typescript, Chosen("dist/nope.js"), given));
        Assert.Equal(
            ["entry lib/x.js: there is no lib/x.js (if the build writes it, add --set build=true --set build-output=lib): pass --set entry=<the file node runs>."],
            detector.CheckChosen(typescript, new Dictionary<string, string> { ["entry"] = "lib/x.js" }, given));
        // Detected values alone are not checked again.
        Assert.Empty(detector.CheckChosen(typescript, new Dictionary<string, string> { ["entry"] = "lib/x.js" }, new HashSet<string>()));
    }

    [Fact]
    public void A_given_workspace_member_is_checked_and_the_entry_is_looked_for_in_it()
    {
        var workspace = new ProjectFolder(Path.Combine(InitLayouts.Directory(TestRepository.Root), "node-pnpm-workspace"));
        var detector = ProjectDetectors.For("node")!;
        Assert.Empty(detector.CheckChosen(workspace, new Dictionary<string, string> { ["workspace-member"] = "apps/board", ["entry"] = "src/main.js" }, new HashSet<string> { "workspace-member" }));
        Assert.StartsWith("--set workspace-member=apps/web: there is no apps/web/package.json",
            Assert.Single(detector.CheckChosen(workspace, new Dictionary<string, string> { ["workspace-member"] = "apps/web", ["entry"] = "src/main.js" }, new HashSet<string> { "workspace-member" })));
        Assert.StartsWith("entry main.js: there is no apps/board/main.js",
            Assert.Single(detector.CheckChosen(workspace, new Dictionary<string, string> { ["workspace-member"] = "apps/board", ["entry"] = "main.js" }, new HashSet<string> { "entry" })));
    }

    private void Write(string relative, string text)
    {
        var path = _project.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private ProjectDetection Detect(string? folder = null) =>
        ProjectDetectors.For("node")!.Detect(new ProjectFolder(folder ?? _project.Path))!;

    private static Dictionary<string, string> Values(ProjectDetection detection) =>
        detection.Values.ToDictionary(v => v.Option, v => v.Value, StringComparer.Ordinal);
}
