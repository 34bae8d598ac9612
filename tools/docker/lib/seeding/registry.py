"""Whether an image's registry answers at all, asked once per registry and remembered.

Without this, every image of an unreachable registry spent the whole pull timeout before its
stand-in was built (19 images x 20 s on a machine with no registry). A TCP connection to the
registry's HTTPS port fails in milliseconds when its name does not resolve or nothing listens;
only a registry that answers is worth a `docker pull`.
"""
import socket
import threading

from .log import log

# Docker Hub's short names (golang:1.27, gcr.io excepted) are pulled from this host.
DOCKER_HUB = "registry-1.docker.io"

_answers = {}
_lock = threading.Lock()


def host_of(image):
    """The registry host of an image reference: its first path part when that names a host
    (has a dot or a port, or is localhost), else Docker Hub."""
    first, slash, _ = image.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        return first
    return DOCKER_HUB


def answers(image, timeout):
    """True when the image's registry accepts a connection within timeout seconds; each registry
    is asked once per run, and a silent one is logged once."""
    host = host_of(image)
    with _lock:
        if host not in _answers:
            _answers[host] = _connects(host, timeout)
            if not _answers[host]:
                log(f"registry {host} does not answer: no pulls from it, stand-ins instead")
        return _answers[host]


def _connects(host, timeout):
    name, _, port = host.partition(":")
    try:
        with socket.create_connection((name, int(port or 443)), timeout=timeout):
            return True
    except (OSError, ValueError):
        return False
