"""The program the image runs: checks its input, then serves with gunicorn or probes the server.

    python main.py                 serves the app with gunicorn (gunicorn.conf.py).
    python main.py --healthcheck   asks the running server for /healthz (the image's HEALTHCHECK).

It imports neither Flask nor gunicorn before the checks, so a bad PORT, HOST or argument is
reported in one line, before anything starts (the input contract in CONTRIBUTING.md).
"""
import os
import sys

import settings


def main(args: list[str]) -> int:
    healthcheck_mode = args == ["--healthcheck"]
    if args and not healthcheck_mode:
        print(f"error: unknown arguments: {' '.join(args)}: run with no arguments to serve, "
              "or with --healthcheck to probe a running server", file=sys.stderr)
        return 2
    settings.bind_address()
    if healthcheck_mode:
        import healthcheck
        return healthcheck.main()
    # exec, not a child process: gunicorn takes over this process (PID 1 in a container), so it
    # receives docker stop's SIGTERM itself.
    here = os.path.dirname(os.path.abspath(__file__))
    os.execv(sys.executable, [sys.executable, "-m", "gunicorn", "--chdir", here,
                              "--config", os.path.join(here, "gunicorn.conf.py"), "app:app"])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
