"""SampleApp: a small Flask web app.

In production gunicorn serves it (gunicorn --config gunicorn.conf.py app:app).
    python app.py                 runs Flask's development server, for trying changes locally.
    python app.py --healthcheck   asks the running server for /healthz (the image's HEALTHCHECK).
"""
import sys

from flask import Flask, Response

import healthcheck
import settings

app = Flask(__name__)


@app.get("/")
def hello() -> Response:
    return Response("Hello from SampleApp, a Python app!", mimetype="text/plain")


@app.get("/healthz")
def healthz() -> Response:
    return Response("ok", mimetype="text/plain")


if __name__ == "__main__":
    if sys.argv[1:] == ["--healthcheck"]:
        sys.exit(healthcheck.main())
    if sys.argv[1:]:
        sys.exit(f"unknown arguments {sys.argv[1:]}: use no arguments or --healthcheck.")
    app.run(host=settings.host(), port=settings.port())
