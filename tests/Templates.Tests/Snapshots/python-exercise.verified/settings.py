"""HOST and PORT from the environment, checked once for the server and the health check.

The input contract (CONTRIBUTING.md): a refusal is one line on stderr naming the value and the fix,
and exit status 1 (SystemExit with a message prints it to stderr and exits with 1).
"""
import ipaddress
import os
import re

# Text, not a number: `dotnet new --port` can put any integer here, and an out-of-range one must be
# reported at start, not misread.
DEFAULT_PORT = "8080"
DEFAULT_HOST = "0.0.0.0"


def _parse_port(text: str) -> int | None:
    # ASCII digits with no sign, spaces or leading zero: int() would also take "+80", " 80", "8_0"
    # and other scripts' digits, which hide a typo.
    if re.fullmatch(r"[1-9][0-9]{0,4}", text, flags=re.ASCII) and int(text) <= 65535:
        return int(text)
    return None


def port() -> int:
    """The PORT variable as a number from 1 to 65535; anything else stops the program with status 1."""
    raw = os.environ.get("PORT", "")
    number = _parse_port(raw)
    if number is not None:
        return number
    # Unset, empty or the image's own ENV PORT: the value came from the template, not the user.
    if raw in ("", DEFAULT_PORT):
        number = _parse_port(DEFAULT_PORT)
        if number is not None:
            return number
        raise SystemExit(
            f"error: the template's default port {DEFAULT_PORT} (dotnet new --port) is not a valid port: "
            "set PORT to a whole number from 1 to 65535, or create the project again with --port in that range"
        )
    raise SystemExit(
        f'error: PORT="{raw}" is not a valid port: set PORT to a whole number from 1 to 65535 '
        f"(no sign, no leading zero), or unset it to use {DEFAULT_PORT}"
    )


def host() -> str:
    """The address to listen on: an IP address, not a host name (0.0.0.0, every interface, by default)."""
    raw = os.environ.get("HOST", "")
    if raw == "":
        return DEFAULT_HOST
    try:
        # ip_address also takes an IPv6 zone ("fe80::1%eth0"), which the other apps refuse.
        if "%" not in raw:
            ipaddress.ip_address(raw)
            return raw
    except ValueError:
        pass
    raise SystemExit(
        f'error: HOST="{raw}" is not an IP address: set HOST to the address to listen on, such as '
        "0.0.0.0 (every interface), :: (every IPv6 interface) or 127.0.0.1 (this machine only), "
        f"or unset it to use {DEFAULT_HOST}"
    )


def _address(address: str, number: int) -> str:
    """host:port, with IPv6 addresses in brackets."""
    return f"[{address}]:{number}" if ":" in address else f"{address}:{number}"


def bind_address() -> str:
    """host:port as gunicorn's bind setting wants it (PORT is checked before HOST)."""
    number = port()
    return _address(host(), number)


def probe_address() -> str:
    """Where a health check on the same machine reaches the server: a wildcard bind means loopback."""
    number = port()
    address = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host(), host())
    return _address(address, number)
