#!/usr/bin/env bash
# Stop the engine start-daemon.sh started (same MULTISTAGE_ENGINE_NAME). Its mounts lived in its
# own mount namespace and go with it; images stay in its data root. Not running is not an error.
set -euo pipefail
# shellcheck source=lib/engine.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/engine.sh"

main() {
  local pid_file="$ROOT/run/$NAME.pid" pid waited=0
  [[ -f "$pid_file" ]] && pid="$(cat "$pid_file")" && kill -0 "$pid" 2>/dev/null || return 0
  log "stopping dockerd $NAME (pid $pid)"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    ((waited < 30)) || die "dockerd $pid did not stop within 30 s; fix: read $LOG_FILE"
    sleep 1
    waited=$((waited + 1))
  done
}

main "$@"
