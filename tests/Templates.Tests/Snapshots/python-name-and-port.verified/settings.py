"""HOST and PORT from the environment, checked once for the server, the dev server and the health check."""
import os
import re

DEFAULT_PORT = 9090
DEFAULT_HOST = "0.0.0.0"


def port() -> int:
    """The PORT variable as a number from 1 to 65535; anything else stops the program with status 1."""
    raw = os.environ.get("PORT", str(DEFAULT_PORT))
    # Digits only: int() would also accept " 80", "+80" and "8_0", which hide a typo.
    if re.fullmatch(r"[0-9]{1,5}", raw) and 1 <= int(raw) <= 65535:
        return int(raw)
    # SystemExit with a message prints it to stderr and exits with status 1, before anything listens.
    raise SystemExit(
        f"PORT={raw!r} is not a TCP port: set PORT to a whole number from 1 to 65535 "
        f"(or unset it to use {DEFAULT_PORT})."
    )


def host() -> str:
    """The address to listen on; 0.0.0.0 (every interface) lets a container publish the port."""
    return os.environ.get("HOST") or DEFAULT_HOST


def bind_address() -> str:
    """host:port as gunicorn's bind setting wants it (IPv6 addresses in brackets)."""
    address = host()
    return f"[{address}]:{port()}" if ":" in address else f"{address}:{port()}"


def probe_address() -> str:
    """Where a health check on the same machine reaches the server: a wildcard bind means loopback."""
    address = host()
    if address == "0.0.0.0":
        address = "127.0.0.1"
    elif address == "::":
        address = "::1"
    return f"[{address}]:{port()}" if ":" in address else f"{address}:{port()}"
