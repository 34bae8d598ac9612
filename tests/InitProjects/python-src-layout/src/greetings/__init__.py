"""A src layout, as `uv init --package` and `poetry new` make one: the package imports itself by its
own name, which works only where src/ is on the path (installed, or PYTHONPATH)."""
from flask import Flask

from greetings.words import welcome

app = Flask(__name__)


@app.get("/")
def index():
    return welcome("greetings") + "\n"
