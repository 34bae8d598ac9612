"""The docker client the project's scripts use: DOCKER_BIN, else MULTISTAGE_DOCKER, else docker;
DOCKER_HOST defaults to the project's engine (start-daemon.sh)."""
import os
import subprocess

BINARY = os.environ.get("DOCKER_BIN") or os.environ.get("MULTISTAGE_DOCKER") or "docker"
ENVIRONMENT = dict(os.environ, DOCKER_HOST=os.environ.get("DOCKER_HOST")
                   or "unix:///run/multistage-engine/docker.sock")


def run(args, data=None, source=None, output=None, timeout=None):
    """Runs `docker ARGS` and returns (exit status, output text); never raises on the status.
    data: bytes for stdin; source: a binary file object for stdin; output: a file object that gets
    stdout and stderr instead of the returned text (then the text is empty)."""
    try:
        result = subprocess.run(
            [BINARY, *args], input=data, stdin=source if data is None else None,
            stdout=output or subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout, env=ENVIRONMENT)
    except subprocess.TimeoutExpired:
        return 124, f"no answer within {timeout} s"
    return result.returncode, (result.stdout or b"").decode(errors="replace")


def exists(image):
    return run(["image", "inspect", image])[0] == 0


def label(image, name):
    status, out = run(["image", "inspect", "-f", f'{{{{index .Config.Labels "{name}"}}}}', image])
    return out.strip() if status == 0 else ""


def build_streamed(args, write_context, log_file):
    """`docker build ARGS -` with the context written to its stdin by write_context(stream), as the
    archive is made (no copy on disk); build output goes to log_file. Returns the exit status."""
    process = subprocess.Popen([BINARY, "build", *args, "-"], stdin=subprocess.PIPE, stdout=log_file,
                               stderr=subprocess.STDOUT, env=ENVIRONMENT)
    try:
        write_context(process.stdin)
    except BrokenPipeError:
        pass  # docker stopped reading: its exit status and log say why
    finally:
        try:
            process.stdin.close()
        except BrokenPipeError:
            pass
    return process.wait()
