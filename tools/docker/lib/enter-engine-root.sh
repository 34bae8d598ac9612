#!/usr/bin/env bash
# Run inside a new, private mount namespace (unshare --mount, from start-daemon.sh): make the
# engine root the namespace's root with pivot_root, then exec the command there.
# Why pivot_root and not chroot: `docker exec` and every HEALTHCHECK join a container's mount
# namespace, which puts them at that namespace's root; under a chrooted dockerd that root is the
# host's file system (tried: `docker exec` listed the host's /), under a pivoted one it is the
# container's own.
# usage: enter-engine-root.sh ROOT NAME DATA_ROOT SOCKET_DIR COMMAND...
set -euo pipefail
root="$1" name="$2" data_root="$3" socket_dir="$4"
shift 4

# These mounts exist only in this namespace: they vanish with the daemon, and none reaches the host.
mount --bind "$root" "$root"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mkdir -p "$root/var/lib/$name" "$root$socket_dir"
# Images live outside the root (a rebuilt root keeps them); the socket's folder is the host's own
# /run/NAME, so the host finds the socket there.
mount --bind "$data_root" "$root/var/lib/$name"
mount --bind "$socket_dir" "$root$socket_dir"
cd "$root"
mkdir -p .old-root
pivot_root . .old-root
exec chroot . /bin/sh -c 'umount -l /.old-root && exec "$@"' sh "$@"
