#!/usr/bin/env bash
# `docker` for the course workflow's steps on an engine with no bridge network (CI): builds use the
# host's network, and `run -p H:C` runs on the host's network instead, where the app's own port is
# the host's. Everything else goes to the real client ($MULTISTAGE_DOCKER) unchanged.
set -euo pipefail
real="${MULTISTAGE_DOCKER:?MULTISTAGE_DOCKER must name the real docker client}"
case "${1:-}" in
  build)
    shift
    exec "$real" build --network=host "$@"
    ;;
  run)
    shift
    args=()
    while (($#)); do
      case "$1" in
        -p | --publish) shift 2 ;;
        *) args+=("$1") && shift ;;
      esac
    done
    exec "$real" run --network=host "${args[@]}"
    ;;
  *)
    exec "$real" "$@"
    ;;
esac
