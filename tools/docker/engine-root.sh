#!/usr/bin/env bash
# Make (or reuse) the Debian forky root file system the project's Docker engine runs in.
# Why a root of its own: forky has Engine 28 with Buildx and Compose v2, and its runc needs a newer
# glibc than the host (Debian 12) has, so dockerd runs inside that root (start-daemon.sh) while
# its clients, which link only glibc, run on the host.
# Idempotent: the root is kept in $ENGINE_HOME/root with the key (a hash of this script and the
# package list) that made it; a matching key returns at once, a changed one rebuilds it.
# stdout: the root's path.
# env: MULTISTAGE_ENGINE_HOME (default /var/lib/multistage-engine), DEBIAN_MIRROR
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"

ENGINE_HOME="${MULTISTAGE_ENGINE_HOME:-/var/lib/multistage-engine}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ROOT="$ENGINE_HOME/root"
SUITE=forky
# iptables: dockerd looks for it at start even with --iptables=false.
PACKAGES=(docker.io docker-cli docker-buildx docker-compose ca-certificates iptables)

key() { { cat "${BASH_SOURCE[0]}"; echo "$SUITE ${PACKAGES[*]}"; } | sha256sum | cut -c1-12; }

build_root() {
  local work="$ENGINE_HOME/.root-building"
  rm -rf "$work"
  mkdir -p "$work"
  log "debootstrap $SUITE (minbase) into $work"
  # Bookworm's debootstrap has no forky script; sid's fits every newer suite.
  debootstrap --variant=minbase "$SUITE" "$work" "$DEBIAN_MIRROR" /usr/share/debootstrap/scripts/sid \
    >"$ENGINE_HOME/debootstrap.log" 2>&1 ||
    die "debootstrap $SUITE failed; fix: check $DEBIAN_MIRROR is reachable, see $ENGINE_HOME/debootstrap.log"
  printf 'deb %s %s main\n' "$DEBIAN_MIRROR" "$SUITE" >"$work/etc/apt/sources.list"
  # A mirror may serve Release files older than this machine's clock (apt calls them expired),
  # as the host's own apt configuration allows.
  printf 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n' \
    >"$work/etc/apt/apt.conf.d/99multistage-mirror"
  # Package scripts must not start the engine's services inside the root during installation.
  printf '#!/bin/sh\nexit 101\n' >"$work/usr/sbin/policy-rc.d" && chmod +x "$work/usr/sbin/policy-rc.d"
  log "installing ${PACKAGES[*]} in the $SUITE root"
  mount -t proc proc "$work/proc"
  local status=0
  chroot "$work" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends ${PACKAGES[*]} && apt-get clean" >"$ENGINE_HOME/apt.log" 2>&1 || status=$?
  umount "$work/proc"
  ((status == 0)) || die "apt-get install in the $SUITE root failed; fix: read $ENGINE_HOME/apt.log"
  rm -rf "$ROOT"
  mv "$work" "$ROOT"
}

main() {
  local wanted
  wanted="$(key)"
  mkdir -p "$ENGINE_HOME"
  if [[ "$(cat "$ROOT/.multistage-engine-key" 2>/dev/null)" != "$wanted" ]]; then
    [[ "$(id -u)" == 0 ]] || die "making the engine root needs root; fix: run as root"
    command -v debootstrap >/dev/null 2>&1 || die "debootstrap not found; fix: apt-get install debootstrap"
    # A daemon still running from the old root would lose its files: stop it (its images stay in
    # its data root, outside the root; start-daemon.sh starts it again from the new one).
    local pid_file
    for pid_file in "$ROOT"/run/*.pid; do
      [[ -f "$pid_file" ]] || continue
      MULTISTAGE_ENGINE_NAME="$(basename "$pid_file" .pid)" bash "$HERE/stop-daemon.sh"
    done
    build_root
    echo "$wanted" >"$ROOT/.multistage-engine-key"
  fi
  echo "$ROOT"
}

main "$@"
