#!/usr/bin/env bash
# Start the project's own Docker daemon (Debian's docker.io, engine 20.10) beside any other
# Docker on the machine: own socket, data root, exec root, pid file and log; no bridge network
# and no iptables rules. Reuses a daemon that already answers at the socket.
# stdout: only DOCKER_HOST=unix://<socket>, so `export "$(bash start-daemon.sh)"` works.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

SOCKET="${MULTISTAGE_DOCKER_SOCKET:-/run/multistage-docker.sock}"
DATA_ROOT="${MULTISTAGE_DOCKER_DATA_ROOT:-/var/lib/multistage-docker}"
EXEC_ROOT="${MULTISTAGE_DOCKER_EXEC_ROOT:-/run/multistage-docker}"
PID_FILE="${MULTISTAGE_DOCKER_PID_FILE:-/run/multistage-docker.pid}"
LOG_FILE="${MULTISTAGE_DOCKER_LOG_FILE:-/var/log/multistage-docker.log}"
WAIT_SECONDS="${MULTISTAGE_DOCKER_WAIT_SECONDS:-60}"
export DOCKER_HOST="unix://$SOCKET"

answers() { [[ -S "$SOCKET" ]] && timeout 5 "$DOCKER_BIN" version >/dev/null 2>&1; }

require_dockerd() {
  command -v dockerd >/dev/null 2>&1 ||
    die "dockerd not found; fix: apt-get install docker.io (Debian's engine 20.10)"
  [[ -x "$DOCKER_BIN" ]] ||
    die "docker client $DOCKER_BIN not found; fix: apt-get install docker.io, or set DOCKER_BIN"
}

launch() {
  mkdir -p "$DATA_ROOT" "$EXEC_ROOT" "$(dirname "$LOG_FILE")"
  log "starting dockerd at $SOCKET (data root $DATA_ROOT, log $LOG_FILE)"
  # setsid: the daemon must outlive this script and the shell that called it.
  setsid dockerd --iptables=false --bridge=none \
    --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT" --pidfile "$PID_FILE" \
    --host "unix://$SOCKET" </dev/null >>"$LOG_FILE" 2>&1 &
}

wait_until_it_answers() {
  local waited=0
  until answers; do
    (( waited < WAIT_SECONDS )) ||
      die "dockerd did not answer at $SOCKET within ${WAIT_SECONDS}s; fix: read $LOG_FILE"
    sleep 1
    waited=$((waited + 1))
  done
}

main() {
  if answers; then
    log "reusing the daemon that answers at $SOCKET"
  else
    require_dockerd
    launch
    wait_until_it_answers
    log "dockerd answers at $SOCKET"
  fi
  echo "DOCKER_HOST=unix://$SOCKET"
}

main "$@"
