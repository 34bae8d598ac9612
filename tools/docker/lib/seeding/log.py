"""Messages on stderr (stdout stays free for machine-readable output), and failing with a fix."""
import sys
import threading

_lock = threading.Lock()


def log(message):
    with _lock:
        print(f"[seed-base-images] {message}", file=sys.stderr, flush=True)


class SeedError(Exception):
    """A problem that stops the run: the message names it and, after "fix:", what to do."""


def fail(message):
    raise SeedError(message)
