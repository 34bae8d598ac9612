#!/usr/bin/env bash
# shellcheck disable=SC2034  # settings for the scripts that source this file, unused here
# Where the project's engine lives: shared by start-daemon.sh and stop-daemon.sh (needs nothing else).
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ENGINE_HOME="${MULTISTAGE_ENGINE_HOME:-/var/lib/multistage-engine}"
NAME="${MULTISTAGE_ENGINE_NAME:-multistage-engine}"
ROOT="$ENGINE_HOME/root"
DATA_ROOT="$ENGINE_HOME/data/$NAME"
SOCKET_DIR="/run/$NAME"
SOCKET="$SOCKET_DIR/docker.sock"
LOG_FILE="/var/log/$NAME.log"
BIN_DIR="$ENGINE_HOME/bin"
CLIENT="$BIN_DIR/docker"
CONFIG_DIR="$ENGINE_HOME/config"
