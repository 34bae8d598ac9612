from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "notes: 2 saved\n"


if __name__ == "__main__":
    app.run(debug=True)
