import os
import sqlite3

from flask import Flask, g


def create_app():
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(DATABASE=os.path.join(app.instance_path, "notes.sqlite"))
    app.config.from_pyfile("config.py", silent=True)

    # The instance folder holds the database; it is not part of the package.
    os.makedirs(app.instance_path, exist_ok=True)

    def db():
        if "db" not in g:
            g.db = sqlite3.connect(app.config["DATABASE"])
            g.db.execute("CREATE TABLE IF NOT EXISTS visit (id INTEGER PRIMARY KEY)")
        return g.db

    @app.teardown_appcontext
    def close_db(exception):
        connection = g.pop("db", None)
        if connection is not None:
            connection.close()

    @app.get("/")
    def index():
        connection = db()
        connection.execute("INSERT INTO visit DEFAULT VALUES")
        connection.commit()
        count = connection.execute("SELECT COUNT(*) FROM visit").fetchone()[0]
        return f"notes: visit {count} recorded\n"

    @app.get("/healthz")
    def healthz():
        return "ok\n"

    return app
