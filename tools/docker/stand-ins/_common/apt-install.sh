#!/bin/sh
# Install Debian packages in a stand-in image the way official images do: no recommends, no
# package lists or caches left in the layer, and the host's CA (copied to
# /usr/local/share/ca-certificates/ by the Dockerfile) added to the trust store.
# usage: apt-install.sh [--suite SUITE] PACKAGE...   (--suite: e.g. trixie-backports, used
# for this install only, so the image's sources stay those of its base)
set -eu
extra=/etc/apt/sources.list.d/stand-in-extra.list
if [ "${1:-}" = "--suite" ]; then
  suite="$2"
  shift 2
  base="$(awk '$1 == "deb" { print $3; exit }' /etc/apt/sources.list)"
  sed "s| $base | $suite |" /etc/apt/sources.list >"$extra"
  set -- -t "$suite" "$@"
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
rm -f "$extra"
rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/apt /var/log/dpkg.log
if command -v update-ca-certificates >/dev/null; then update-ca-certificates >/dev/null; fi
