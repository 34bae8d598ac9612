#!/usr/bin/env bash
# What .ci/run calls before the tests on a fresh machine: install the engine and tools, start
# the project's daemon, seed the base images and build the Python wheelhouse.
# stdout: DOCKER_HOST=unix://... as the last line (export "$(bash ci-setup.sh | tail -n1)").
# The cache (/var/cache/multistage: debootstrap tarballs, wheelhouse) and the daemon's images
# stay warm between runs on one machine; every cached item is keyed by a hash of the files that
# make it (recipes, overlay, these scripts), so a changed script always rebuilds what it makes.
# env: everything start-daemon.sh, seed-base-images.sh and build-wheelhouse.sh read.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"

# Debian's engine 20.10 with its client at /usr/bin/docker, debootstrap for root file systems,
# python3 for the JSON and wheel helpers.
install_packages() {
  local -a missing=()
  command -v dockerd >/dev/null 2>&1 && [[ -x /usr/bin/docker ]] || missing+=(docker.io)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  (( ${#missing[@]} == 0 )) && return
  log "installing ${missing[*]}"
  [[ "$(id -u)" == 0 ]] || die "installing ${missing[*]} needs root; fix: run as root or install them first"
  # Debian starts a package's services on install unless policy-rc.d forbids it: the stock docker
  # service would create a bridge network and iptables rules, which this machine must not get.
  local policy=/usr/sbin/policy-rc.d added_policy=
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added_policy=1
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  [[ -z $added_policy ]] || rm -f "$policy"
}

main() {
  local started docker_host
  started=$SECONDS
  install_packages
  docker_host="$(bash "$HERE/start-daemon.sh")"
  export "${docker_host?}"
  bash "$HERE/seed-base-images.sh" >&2
  bash "$HERE/build-wheelhouse.sh" >&2
  log "ready in $((SECONDS - started)) s"
  echo "$docker_host"
}

main "$@"
