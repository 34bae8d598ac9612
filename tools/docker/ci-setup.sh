#!/usr/bin/env bash
# What .ci/run calls before the tests on a fresh machine: install debootstrap and shellcheck, make
# the engine's forky root, start the project's Engine 28, seed the base images and build the Python
# wheelhouse.
# stdout: only the `export KEY=VALUE` lines of start-daemon.sh: eval "$(bash ci-setup.sh)".
# The cache (/var/cache/multistage: debootstrap tarballs, wheelhouse), the engine root and the
# daemon's images stay warm between runs on one machine; every cached item is keyed by a hash of
# the files that make it (recipes, overlay, these scripts), so a changed script always rebuilds
# what it makes.
# env: everything engine-root.sh, start-daemon.sh, seed-base-images.sh and build-wheelhouse.sh read.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"

# debootstrap for root file systems (the engine's and the stand-ins'), python3 for the JSON and
# wheel helpers, shellcheck for the tests that check these scripts. The engine itself comes from
# Debian forky, inside its own root (engine-root.sh).
install_packages() {
  local -a missing=()
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
  (( ${#missing[@]} == 0 )) && return
  log "installing ${missing[*]}"
  [[ "$(id -u)" == 0 ]] || die "installing ${missing[*]} needs root; fix: run as root or install them first"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

main() {
  local started exports
  started=$SECONDS
  install_packages
  bash "$HERE/engine-root.sh" >/dev/null
  exports="$(bash "$HERE/start-daemon.sh")"
  eval "$exports"
  bash "$HERE/seed-base-images.sh" >&2
  bash "$HERE/build-wheelhouse.sh" >&2
  log "ready in $((SECONDS - started)) s"
  echo "$exports"
}

main "$@"
