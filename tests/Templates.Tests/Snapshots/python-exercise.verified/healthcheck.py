"""Health-check mode: ask the running server for /healthz; exit 0 on "ok", 1 on anything else.

Used by the image's HEALTHCHECK (python main.py --healthcheck): plain urllib, so it needs no shell and
no curl in the image.
"""
import sys
import urllib.request

import settings


def main() -> int:
    url = f"http://{settings.probe_address()}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            body = response.read().decode("utf-8", "replace").strip()
    except OSError as error:
        print(f"unhealthy: {url}: {error}", file=sys.stderr)
        return 1
    if body != "ok":
        print(f"unhealthy: {url} answered {body!r}, expected 'ok'", file=sys.stderr)
        return 1
    return 0
