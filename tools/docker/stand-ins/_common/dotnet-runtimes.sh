#!/bin/sh
# Lay out a .NET root (the dotnet muxer, host/fxr and the shared runtimes of one MAJOR.MINOR) in
# DEST for a runtime stand-in. The host's own runtimes are taken when they are that version;
# other versions (8.0 and 9.0 beside the host's 10.0) come from NuGet, where each release
# publishes its shared frameworks as runtime packs (Microsoft.NETCore.App.Runtime.linux-x64,
# Microsoft.AspNetCore.App.Runtime.linux-x64): the newest patch of MAJOR.MINOR, as the
# floating MAJOR.MINOR tag of the official image holds. Needs curl and unzip for NuGet.
# The feed is NUGET_FLATCONTAINER (default: nuget.org's).
# usage: dotnet-runtimes.sh MAJOR.MINOR HOST_DOTNET_ROOT DEST
set -eu
version="$1" host="$2" dest="$3"
feed="${NUGET_FLATCONTAINER:-https://api.nuget.org/v3-flatcontainer}"
feed="${feed%/}"
frameworks="Microsoft.NETCore.App Microsoft.AspNetCore.App"

mkdir -p "$dest/shared"
# The muxer and hostfxr of the newest .NET run every older runtime.
cp -a "$host/dotnet" "$host/host" "$dest/"
if [ -e "$host/LICENSE.txt" ]; then cp -a "$host/LICENSE.txt" "$dest/"; fi

for framework in $frameworks; do
  from_host="$(find "$host/shared/$framework" -mindepth 1 -maxdepth 1 -name "$version.*" 2>/dev/null | sort -V | tail -n1)"
  if [ -n "$from_host" ]; then
    mkdir -p "$dest/shared/$framework"
    cp -a "$from_host" "$dest/shared/$framework/"
    echo "$framework $(basename "$from_host") from the host"
    continue
  fi
  # NuGet's flat container names packages in lower case.
  package="$(echo "$framework.Runtime.linux-x64" | tr '[:upper:]' '[:lower:]')"
  # The flat container lists versions as "x.y.z" strings; previews carry a '-' and are left out.
  patch="$(curl -fsSL "$feed/$package/index.json" | grep -oE "\"$version\\.[0-9]+\"" | tr -d '"' | sort -V | tail -n1)"
  if [ -z "$patch" ]; then
    echo "dotnet-runtimes: $feed/$package has no $version.x release; fix: pick a .NET version NuGet publishes" >&2
    exit 1
  fi
  work="$(mktemp -d)"
  curl -fsSL -o "$work/pack.nupkg" "$feed/$package/$patch/$package.$patch.nupkg"
  unzip -q "$work/pack.nupkg" 'runtimes/linux-x64/*' -d "$work"
  # A runtime pack holds the shared framework's managed (lib/netX.Y) and native files: together
  # they are the folder shared/<framework>/<version> of an installed runtime, deps.json included.
  mkdir -p "$dest/shared/$framework/$patch"
  cp -a "$work"/runtimes/linux-x64/lib/net*/. "$dest/shared/$framework/$patch/"
  if [ -d "$work/runtimes/linux-x64/native" ]; then
    cp -a "$work/runtimes/linux-x64/native/." "$dest/shared/$framework/$patch/"
  fi
  rm -rf "$work"
  echo "$framework $patch from $feed"
done
