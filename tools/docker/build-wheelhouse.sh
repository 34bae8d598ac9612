#!/usr/bin/env bash
# Build an offline Python package index (PEP 503) of wheels for exactly the pins in
# templates/python/requirements.txt, from Debian trixie's packages (PyPI is not reachable
# here; Debian's mirror is, and trixie packages these very versions), and for the pins in
# tools/docker/wheelhouse-forky.txt from Debian forky's (FastAPI, uvicorn and their closure,
# which trixie has in older versions; pydantic-core as a CPython 3.14 x86_64 wheel).
# usage: build-wheelhouse.sh [DIR]   (default /var/cache/multistage/wheelhouse)
# Serve it:  python3 -m http.server --bind 127.0.0.1 PORT --directory DIR
# Use it:    pip install --index-url http://127.0.0.1:PORT/simple/ -r requirements.txt
# env: WHEELHOUSE_REQUIREMENTS (the pins), WHEELHOUSE_IMAGE (a trixie image with apt,
#      default debian:trixie-slim, seeded by seed-base-images.sh), WHEELHOUSE_FORKY_REQUIREMENTS,
#      WHEELHOUSE_FORKY_IMAGE (default multistage-stand-in/rootfs:forky, also seeded), DOCKER_HOST
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"

OUT="${1:-${MULTISTAGE_CACHE:-/var/cache/multistage}/wheelhouse}"
REQUIREMENTS="${WHEELHOUSE_REQUIREMENTS:-$HERE/../../templates/python/requirements.txt}"
IMAGE="${WHEELHOUSE_IMAGE:-debian:trixie-slim}"
FORKY_REQUIREMENTS="${WHEELHOUSE_FORKY_REQUIREMENTS:-$HERE/wheelhouse-forky.txt}"
FORKY_IMAGE="${WHEELHOUSE_FORKY_IMAGE:-multistage-stand-in/rootfs:forky}"
ASSEMBLE="$HERE/lib/assemble-wheels.py"

# What the wheelhouse is made from: the pins and the code that turns packages into wheels.
inputs_hash() { cat "$REQUIREMENTS" "$FORKY_REQUIREMENTS" "$ASSEMBLE" "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1; }

up_to_date() { [[ -f "$OUT/simple/index.html" && "$(cat "$OUT/.inputs" 2>/dev/null)" == "$1" ]]; }

# apt-get download + dpkg-deb -x in a container of the suite: no apt configuration on the host.
unpack_debs() {
  local image="$1" trees="$2"
  shift 2
  dock image inspect "$image" >/dev/null 2>&1 ||
    die "image $image is missing; fix: run tools/docker/seed-base-images.sh (or set WHEELHOUSE_IMAGE / WHEELHOUSE_FORKY_IMAGE)"
  # No bind mount: the project's engine runs in a root file system of its own, where this host's
  # paths do not exist (a -v of a host folder filled the engine's folder instead). The unpacked
  # trees come back with docker cp.
  local container="multistage-wheelhouse-$$"
  # shellcheck disable=SC2016 # expanded by the container's shell
  dock run --name "$container" --network=host "$image" sh -euc '
    apt-get update -qq
    mkdir -p /tmp/debs /trees && cd /tmp/debs && chmod 777 .
    apt-get download -qq "$@" || { echo "a pinned package is not in this Debian suite: $*" >&2; exit 1; }
    for deb in *.deb; do dpkg-deb -x "$deb" "/trees/$(dpkg-deb -f "$deb" Package)"; done
    ls *.deb' unpack "$@" >&2 || {
    dock rm -f "$container" >/dev/null 2>&1
    die "could not download the Debian packages $*; fix: see the message above"
  }
  dock cp "$container:/trees/." "$trees" >&2
  dock rm -f "$container" >/dev/null
}

# The Debian packages of one pin file, unpacked into a folder of their own.
unpack_pins() {
  local image="$1" pins="$2" trees="$3"
  local -a packages
  local names
  # Not a process substitution: a bad requirements file must stop the script here.
  names="$(python3 "$ASSEMBLE" --debian-packages "$pins")"
  mapfile -t packages <<<"$names"
  log "unpacking ${packages[*]} from $image"
  unpack_debs "$image" "$trees" "${packages[@]}"
}

main() {
  [[ -f "$REQUIREMENTS" && -f "$FORKY_REQUIREMENTS" ]] ||
    die "$REQUIREMENTS or $FORKY_REQUIREMENTS not found; fix: run from the repository or set WHEELHOUSE_REQUIREMENTS / WHEELHOUSE_FORKY_REQUIREMENTS"
  local hash
  hash="$(inputs_hash)"
  if up_to_date "$hash"; then
    log "wheelhouse $OUT is up to date"
    return
  fi
  TREES="$(mktemp -d)"
  trap 'rm -rf "$TREES"' EXIT
  mkdir -p "$TREES/trixie" "$TREES/forky"
  unpack_pins "$IMAGE" "$REQUIREMENTS" "$TREES/trixie"
  unpack_pins "$FORKY_IMAGE" "$FORKY_REQUIREMENTS" "$TREES/forky"
  mkdir -p "$OUT"
  python3 "$ASSEMBLE" "$OUT" "$REQUIREMENTS" "$TREES/trixie" "$FORKY_REQUIREMENTS" "$TREES/forky"
  echo "$hash" >"$OUT/.inputs"
  log "wheelhouse ready: $OUT/simple/ ($(find "$OUT/wheels" -name '*.whl' | wc -l) wheels)"
}

main "$@"
