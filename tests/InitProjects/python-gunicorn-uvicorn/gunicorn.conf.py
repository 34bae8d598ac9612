# Production settings, read by gunicorn from the working directory.
import os

bind = "0.0.0.0:" + os.environ.get("PORT", "8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# The app is ASGI (FastAPI): gunicorn supervises uvicorn's workers.
worker_class = "uvicorn.workers.UvicornWorker"
graceful_timeout = 20
