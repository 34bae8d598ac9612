#!/usr/bin/env bash
# Make every base image the templates name available in the project's daemon.
# The set comes from the templates' catalog, `multistage catalog --json` (see lib/plan.py). Per image:
#   present (and, for a stand-in, built from the current recipe) -> nothing;
#   else a pull with a short timeout (online: the real image, no stand-in);
#   else a stand-in from the matching recipe in stand-ins/<recipe>/ (Dockerfile + recipe.json),
#   built on a cached debootstrap root file system and labelled multistage.stand-in=<source>.
# Images whose every use has needsRegistry get no stand-in and are reported.
# usage: seed-base-images.sh [IMAGE...]   (no arguments: all of them)
# env: TEMPLATES_DIR (templates to seed for; default: this clone's), MULTISTAGE_CLI (the command that
#      runs the tool; default: dotnet run --project <clone>/tools/Multistage --), MULTISTAGE_CACHE
#      (default /var/cache/multistage), PULL_TIMEOUT (s), DOCKER_HOST
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"
# shellcheck source=lib/rootfs.sh
source "$HERE/lib/rootfs.sh"

CACHE_DIR="${MULTISTAGE_CACHE:-/var/cache/multistage}"
PULL_TIMEOUT="${PULL_TIMEOUT:-20}"
HASH_LABEL=multistage.stand-in.recipe-hash
STAND_IN_LABEL=multistage.stand-in

declare -a REGISTRY_ONLY=() MISSING=() BUILT=() PULLED=() PRESENT=()

label_of() { dock image inspect -f "{{index .Config.Labels \"$2\"}}" "$1" 2>/dev/null || true; }

# A real image (no stand-in label) is kept as it is; a stand-in only while its recipe is unchanged.
is_current() {
  local image="$1" hash="$2"
  dock image inspect "$image" >/dev/null 2>&1 || return 1
  [[ -z "$(label_of "$image" "$STAND_IN_LABEL")" ]] && return 0
  [[ "$(label_of "$image" "$HASH_LABEL")" == "$hash" ]]
}

try_pull() {
  local image="$1"
  log "pulling $image (timeout ${PULL_TIMEOUT}s)"
  timeout "$PULL_TIMEOUT" "$DOCKER_BIN" pull -q "$image" >/dev/null 2>&1
}

# The exact version for the label, from the recipe's version command run in the new image.
exact_version() {
  local image="$1" command="$2"
  [[ "$command" == "-" ]] && return 0
  local -a argv
  read -r -a argv <<<"$command"
  dock run --rm --network=host --entrypoint "${argv[0]}" "$image" "${argv[@]:1}" 2>&1 |
    grep -oE '[0-9]+\.[0-9]+(\.[0-9]+)?' | head -n1
}

build_stand_in() {
  local image="$1" recipe="$2" suite="$3" hash="$4" description="$5" version_command="$6"
  shift 6
  local -a build_args=()
  local arg
  for arg in "$@"; do build_args+=(--build-arg "$arg"); done
  if [[ "$suite" != "-" ]]; then
    build_args+=(--build-arg "ROOTFS=$(ensure_rootfs_image "$suite")")
  fi
  local build_log
  build_log="$CACHE_DIR/logs/$(echo "$image" | tr '/:' '__').log"
  mkdir -p "$CACHE_DIR/logs"
  log "building stand-in $image from $(basename "$recipe") (log: $build_log)"
  python3 "$HERE/lib/context.py" "$recipe" |
    dock build --network=host --progress=plain -t "$image" "${build_args[@]}" \
      --label "$HASH_LABEL=$hash" - >"$build_log" 2>&1 ||
    die "stand-in $image did not build; fix: read $build_log (last lines: $(tail -n 5 "$build_log" | tr '\n' ' '))"
  local exact unlabelled
  exact="$(exact_version "$image" "$version_command")"
  unlabelled="$(dock image inspect -f '{{.Id}}' "$image")"
  # LABEL adds no layer: the description carries the exact version the recipe installed.
  printf 'FROM %s\nLABEL %s="%s"\n' "$image" "$STAND_IN_LABEL" "${description//\{exact\}/$exact}" |
    dock build -q -t "$image" - >/dev/null
  # The unlabelled image is now an untagged twin sharing every layer: drop it, no one else uses it.
  dock image rm "$unlabelled" >/dev/null 2>&1 || true
}

seed_one() {
  local image="$1" kind="$2" detail="$3"
  shift 3
  case "$kind" in
    registry)
      if dock image inspect "$image" >/dev/null 2>&1 || try_pull "$image"; then PULLED+=("$image"); return; fi
      REGISTRY_ONLY+=("$image: needs registry access: $detail")
      ;;
    none)
      if dock image inspect "$image" >/dev/null 2>&1 || try_pull "$image"; then PULLED+=("$image"); return; fi
      MISSING+=("$image: $detail")
      ;;
    recipe)
      # A new root file system (its key) rebuilds the stand-ins made on it.
      [[ "$1" == "-" ]] || set -- "$1" "$2-$(rootfs_key "$1")" "${@:3}"
      if is_current "$image" "$2"; then PRESENT+=("$image"); return; fi
      if ! dock image inspect "$image" >/dev/null 2>&1 && try_pull "$image"; then PULLED+=("$image"); return; fi
      build_stand_in "$image" "$detail" "$@"
      BUILT+=("$image")
      ;;
  esac
}

wanted() {
  local image="$1"
  shift
  (( $# == 0 )) && return 0
  local w
  for w in "$@"; do [[ "$w" == "$image" ]] && return 0; done
  return 1
}

report() {
  local line
  log "present: ${#PRESENT[@]}, pulled or real: ${#PULLED[@]}, stand-ins built: ${#BUILT[@]}"
  for line in "${BUILT[@]}"; do log "built $line: $(label_of "$line" "$STAND_IN_LABEL")"; done
  for line in "${REGISTRY_ONLY[@]}"; do log "$line"; done
  for line in "${MISSING[@]}"; do log "error: $line"; done
  (( ${#MISSING[@]} == 0 ))
}

# The catalog as the tool reads it: the one reader of the template files (see CONTRIBUTING.md).
catalog_json() {
  local -a cli
  if [[ -n "${MULTISTAGE_CLI:-}" ]]; then
    read -r -a cli <<<"$MULTISTAGE_CLI"
  else
    cli=(dotnet run --project "$HERE/../Multistage" -v q --)
  fi
  local -a templates=()
  [[ -z "${TEMPLATES_DIR:-}" ]] || templates=(--templates "$TEMPLATES_DIR")
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 "${cli[@]}" catalog --json "${templates[@]}" ||
    die "\`${cli[*]} catalog --json\` failed (its error is above); fix: make it run, or set MULTISTAGE_CLI to a command that does"
}

main() {
  local plan fields
  CATALOG_FILE="$(mktemp)"
  trap 'rm -f "$CATALOG_FILE"' EXIT
  catalog_json >"$CATALOG_FILE"
  plan="$(python3 "$HERE/lib/plan.py" "$CATALOG_FILE")"
  while IFS=$'\x1f' read -r -u 3 -a fields; do
    wanted "${fields[0]}" "$@" || continue
    seed_one "${fields[@]}"
  done 3<<<"$plan"
  report
}

main "$@"
