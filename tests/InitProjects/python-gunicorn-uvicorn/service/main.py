from fastapi import FastAPI

app = FastAPI(title="Shipments")

SHIPMENTS = ["parcel-17", "crate-4"]


@app.get("/")
async def index():
    return {"message": f"shipments: {len(SHIPMENTS)} open"}


@app.get("/health")
async def health():
    return {"status": "ok"}
