#!/usr/bin/env bash
# Shared helpers for the tools/docker scripts: logging to stderr (stdout is kept for
# machine-readable output such as DOCKER_HOST=...) and the docker client the project uses.

# Messages go to stderr so that callers can capture stdout.
log() { printf '%s %s\n' "[$(basename "$0")]" "$*" >&2; }

# Fail with a message that names the problem and, after "fix:", what to do about it.
die() { log "error: $*"; exit 1; }

# The client start-daemon.sh links (MULTISTAGE_DOCKER), with Buildx in DOCKER_CONFIG's plugins.
DOCKER_BIN="${DOCKER_BIN:-${MULTISTAGE_DOCKER:-docker}}"
export DOCKER_HOST="${DOCKER_HOST:-unix:///run/multistage-engine/docker.sock}"

dock() { "$DOCKER_BIN" "$@"; }
