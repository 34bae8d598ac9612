"""Debian root file systems for stand-in images: made once per suite with debootstrap, kept as a
tarball in the cache folder, imported into the daemon as multistage-stand-in/rootfs:<suite>."""
import glob
import hashlib
import os
import shutil
import subprocess
import tempfile
import threading

from . import dock
from .log import fail, log

MIRROR = os.environ.get("DEBIAN_MIRROR") or "http://deb.debian.org/debian"
OVERLAY = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "rootfs")
_locks = {}
_locks_guard = threading.Lock()


def key(suite):
    """The suite and a hash of what shapes the tarball (the overlay and this code), so a changed
    overlay never reuses a stale tarball."""
    h = hashlib.sha256()
    for root, _, names in sorted(os.walk(OVERLAY)):
        for name in sorted(names):
            path = os.path.join(root, name)
            h.update(os.path.relpath(path, OVERLAY).encode() + b"\0")
            with open(path, "rb") as f:
                h.update(hashlib.sha256(f.read()).digest())
    with open(__file__, "rb") as f:
        h.update(f.read())
    return f"debian-{suite}-minbase-{h.hexdigest()[:12]}"


def _debootstrap_script(suite):
    # Bookworm's debootstrap has no script for newer suites (forky): sid's script fits them.
    return suite if os.path.exists(f"/usr/share/debootstrap/scripts/{suite}") else "sid"


def _slim(folder):
    """What Debian's official slim images remove: docs, man pages, locales, apt lists and caches."""
    shutil.copytree(OVERLAY, folder, dirs_exist_ok=True, symlinks=True)
    for pattern in ("var/lib/apt/lists/*", "var/cache/apt/*", "var/log/*.log", "usr/share/man/*",
                    "usr/share/info/*", "usr/share/groff/*", "usr/share/lintian/*", "usr/share/linda/*"):
        for path in glob.glob(os.path.join(folder, pattern)):
            shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.remove(path)
    docs = os.path.join(folder, "usr/share/doc")
    for root, dirs, names in os.walk(docs, topdown=False):
        # Everything but copyright files and real folders goes (links to folders included).
        links = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        for name in names + links:
            if name != "copyright":
                os.remove(os.path.join(root, name))
        if root != docs and not os.listdir(root):
            os.rmdir(root)
    locales = os.path.join(folder, "usr/share/locale")
    for name in os.listdir(locales) if os.path.isdir(locales) else []:
        if name != "locale.alias":
            path = os.path.join(locales, name)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)


def _make_tarball(suite, tarball):
    folder = tempfile.mkdtemp(prefix=f".rootfs-{suite}.", dir=os.path.dirname(tarball))
    log_path = folder + ".log"
    log(f"debootstrap {suite} (minbase) from {MIRROR}")
    with open(log_path, "wb") as out:
        status = subprocess.run(
            ["debootstrap", "--variant=minbase", suite, folder, MIRROR,
             f"/usr/share/debootstrap/scripts/{_debootstrap_script(suite)}"],
            stdout=out, stderr=subprocess.STDOUT).returncode
    if status != 0:
        fail(f"debootstrap {suite} failed; fix: check {MIRROR} is reachable, see {log_path}")
    with open(os.path.join(folder, "etc/apt/sources.list"), "w") as f:
        f.write(f"deb {MIRROR} {suite} main\n")
    _slim(folder)
    # Numeric owners and a fixed order: the same root file system gives the same tarball.
    if subprocess.run(["tar", "--numeric-owner", "--sort=name", "-C", folder, "-cf", tarball + ".part", "."]).returncode:
        fail(f"tar of the {suite} root failed; fix: check free space in {os.path.dirname(tarball)}")
    os.replace(tarball + ".part", tarball)
    shutil.rmtree(folder)
    os.remove(log_path)


def ensure_image(suite, cache_dir):
    """The image name of the suite's root file system, made and imported when needed. Thread-safe:
    builds that share a suite wait for the one that makes it."""
    with _locks_guard:
        lock = _locks.setdefault(suite, threading.Lock())
    with lock:
        suite_key, image = key(suite), f"multistage-stand-in/rootfs:{suite}"
        if dock.label(image, "multistage.rootfs") == suite_key:
            return image
        folder = os.path.join(cache_dir, "rootfs")
        tarball = os.path.join(folder, f"{suite_key}.tar")
        os.makedirs(folder, exist_ok=True)
        if not os.path.isfile(tarball):
            if not shutil.which("debootstrap"):
                fail("debootstrap not found; fix: apt-get install debootstrap")
            _make_tarball(suite, tarball)
            # Tarballs of this suite under older keys can never be used again.
            for old in glob.glob(os.path.join(folder, f"debian-{suite}-minbase-*.tar")):
                if old != tarball:
                    os.remove(old)
        log(f"importing {tarball} as {image}")
        status, out = dock.run(["import", "--change", f"LABEL multistage.rootfs={suite_key}",
                                "--change", 'CMD ["bash"]', tarball, image])
        if status != 0:
            fail(f"docker import of {tarball} failed: {out.strip()}; fix: check the daemon answers")
        return image
