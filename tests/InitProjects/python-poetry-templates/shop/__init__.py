import os

from flask import Flask, render_template

app = Flask(__name__)

PRODUCTS = [
    {"name": "Espresso cup", "price": "4.50"},
    {"name": "Tea pot", "price": "22.00"},
]


@app.route("/")
def index():
    return render_template("index.html", products=PRODUCTS)


@app.route("/health")
def health():
    return {"status": "ok"}


if __name__ == "__main__":
    app.run(port=int(os.environ.get("PORT", 5000)), debug=True)
