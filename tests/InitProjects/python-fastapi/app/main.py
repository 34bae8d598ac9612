import os

from fastapi import FastAPI

app = FastAPI(title="Inventory API")

ITEMS = {"bolt": 120, "nut": 340, "washer": 75}


@app.get("/")
def index():
    return {"message": f"inventory: {len(ITEMS)} items"}


@app.get("/items/{name}")
def item(name: str):
    return {"name": name, "count": ITEMS.get(name, 0)}


@app.get("/healthz")
def healthz():
    return {"status": "ok"}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("app.main:app", host="127.0.0.1", port=int(os.environ.get("PORT", "8000")), reload=True)
