using Multistage.Core.Dockerize;
using Multistage.Tests.Shared;

namespace Core.Tests;

/// <summary>What the Python detector reads that a layout's .init-test.json cannot say: warnings with their
/// file:line and change, refusals, notes, and the Django layout (Django is not in the offline wheelhouse).</summary>
public sealed class PythonDetectionTests
{
    private static ProjectDetection Detect(params (string Path, string Text)[] files)
    {
        using var folder = TempFolder.Create("init-python");
        foreach (var (path, text) in files)
        {
            var full = folder.Combine(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return Assert.Single(ProjectDetectors.DetectAll(new ProjectFolder(folder.Path)));
    }

    private static string Value(ProjectDetection detection, string option) =>
        detection.Values.Single(v => v.Option == option).Value;

    [Fact]
    public void Gunicorn_config_binding_loopback_is_a_warning_naming_file_line_and_change()
    {
        var detection = Detect(
            ("requirements.txt", "Flask==3.1.1\ngunicorn==23.0.0\n"),
            ("app.py", "from flask import Flask\n\napp = Flask(__name__)\n"),
            ("gunicorn.conf.py", "workers = 2\nbind = \"127.0.0.1:8000\"\n"));

        var warning = Assert.Single(detection.Warnings);
        Assert.StartsWith("gunicorn.conf.py:2 (bind = \"127.0.0.1:8000\") binds the loopback address", warning, StringComparison.Ordinal);
        Assert.Contains("bind \"0.0.0.0:<port>\"", warning, StringComparison.Ordinal);
        Assert.Equal("8000", Value(detection, "port"));
    }

    [Fact]
    public void Gunicorn_config_with_uvicorn_workers_serves_the_asgi_app_with_gunicorn_on_its_bind()
    {
        var detection = Detect(
            ("requirements.txt", "fastapi==0.115.0\ngunicorn==23.0.0\nuvicorn==0.30.0\n"),
            ("main.py", "from fastapi import FastAPI\n\napp = FastAPI()\n"),
            ("gunicorn.conf.py", "workers = 2\nworker_class = \"uvicorn.workers.UvicornWorker\"\nbind = \"0.0.0.0:8000\"\n"));

        var server = detection.Values.Single(v => v.Option == "server");
        Assert.Equal("gunicorn", server.Value);
        Assert.StartsWith("gunicorn.conf.py:2 (worker_class = \"uvicorn.workers.UvicornWorker\")", server.From, StringComparison.Ordinal);
        Assert.Equal("8000", Value(detection, "port"));
        Assert.Equal("main:app", Value(detection, "app"));
        Assert.Equal("false", Value(detection, "add-gunicorn"));
        Assert.DoesNotContain(detection.Values, v => v.Option == "add-uvicorn");
        Assert.DoesNotContain(detection.Values, v => v.Option == "gunicorn-config");
        Assert.Equal("Python (FastAPI, ASGI)", detection.Kind);
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Gunicorn_config_without_uvicorn_workers_is_named_as_unused_for_an_asgi_app()
    {
        var detection = Detect(
            ("requirements.txt", "fastapi==0.115.0\nuvicorn==0.30.0\n"),
            ("main.py", "from fastapi import FastAPI\n\napp = FastAPI()\n"),
            ("gunicorn.conf.py", "bind = \"0.0.0.0:8000\"\n"));

        Assert.Equal("uvicorn", Value(detection, "server"));
        Assert.Contains(detection.Notes, n => n.StartsWith("gunicorn.conf.py is not used", StringComparison.Ordinal));
    }

    [Fact]
    public void Gunicorn_config_settings_the_entrypoint_flags_change_are_named()
    {
        var detection = Detect(
            ("requirements.txt", "Flask==3.1.1\ngunicorn==23.0.0\n"),
            ("app.py", "from flask import Flask\n\napp = Flask(__name__)\n"),
            ("gunicorn.conf.py", "accesslog = \"-\"\ngraceful_timeout = 30\n"));

        Assert.Equal(
            ["gunicorn.conf.py:2 (graceful_timeout = 30) is overridden by the ENTRYPOINT's --graceful-timeout 2 (the stop ends within docker stop's 10 s)."],
            detection.Notes.Where(n => n.Contains("overridden", StringComparison.Ordinal)));
    }

    [Fact]
    public void Gunicorn_config_under_another_name_is_passed_with_c()
    {
        var detection = Detect(
            ("requirements.txt", "Flask==3.1.1\ngunicorn==23.0.0\n"),
            ("app.py", "from flask import Flask\n\napp = Flask(__name__)\n"),
            ("gunicorn_conf.py", "bind = \"0.0.0.0:5000\"\n"));

        Assert.Equal("gunicorn_conf.py", Value(detection, "gunicorn-config"));
        Assert.Equal("5000", Value(detection, "port"));
        Assert.Equal("Python (Flask, WSGI)", detection.Kind);
    }

    [Fact]
    public void Gunicorn_config_a_procfile_names_with_c_is_read_and_passed()
    {
        var detection = Detect(
            ("requirements.txt", "Flask==3.1.1\ngunicorn==23.0.0\n"),
            ("app.py", "from flask import Flask\n\napp = Flask(__name__)\n"),
            ("Procfile", "web: gunicorn -c config/gunicorn.py app:app\n"),
            ("config/gunicorn.py", "bind = \"127.0.0.1:7000\"\n"));

        var config = detection.Values.Single(v => v.Option == "gunicorn-config");
        Assert.Equal("config/gunicorn.py", config.Value);
        Assert.StartsWith("Procfile:1", config.From, StringComparison.Ordinal);
        Assert.Equal("7000", Value(detection, "port"));
        Assert.StartsWith("config/gunicorn.py:1 (bind = \"127.0.0.1:7000\") binds the loopback address", Assert.Single(detection.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Uvicorn_worker_package_missing_is_a_problem()
    {
        var detection = Detect(
            ("requirements.txt", "starlette==0.40.0\ngunicorn==23.0.0\n"),
            ("app.py", "from starlette.applications import Starlette\n\napp = Starlette()\n"),
            ("gunicorn.conf.py", "worker_class = 'uvicorn_worker.UvicornWorker'\n"));

        Assert.Equal("gunicorn", Value(detection, "server"));
        Assert.Contains(detection.Problems, p => p.Contains("uvicorn-worker", StringComparison.Ordinal));
        Assert.Equal("Python (Starlette, ASGI)", detection.Kind);
    }

    [Fact]
    public void A_flask_command_that_prepares_data_is_named_with_how_to_run_it_in_the_image()
    {
        var detection = Detect(
            ("pyproject.toml", "[project]\nname = \"blog\"\ndependencies = [\"flask\"]\n"),
            ("blog/__init__.py", "from flask import Flask\n\ndef create_app():\n    app = Flask(__name__)\n    from . import db\n    db.init_app(app)\n    return app\n"),
            ("blog/db.py", "import click\n\n\n@click.command(\"init-db\")\ndef init_db_command():\n    pass\n\n\n@click.command(\"greet\")\ndef greet():\n    pass\n\n\ndef init_app(app):\n    app.cli.add_command(init_db_command)\n"));

        var note = Assert.Single(detection.Notes, n => n.Contains("init-db", StringComparison.Ordinal));
        Assert.StartsWith("blog/db.py:4 (@click.command(\"init-db\")) prepares the app's data", note, StringComparison.Ordinal);
        Assert.Contains("docker compose exec <service> /opt/venv/bin/flask", note, StringComparison.Ordinal);
        Assert.Contains("--app blog init-db", note, StringComparison.Ordinal);
        Assert.DoesNotContain(detection.Notes, n => n.Contains("greet", StringComparison.Ordinal));
    }

    [Fact]
    public void Requirements_split_into_a_folder_bring_the_folder_along()
    {
        var detection = Detect(
            ("requirements.txt", "-r requirements/prod.txt\n"),
            ("requirements/base.txt", "flask==3.1.1\n"),
            ("requirements/prod.txt", "-r base.txt\ngunicorn==23.0.0\n"),
            ("app.py", "from flask import Flask\n\napp = Flask(__name__)\n"));

        var folder = detection.Values.Single(v => v.Option == "requirements-folder");
        Assert.Equal("requirements", folder.Value);
        Assert.Equal("requirements.txt:1 (-r requirements/prod.txt)", folder.From);
        Assert.DoesNotContain(detection.Values, v => v.Option == "requirements");
        Assert.Equal("false", Value(detection, "add-gunicorn"));
    }

    [Fact]
    public void Requirements_only_in_a_folder_install_the_production_list()
    {
        var detection = Detect(
            ("requirements/base.txt", "flask==3.1.1\n"),
            ("requirements/dev.txt", "-r base.txt\npytest\n"),
            ("requirements/production.txt", "-r base.txt\ngunicorn==23.0.0\n"),
            ("app.py", "from flask import Flask\n\napp = Flask(__name__)\n"));

        Assert.Equal("requirements/production.txt", Value(detection, "requirements"));
        Assert.Equal("requirements", Value(detection, "requirements-folder"));
        Assert.Equal("requirements", Value(detection, "dependencies"));
        Assert.Equal(["requirements/production.txt"], detection.Markers);
        Assert.Equal("false", Value(detection, "add-gunicorn"));
    }

    [Fact]
    public void An_app_assigned_with_a_type_annotation_is_found()
    {
        var asgi = Detect(
            ("requirements.txt", "fastapi==0.143.3\n"),
            ("main.py", "from fastapi import FastAPI\n\napp: FastAPI = FastAPI(\n    title=\"x\",\n)\n"));
        var wsgi = Detect(
            ("requirements.txt", "Flask==3.1.1\n"),
            ("app.py", "from flask import Flask\n\napplication: Flask = Flask(__name__)\n"));

        Assert.Equal("main:app", Value(asgi, "app"));
        Assert.Equal("app:application", Value(wsgi, "app"));
    }

    [Fact]
    public void No_app_found_is_refused_as_python_not_as_the_flask_sample()
    {
        var detection = Detect(("requirements.txt", "requests==2.32.0\n"), ("tool.py", "print('hi')\n"));

        Assert.Equal("Python", detection.Kind);
    }

    [Fact]
    public void Kind_names_the_framework_found()
    {
        var django = Detect(
            ("requirements.txt", "Django==5.2\n"),
            ("manage.py", "import django\n"),
            ("mysite/__init__.py", ""),
            ("mysite/wsgi.py", "from django.core.wsgi import get_wsgi_application\n\napplication = get_wsgi_application()\n"));
        var factory = Detect(
            ("requirements.txt", "Flask==3.1.1\n"),
            ("web/__init__.py", "from flask import Flask\n\ndef create_app():\n    return Flask(__name__)\n"));

        Assert.Equal("Python (Django, WSGI)", django.Kind);
        Assert.Equal("Python (Flask, WSGI)", factory.Kind);
    }

    [Fact]
    public void Loopback_in_a_main_block_is_only_a_note_since_the_server_binds_all_addresses()
    {
        var detection = Detect(
            ("requirements.txt", "fastapi==0.143.3\n"),
            ("main.py", "import uvicorn\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\nif __name__ == \"__main__\":\n    uvicorn.run(app, host=\"127.0.0.1\", port=8001)\n"));

        Assert.Empty(detection.Warnings);
        Assert.Contains(detection.Notes, n => n.StartsWith("main.py:7 (uvicorn.run(app, host=\"127.0.0.1\", port=8001)) listens on the loopback address", StringComparison.Ordinal));
        Assert.Equal("8001", Value(detection, "port"));
        Assert.Equal("uvicorn", Value(detection, "server"));
        Assert.Contains(detection.Notes, n => n.StartsWith("uvicorn is not among the project's packages", StringComparison.Ordinal));
    }

    [Fact]
    public void Port_passed_by_name_is_read_from_the_variable_default_assigned_before()
    {
        var detection = Detect(
            ("requirements.txt", "Flask==3.1.1\n"),
            ("app.py", "import os\nfrom flask import Flask\n\napp = Flask(__name__)\nif __name__ == \"__main__\":\n    port = int(os.environ.get(\"PORT\", 5001))\n    app.run(host=\"0.0.0.0\", port=port)\n"));

        var port = detection.Values.Single(v => v.Option == "port");
        Assert.Equal("5001", port.Value);
        Assert.Equal("app.py:6 (port = int(os.environ.get(\"PORT\", 5001))), passed to app.py:7", port.From);
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Required_environment_variable_is_a_warning_and_a_value_for_the_readme()
    {
        var detection = Detect(
            ("requirements.txt", "Flask==3.1.1\n"),
            ("app.py", "import os\nfrom flask import Flask\n\napp = Flask(__name__)\napp.secret_key = os.environ[\"SECRET_KEY\"]\nos.environ[\"TZ\"] = \"UTC\"\n"));

        Assert.Equal("SECRET_KEY", Value(detection, "required-env"));
        var warning = Assert.Single(detection.Warnings);
        Assert.StartsWith("app.py:5 (app.secret_key = os.environ[\"SECRET_KEY\"]) requires SECRET_KEY", warning, StringComparison.Ordinal);
        Assert.Contains("-e SECRET_KEY=", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_read_only_where_the_code_checked_it_is_there_is_not_required()
    {
        // Shaped like a cloud quickstart's production settings: the variable is read only when it is set.
        var detection = Detect(
            ("requirements.txt", "Flask==3.1.1\n"),
            ("app.py", "import os\nfrom flask import Flask\n\napp = Flask(__name__)\n" +
                       "HOSTS = [os.environ['SITE_HOSTNAME']] if 'SITE_HOSTNAME' in os.environ else []\n" +
                       "if \"DB_URL\" in os.environ:\n    if True:\n        app.config[\"DB\"] = os.environ[\"DB_URL\"]\n" +
                       "app.secret_key = os.environ[\"SECRET_KEY\"]\n"));

        Assert.Equal("SECRET_KEY", Value(detection, "required-env"));
        Assert.StartsWith("app.py:9 (app.secret_key = os.environ[\"SECRET_KEY\"]) requires SECRET_KEY", Assert.Single(detection.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void SQLite_file_in_the_app_folder_is_a_warning_and_one_in_a_folder_is_writable()
    {
        var inRoot = Detect(
            ("requirements.txt", "Flask==3.1.1\n"),
            ("app.py", "import sqlite3\nfrom flask import Flask\n\napp = Flask(__name__)\ndb = sqlite3.connect(\"notes.db\")\n"));
        Assert.Contains("move it into a folder of its own (e.g. data/notes.db)", Assert.Single(inRoot.Warnings), StringComparison.OrdinalIgnoreCase);

        var inFolder = Detect(
            ("requirements.txt", "Flask==3.1.1\n"),
            ("app.py", "import os, sqlite3\nfrom flask import Flask\n\napp = Flask(__name__)\nos.makedirs(\"uploads\", exist_ok=True)\ndb = sqlite3.connect(\"data/notes.db\")\n"));
        Assert.Empty(inFolder.Warnings);
        Assert.Equal("uploads data", Value(inFolder, "writable"));
    }

    [Fact]
    public void Django_project_is_served_from_its_wsgi_module()
    {
        var detection = Detect(
            ("requirements.txt", "Django==5.2.8\ngunicorn==23.0.0\n"),
            ("manage.py", "import os\nimport sys\n"),
            ("mysite/__init__.py", ""),
            ("mysite/wsgi.py", "import os\n\nfrom django.core.wsgi import get_wsgi_application\n\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"mysite.settings\")\n\napplication = get_wsgi_application()\n"),
            ("mysite/urls.py", "from django.urls import path\n\nurlpatterns = [\n    path(\"healthz/\", health),\n]\n"));

        Assert.Equal("mysite.wsgi:application", Value(detection, "app"));
        Assert.Equal("gunicorn", Value(detection, "server"));
        Assert.Equal("/healthz/", Value(detection, "health-path"));
    }

    [Fact]
    public void Pyproject_without_a_project_table_or_lock_file_is_refused_naming_the_fix()
    {
        var detection = Detect(
            ("pyproject.toml", "[tool.poetry]\nname = \"old\"\n\n[tool.poetry.dependencies]\nflask = \"^3.1\"\n"),
            ("app.py", "from flask import Flask\n\napp = Flask(__name__)\n"));

        Assert.Equal(
            ["pyproject.toml has no [project] table to read dependencies from (Poetry 1's [tool.poetry] only): run `poetry lock` and commit poetry.lock, or add a requirements.txt."],
            detection.Problems);
    }

    [Fact]
    public void Pyproject_of_tool_settings_only_points_to_the_requirements_further_down()
    {
        // Shaped like pamelafox/simple-fastapi-container: the root's pyproject.toml configures black, ruff and
        // pytest; the packages, the app and the project's own Dockerfile are in src/.
        var detection = Detect(
            ("pyproject.toml", "[tool.black]\nline-length = 120\n\n[tool.ruff]\nline-length = 120\n\n[tool.pytest.ini_options]\npythonpath = [\"src\"]\n"),
            ("src/requirements.txt", "fastapi==0.143.3\nuvicorn==0.53.0\n"),
            ("src/api/__init__.py", ""),
            ("src/api/main.py", "from fastapi import FastAPI\n\napp = FastAPI()\n"));

        Assert.Equal(
            ["pyproject.toml has no [project] table, only tool settings ([tool.black], [tool.ruff], [tool.pytest.ini_options]): it lists no packages, and there is no requirements.txt or lock file beside it. " +
             "src/requirements.txt lists them: run init in src/, the folder that holds them."],
            detection.Problems);
    }

    [Fact]
    public void No_route_at_the_root_nor_a_health_route_is_a_note_naming_a_route_for_the_healthcheck()
    {
        // Shaped like pamelafox/simple-fastapi-container's src/: one route, /generate_name, and a 404 at /.
        var detection = Detect(
            ("requirements.txt", "fastapi\nuvicorn\n"),
            ("api/__init__.py", ""),
            ("api/main.py", "import fastapi\n\napp = fastapi.FastAPI()\n\n\n@app.get(\"/generate_name\")\nasync def generate_name(starts_with: str = None):\n    return {}\n"));

        Assert.DoesNotContain(detection.Values, v => v.Option == "health-path");
        Assert.Contains(
            "No route for / in the code (api/main.py:6 registers /generate_name): the HEALTHCHECK and init --verify GET /, where the app may answer 404. " +
            "Pass `--set health-path=/generate_name`, or another GET route that answers 200 once the app is ready.",
            detection.Notes);
    }

    [Fact]
    public void Only_routes_with_parameters_is_a_note_asking_for_a_health_route()
    {
        // Shaped like rednafi/flask-factory: a factory registering blueprints whose only routes take a parameter.
        var detection = Detect(
            ("requirements.txt", "flask\n"),
            ("app/__init__.py", "from flask import Flask\n\n\ndef create_app():\n    app = Flask(__name__)\n    from .api_a import api_a\n    app.register_blueprint(api_a)\n    return app\n"),
            ("app/api_a/__init__.py", "from flask import Blueprint\n\napi_a = Blueprint(\"api_a\", __name__)\n\nfrom . import views\n"),
            ("app/api_a/views.py", "from . import api_a\n\n\n@api_a.route(\"/api-a/<num>\", methods=[\"GET\"])\ndef view(num):\n    return {\"num\": num}\n"));

        Assert.Contains(
            "No route for / in the code (app/api_a/views.py:4 registers /api-a/<num>): the HEALTHCHECK and init --verify GET /, where the app may answer 404. " +
            "Add a GET route that answers 200 once the app is ready (/healthz), then pass `--set health-path=/healthz`.",
            detection.Notes);
    }

    [Fact]
    public void Fastapi_standard_brings_uvicorn_so_none_is_added()
    {
        var detection = Detect(
            ("pyproject.toml", "[project]\nname = \"app\"\ndependencies = [\n    \"fastapi[standard]<1.0.0,>=0.114.2\",\n]\n"),
            ("app/__init__.py", ""),
            ("app/main.py", "from fastapi import FastAPI\n\napp = FastAPI(title=\"x\")\n"));

        Assert.Equal("false", Value(detection, "add-uvicorn"));
        Assert.Equal("app.main:app", Value(detection, "app"));
    }

    [Fact]
    public void A_src_layout_app_is_found_and_its_folder_is_the_source_root()
    {
        // Shaped like `uv init --package`: pyproject.toml, uv.lock, and the package under src/.
        var detection = Detect(
            ("pyproject.toml", "[project]\nname = \"notes-api\"\ndependencies = [\"fastapi[standard]>=0.112\"]\n"),
            ("uv.lock", "version = 1\n"),
            ("src/notes_api/__init__.py", "from fastapi import FastAPI\n\napp = FastAPI()\n"));

        Assert.Equal("notes_api:app", Value(detection, "app"));
        Assert.Equal("uvicorn", Value(detection, "server"));
        Assert.Equal("src", Value(detection, "source-root"));
        Assert.Equal("src/notes_api/__init__.py:3 (app = FastAPI(...), an ASGI app)", detection.Values.Single(v => v.Option == "app").From);
    }

    [Fact]
    public void An_app_made_by_a_function_of_the_same_module_is_found_with_its_server()
    {
        // Shaped like the RealWorld FastAPI example: `app = get_application()`, the function building FastAPI(...).
        var asgi = Detect(
            ("requirements.txt", "fastapi==0.115.0\nuvicorn==0.30.0\n"),
            ("app/__init__.py", ""),
            ("app/main.py", "from fastapi import FastAPI\n\n\ndef get_application() -> FastAPI:\n    application = FastAPI(title=\"x\")\n" +
                            "    return application\n\n\napp = get_application()\n"));
        Assert.Equal("app.main:app", Value(asgi, "app"));
        Assert.Equal("uvicorn", Value(asgi, "server"));
        Assert.Equal("app/main.py:9 (app = get_application(), which builds FastAPI(...): an ASGI app)", asgi.Values.Single(v => v.Option == "app").From);

        var wsgi = Detect(
            ("requirements.txt", "Flask==3.1.1\n"),
            ("server.py", "import flask\n\ndef build():\n    web = flask.Flask(__name__)\n    return web\n\nweb = build()\n"));
        Assert.Equal("server:web", Value(wsgi, "app"));
        Assert.Equal("gunicorn", Value(wsgi, "server"));
    }

    [Fact]
    public void An_app_factory_that_builds_an_ASGI_app_is_served_by_uvicorn_and_a_Flask_one_by_gunicorn()
    {
        // Shaped like larger FastAPI services: no module-level app, `def create_app() -> FastAPI` run with `uvicorn --factory`.
        var asgi = Detect(
            ("requirements.txt", "fastapi==0.115.0\nuvicorn==0.30.0\n"),
            ("service/__init__.py", ""),
            ("service/main.py", "from fastapi import FastAPI\n\n\ndef create_app() -> FastAPI:\n    api = FastAPI()\n\n" +
                                "    @api.get(\"/healthz\")\n    async def healthz():\n        return \"ok\"\n\n    return api\n"));
        Assert.Equal("service.main:create_app()", Value(asgi, "app"));
        Assert.Equal("uvicorn", Value(asgi, "server"));
        Assert.Equal("service/main.py:4 (def create_app(), which builds FastAPI(...): an ASGI app factory)", asgi.Values.Single(v => v.Option == "app").From);

        var wsgi = Detect(
            ("requirements.txt", "Flask==3.1.1\n"),
            ("shop/__init__.py", "from flask import Flask\n\n\ndef create_app():\n    app = Flask(__name__)\n    return app\n"));
        Assert.Equal("shop:create_app()", Value(wsgi, "app"));
        Assert.Equal("gunicorn", Value(wsgi, "server"));
    }

    [Fact]
    public void A_root_script_that_execs_the_server_is_what_the_image_runs_with_its_own_probe()
    {
        // Shaped like the Python sample: main.py checks its input, then execs gunicorn; app.py holds the Flask app.
        var detection = Detect(
            ("requirements.txt", "Flask==3.1.1\ngunicorn==23.0.0\n"),
            ("app.py", "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get(\"/healthz\")\ndef healthz():\n    return \"ok\"\n"),
            ("main.py", "import os\nimport sys\n\n\ndef main(args):\n    if args == [\"--healthcheck\"]:\n        return 0\n" +
                        "    os.execv(sys.executable, [sys.executable, \"-m\", \"gunicorn\", \"app:app\"])\n\n\n" +
                        "if __name__ == \"__main__\":\n    sys.exit(main(sys.argv[1:]))\n"));
        Assert.Equal("python", Value(detection, "server"));
        Assert.Equal("main.py", Value(detection, "entry"));
        Assert.Equal("false", Value(detection, "tini"));
        Assert.Equal("--healthcheck", Value(detection, "probe"));
        Assert.Equal("/healthz", Value(detection, "health-path"));
        Assert.DoesNotContain(detection.Values, v => v.Option == "app");
    }

    [Fact]
    public void Script_serving_itself_with_a_SIGTERM_handler_gets_no_tini_and_a_loopback_warning()
    {
        var detection = Detect(
            ("requirements.txt", "\n"),
            ("serve.py", "import os, signal, sys\nfrom http.server import HTTPServer, BaseHTTPRequestHandler\n\nif __name__ == \"__main__\":\n    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))\n    HTTPServer((\"127.0.0.1\", int(os.environ.get(\"PORT\", \"8000\"))), BaseHTTPRequestHandler).serve_forever()\n"));

        Assert.Equal("python", Value(detection, "server"));
        Assert.Equal("serve.py", Value(detection, "entry"));
        var tini = detection.Values.Single(v => v.Option == "tini");
        Assert.Equal(("false", "serve.py:5 (signal.signal(signal.SIGTERM, lambda *_: sys.exit(0)))"), (tini.Value, tini.From));
        Assert.Equal("8000", Value(detection, "port"));
        Assert.StartsWith("serve.py:6 (HTTPServer((\"127.0.0.1\",", Assert.Single(detection.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Lock_files_win_over_requirements_and_pyproject()
    {
        var detection = Detect(
            ("pyproject.toml", "[project]\nname = \"svc\"\ndependencies = [\"flask\"]\n"),
            ("poetry.lock", "[[package]]\nname = \"flask\"\nversion = \"3.1.1\"\ngroups = [\"main\"]\n"),
            ("uv.lock", "version = 1\n"),
            ("requirements.txt", "Flask==3.1.1\n"),
            ("app.py", "from flask import Flask\n\napp = Flask(__name__)\n"));

        Assert.Equal("uv", Value(detection, "dependencies"));
    }
}
