#!/bin/sh
# Assemble a minimal root file system from Debian packages without installing them, as the
# distroless and chiseled images are made: download each package (no dependencies, no
# maintainer scripts), unpack it with dpkg-deb -x, and record it in var/lib/dpkg/status.d so
# scanners can still list what the image holds. Docs, man pages and translations are dropped.
# usage: extract-debs.sh OUT PACKAGE...
set -eu
out="$1"
shift
work="$(mktemp -d)"
# apt downloads as the _apt user: it must be able to write there.
chmod 755 "$work"
mkdir -p "$out/var/lib/dpkg/status.d"
apt-get update -qq
(cd "$work" && apt-get download -qq "$@")
for deb in "$work"/*.deb; do
  dpkg-deb -x "$deb" "$out"
  dpkg-deb -f "$deb" >"$out/var/lib/dpkg/status.d/$(dpkg-deb -f "$deb" Package)"
done
rm -rf "$work" /var/lib/apt/lists/*
rm -rf "$out/usr/share/man" "$out/usr/share/info" "$out/usr/share/lintian" "$out/usr/share/locale"
find "$out/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
