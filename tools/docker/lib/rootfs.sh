#!/usr/bin/env bash
# Debian root file systems for stand-in images: made once per suite with debootstrap, kept as a
# tarball in the cache folder, imported into the daemon as multistage-stand-in/rootfs:<suite>.
# Sourced by seed-base-images.sh (needs lib/common.sh).

DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ROOTFS_OVERLAY="$(cd "$(dirname "${BASH_SOURCE[0]}")/../rootfs" && pwd)"

# The cache key holds the suite and a hash of what shapes the tarball, so a changed overlay or
# recipe here never reuses a stale tarball.
rootfs_key() {
  local suite="$1"
  local h
  h="$( (cd "$ROOTFS_OVERLAY" && find . -type f | LC_ALL=C sort | xargs sha256sum; declare -f make_rootfs_tarball slim_rootfs) | sha256sum | cut -c1-12)"
  echo "debian-$suite-minbase-$h"
}

# Bookworm's debootstrap has no script for newer suites (forky): sid's script fits them.
debootstrap_script() {
  local suite="$1"
  if [[ -e "/usr/share/debootstrap/scripts/$suite" ]]; then echo "$suite"; else echo sid; fi
}

# What Debian's official slim images remove: docs, man pages, locales, apt lists and caches.
slim_rootfs() {
  local dir="$1"
  cp -a "$ROOTFS_OVERLAY/." "$dir/"
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/* "$dir"/var/log/*.log \
    "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/groff/* \
    "$dir"/usr/share/lintian/* "$dir"/usr/share/linda/*
  find "$dir/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$dir/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$dir/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
}

make_rootfs_tarball() {
  local suite="$1" tarball="$2"
  local dir
  dir="$(mktemp -d "${tarball%/*}/.rootfs-$suite.XXXXXX")"
  log "debootstrap $suite (minbase) from $DEBIAN_MIRROR"
  debootstrap --variant=minbase "$suite" "$dir" "$DEBIAN_MIRROR" \
    "/usr/share/debootstrap/scripts/$(debootstrap_script "$suite")" >"$dir.log" 2>&1 ||
    die "debootstrap $suite failed; fix: check $DEBIAN_MIRROR is reachable, see $dir.log"
  printf 'deb %s %s main\n' "$DEBIAN_MIRROR" "$suite" >"$dir/etc/apt/sources.list"
  slim_rootfs "$dir"
  # numeric owners and a fixed order: the same root file system gives the same tarball.
  tar --numeric-owner --sort=name -C "$dir" -cf "$tarball.part" .
  mv "$tarball.part" "$tarball"
  rm -rf "$dir" "$dir.log"
}

# Prints the image name of the suite's root file system, making and importing it when needed.
ensure_rootfs_image() {
  local suite="$1"
  local key image tarball
  key="$(rootfs_key "$suite")"
  image="multistage-stand-in/rootfs:$suite"
  tarball="$CACHE_DIR/rootfs/$key.tar"
  if [[ "$(dock image inspect -f '{{index .Config.Labels "multistage.rootfs"}}' "$image" 2>/dev/null)" != "$key" ]]; then
    command -v debootstrap >/dev/null 2>&1 || [[ -f "$tarball" ]] ||
      die "debootstrap not found; fix: apt-get install debootstrap"
    mkdir -p "$CACHE_DIR/rootfs"
    if [[ ! -f "$tarball" ]]; then
      make_rootfs_tarball "$suite" "$tarball"
      # Tarballs of this suite under older keys can never be used again.
      find "$CACHE_DIR/rootfs" -maxdepth 1 -name "debian-$suite-minbase-*.tar" \
        -not -name "$key.tar" -delete
    fi
    log "importing $tarball as $image"
    dock import --change "LABEL multistage.rootfs=$key" --change 'CMD ["bash"]' \
      "$tarball" "$image" >/dev/null
  fi
  echo "$image"
}
