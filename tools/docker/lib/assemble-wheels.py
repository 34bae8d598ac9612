#!/usr/bin/env python3
"""Assemble py3-none-any wheels from unpacked Debian packages and write a PEP 503 index.

usage: assemble-wheels.py OUT REQUIREMENTS TREES [REQUIREMENTS TREES ...]
       assemble-wheels.py --debian-packages REQUIREMENTS   (the packages to unpack, one a line)
  OUT           gets OUT/wheels/*.whl and OUT/simple/<normalized name>/index.html
  REQUIREMENTS  pinned lines NAME==VERSION (the template's requirements.txt, a suite's extra pins);
                a line ending in "# binary" keeps the package's compiled extension
  TREES         one folder per pin, TREES/<debian package>/, holding `dpkg-deb -x` output

A Debian python3-* package installs the distribution's import packages and its .dist-info
under usr/lib/python3/dist-packages. A wheel is exactly those files plus WHEEL and RECORD in
the .dist-info. Compiled extensions are dropped (most pins are pure Python with fallbacks, e.g.
MarkupSafe's _speedups), so the wheel is py3-none-any; a "# binary" pin (pydantic-core, Rust only)
keeps them and is tagged cpXY-cpXY-linux_<cpu> from the extension's file name
(`_pydantic_core.cpython-314-x86_64-linux-gnu.so`): pip then installs it only on that Python. Output is deterministic: sorted entries,
fixed timestamps and modes.
"""
import base64
import hashlib
import html
import os
import re
import shutil
import sys
import zipfile

DIST_PACKAGES = os.path.join("usr", "lib", "python3", "dist-packages")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
DROPPED_DIST_INFO = {"INSTALLER", "REQUESTED", "RECORD", "direct_url.json", "WHEEL"}


def fail(message):
    print(f"assemble-wheels.py: error: {message}", file=sys.stderr)
    sys.exit(1)


def normalize(name):
    """PEP 503 normalized project name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def debian_package(name):
    """Debian's naming policy for Python libraries: python3-<normalized name>."""
    return "python3-" + normalize(name)


def read_pins(path):
    pins = []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!-]+)", line)
            if not m:
                fail(f"{path}:{number}: '{line}' is not an exact pin; fix: write NAME==VERSION")
            binary = raw.partition("#")[2].strip() == "binary"
            pins.append((m.group(1), m.group(2), binary))
    return pins


def find_metadata(site, name, version):
    """The distribution's .dist-info (or, in older Debian packages, .egg-info) folder name."""
    wanted = normalize(name)
    for entry in sorted(os.listdir(site)):
        m = re.fullmatch(r"(.+)-([^-]+)\.(dist|egg)-info", entry)
        if m and normalize(m.group(1)) == wanted:
            if m.group(2) != version:
                fail(f"Debian's {debian_package(name)} holds {name} {m.group(2)}, "
                     f"the requirements pin {name}=={version}; fix: pin {m.group(2)}, "
                     "or serve that version from another index")
            return entry
    fail(f"{debian_package(name)} has no {name}-*.dist-info under {DIST_PACKAGES}; "
         "fix: check the Debian package name for this project")


def egg_requirements(path):
    """requires.txt of an .egg-info as Requires-Dist lines ([extra] sections become markers)."""
    lines, marker = [], ""
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.strip()
                if line.startswith("[") and line.endswith("]"):
                    extra, _, cond = line[1:-1].partition(":")
                    parts = ([f'extra == "{extra}"'] if extra else []) + ([f"({cond})"] if cond else [])
                    marker = "; " + " and ".join(parts) if parts else ""
                elif line:
                    lines.append(f"Requires-Dist: {line}{marker}")
    return lines


EXTENSION = re.compile(r"\.cpython-(\d+)-(\w+?)-linux-gnu\.so$")


def wheel_tag(site, metadata_dir, binary):
    """py3-none-any, or for a binary pin the one cpXY-cpXY-linux_<cpu> its extensions are built for."""
    if not binary:
        return "py3-none-any"
    tags = set()
    for root, _, names in os.walk(site):
        tags.update(f"cp{m.group(1)}-cp{m.group(1)}-linux_{m.group(2)}" for n in names if (m := EXTENSION.search(n)))
    if len(tags) != 1:
        fail(f"{metadata_dir}: a binary pin needs extensions for exactly one CPython, found {sorted(tags) or 'none'}")
    return tags.pop()


def wheel_files(site, metadata_dir, binary=False):
    """(path in wheel, bytes) for every file that belongs in the wheel, sorted, and the
    wheel's .dist-info name. An .egg-info becomes a .dist-info: PKG-INFO is METADATA's format."""
    dist_info = re.sub(r"\.egg-info$", ".dist-info", metadata_dir)
    files = []
    for root, dirs, names in os.walk(site):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for n in sorted(names):
            rel = os.path.relpath(os.path.join(root, n), site).replace(os.sep, "/")
            if (n.endswith(".so") and not binary) or n.endswith(".pyc") or (rel.startswith(metadata_dir + "/") and n in DROPPED_DIST_INFO):
                continue
            if not os.path.exists(os.path.join(root, n)):
                # A symlink into another Debian package (Django's admin -> libjs-jquery): not
                # unpacked here, so not in the wheel.
                print(f"assemble-wheels.py: skipping {rel}: a link to a file of another package", file=sys.stderr)
                continue
            with open(os.path.join(root, n), "rb") as f:
                data = f.read()
            if metadata_dir.endswith(".egg-info") and rel.startswith(metadata_dir + "/"):
                if n in ("requires.txt", "SOURCES.txt", "dependency_links.txt", "not-zip-safe"):
                    continue
                if n == "PKG-INFO":
                    n, requires = "METADATA", egg_requirements(os.path.join(root, "requires.txt"))
                    head, sep, body = data.decode("utf-8").partition("\n\n")
                    data = (head + "".join("\n" + r for r in requires) + sep + body).encode("utf-8")
                rel = f"{dist_info}/{n}"
            files.append((rel, data))
    return sorted(files), dist_info


def record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def build_wheel(site, name, version, binary, out_dir):
    metadata_dir = find_metadata(site, name, version)
    tag = wheel_tag(site, metadata_dir, binary)
    files, dist_info = wheel_files(site, metadata_dir, binary)
    files.append((f"{dist_info}/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: multistage build-wheelhouse (from Debian)\n"
        f"Root-Is-Purelib: {'false' if binary else 'true'}\nTag: {tag}\n").encode()))
    record = "".join(record_line(p, d) + "\n" for p, d in files) + f"{dist_info}/RECORD,,\n"
    files.append((f"{dist_info}/RECORD", record.encode()))
    dist, ver = dist_info[:-len(".dist-info")].rsplit("-", 1)
    wheel_name = f"{re.sub(r'[-_.]+', '_', dist).lower()}-{ver}-{tag}.whl"
    path = os.path.join(out_dir, wheel_name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as whl:
        for rel, data in files:
            info = zipfile.ZipInfo(rel, FIXED_TIME)
            info.external_attr = (0o755 if rel.endswith(".so") else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            whl.writestr(info, data)
    return wheel_name


def sha256_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write_index(out, projects):
    simple = os.path.join(out, "simple")
    links = []
    for project, wheel in sorted(projects):
        folder = os.path.join(simple, project)
        os.makedirs(folder, exist_ok=True)
        href = f"../../wheels/{wheel}#sha256={sha256_of(os.path.join(out, 'wheels', wheel))}"
        with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as f:
            f.write(f"<!DOCTYPE html>\n<html><body>\n<a href=\"{html.escape(href)}\">"
                    f"{html.escape(wheel)}</a>\n</body></html>\n")
        links.append(f"<a href=\"{project}/\">{project}</a>")
    with open(os.path.join(simple, "index.html"), "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html>\n<html><body>\n" + "\n".join(links) + "\n</body></html>\n")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--debian-packages":
        print("\n".join(debian_package(name) for name, _, _ in read_pins(sys.argv[2])))
        return
    if len(sys.argv) < 4 or len(sys.argv) % 2 != 0:
        fail("usage: assemble-wheels.py OUT REQUIREMENTS TREES [REQUIREMENTS TREES ...]")
    out, sources = sys.argv[1], list(zip(sys.argv[2::2], sys.argv[3::2]))
    for sub in ("wheels", "simple"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
        os.makedirs(os.path.join(out, sub))
    projects, seen = [], {}
    for requirements, trees in sources:
        for name, version, binary in read_pins(requirements):
            if normalize(name) in seen:
                fail(f"{requirements}: {name} is pinned in {seen[normalize(name)]} already; "
                     "fix: pin each project once (the index serves one version of each)")
            seen[normalize(name)] = requirements
            site = os.path.join(trees, debian_package(name), DIST_PACKAGES)
            if not os.path.isdir(site):
                fail(f"{debian_package(name)} (for {name}=={version}) was not unpacked or holds no "
                     f"{DIST_PACKAGES}; fix: check that Debian packages it")
            wheel = build_wheel(site, name, version, binary, os.path.join(out, "wheels"))
            projects.append((normalize(name), wheel))
            print(f"{wheel}", file=sys.stderr)
    write_index(out, projects)


if __name__ == "__main__":
    main()
