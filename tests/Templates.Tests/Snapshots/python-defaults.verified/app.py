"""The Flask app: its routes. gunicorn serves it (see main.py and gunicorn.conf.py)."""
from flask import Flask, Response

APP_NAME = "SampleApp"

app = Flask(__name__)


@app.get("/")
def hello() -> Response:
    return Response(f"Hello from {APP_NAME}, a Python app!", mimetype="text/plain")


@app.get("/healthz")
def healthz() -> Response:
    return Response("ok", mimetype="text/plain")
