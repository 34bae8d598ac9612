#!/usr/bin/env bash
# Start (or reuse) the project's own Docker engine: forky's Engine 28 in the root that
# engine-root.sh makes (in a mount namespace of its own, see lib/enter-engine-root.sh), beside any
# other Docker on the machine (own socket, data root, exec root, pid file, log), with no bridge
# network and no iptables rules. Its clients (docker 28 with the
# Buildx and Compose v2 plugins) run on the host.
# stdout: only `export KEY=VALUE` lines (DOCKER_HOST, MULTISTAGE_DOCKER, DOCKER_CONFIG), so
#   eval "$(bash tools/docker/start-daemon.sh)"
# points this shell, the tests and the generator at the engine.
# env: MULTISTAGE_ENGINE_HOME (default /var/lib/multistage-engine), MULTISTAGE_ENGINE_NAME (default
#      multistage-engine: names socket, exec root, pid file), MULTISTAGE_DAEMON_JSON (a daemon.json
#      for the engine), MULTISTAGE_DOCKER_WAIT_SECONDS
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/engine.sh
source "$HERE/lib/engine.sh"

WAIT_SECONDS="${MULTISTAGE_DOCKER_WAIT_SECONDS:-60}"

answers() { [[ -S "$SOCKET" ]] && timeout 5 "$CLIENT" --host "unix://$SOCKET" version >/dev/null 2>&1; }

launch() {
  local -a config=()
  if [[ -n "${MULTISTAGE_DAEMON_JSON:-}" ]]; then
    cp "$MULTISTAGE_DAEMON_JSON" "$ROOT/etc/docker/$NAME.json"
    config=(--config-file "/etc/docker/$NAME.json")
  fi
  mkdir -p "$(dirname "$LOG_FILE")"
  mkdir -p "$DATA_ROOT" "$SOCKET_DIR"
  log "starting dockerd $NAME in $ROOT (socket $SOCKET, data root $DATA_ROOT, log $LOG_FILE)"
  # setsid: the daemon must outlive this script and the shell that called it. A private mount
  # namespace: the engine's mounts stay out of the host's.
  setsid unshare --mount --propagation private -- \
    bash "$HERE/lib/enter-engine-root.sh" "$ROOT" "$NAME" "$DATA_ROOT" "$SOCKET_DIR" \
    dockerd "${config[@]}" --host "unix://$SOCKET" \
    --bridge=none --iptables=false --ip6tables=false \
    --data-root "/var/lib/$NAME" --exec-root "/run/$NAME-exec" --pidfile "/run/$NAME.pid" \
    </dev/null >>"$LOG_FILE" 2>&1 &
}

wait_until_it_answers() {
  local waited=0
  until answers; do
    ((waited < WAIT_SECONDS)) ||
      die "dockerd did not answer at $SOCKET within ${WAIT_SECONDS}s; fix: read $LOG_FILE"
    sleep 1
    waited=$((waited + 1))
  done
}

# Plugins in DOCKER_CONFIG/cli-plugins: found by any docker client, nothing installed system-wide.
link_clients() {
  mkdir -p "$CONFIG_DIR/cli-plugins" "$BIN_DIR"
  ln -sfn "$ROOT/usr/bin/docker" "$CLIENT"
  local plugin
  for plugin in docker-buildx docker-compose; do
    ln -sfn "$ROOT/usr/libexec/docker/cli-plugins/$plugin" "$CONFIG_DIR/cli-plugins/$plugin"
  done
}

main() {
  [[ -x "$ROOT/usr/bin/dockerd" ]] || bash "$HERE/engine-root.sh" >/dev/null
  link_clients
  if answers; then
    log "reusing the daemon that answers at $SOCKET"
  else
    [[ "$(id -u)" == 0 ]] || die "starting the engine needs root (mounts, pivot_root); fix: run as root"
    launch
    wait_until_it_answers
    log "dockerd answers at $SOCKET"
  fi
  echo "export DOCKER_HOST=unix://$SOCKET"
  echo "export MULTISTAGE_DOCKER=$CLIENT"
  echo "export DOCKER_CONFIG=$CONFIG_DIR"
}

main "$@"
