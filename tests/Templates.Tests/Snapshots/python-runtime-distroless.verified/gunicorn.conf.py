"""gunicorn settings (gunicorn runs the app in production; Flask's own server is for development)."""
import os

import settings

# Checked here, before gunicorn opens a socket: a bad PORT stops the start with a clear message.
bind = [settings.bind_address()]

# Workers signal liveness through a temporary file: /dev/shm is memory, and writable even when the
# container's root file system is read-only (docker run --read-only).
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Request lines to stdout, errors to stderr: docker logs shows both.
accesslog = "-"
errorlog = "-"

# docker stop waits 10 s before SIGKILL, but a prompt stop is within 3 s: give requests in flight
# 2 s, then stop the workers (a client still sending its request would otherwise hold a worker
# until its own timeout), which leaves a second for the processes to exit.
graceful_timeout = 2
