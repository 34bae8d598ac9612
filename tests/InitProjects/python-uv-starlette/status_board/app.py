import os

from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

# The board has nothing to show until a collector posts the first report; until then its home page
# says so with 503, while the process itself is healthy.
REPORTS = []


async def home(request):
    if not REPORTS:
        return PlainTextResponse("no reports yet\n", status_code=503)
    return JSONResponse(REPORTS[-1])


async def healthz(request):
    return PlainTextResponse("status-board: up\n")


def create_app():
    """The app factory: uvicorn calls it (--factory) in the process that serves."""
    return Starlette(
        debug=os.environ.get("DEBUG") == "1",
        routes=[
            Route("/", home),
            Route("/healthz", healthz),
        ],
    )
