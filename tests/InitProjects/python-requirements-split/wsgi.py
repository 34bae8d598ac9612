from flask import Flask

app = Flask(__name__)

SHELVES = {"a": 12, "b": 7}


@app.get("/")
def index():
    return f"library: {sum(SHELVES.values())} books"
