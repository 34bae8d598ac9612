#!/usr/bin/env bash
# Shared helpers for the tools/docker scripts: logging to stderr (stdout is kept for
# machine-readable output such as DOCKER_HOST=...) and the docker client the project uses.

# Messages go to stderr so that callers can capture stdout.
log() { printf '%s %s\n' "[$(basename "$0")]" "$*" >&2; }

# Fail with a message that names the problem and, after "fix:", what to do about it.
die() { log "error: $*"; exit 1; }

# Debian's 20.10 client: the 28.x client on PATH has no buildx and refuses BuildKit builds.
DOCKER_BIN="${DOCKER_BIN:-/usr/bin/docker}"
export DOCKER_HOST="${DOCKER_HOST:-unix:///run/multistage-docker.sock}"
export DOCKER_BUILDKIT=1

dock() { "$DOCKER_BIN" "$@"; }
