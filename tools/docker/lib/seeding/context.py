"""A stand-in recipe's docker build context, streamed as a tar archive.

The context is the recipe folder, the shared files of stand-ins/_common (under _common/), the
host's CA bundle as _common/host-ca.crt (registries are reached through a TLS-intercepting
proxy, so images must trust it) and the host folders the recipe lists in "hostContext" (e.g.
the host's .NET SDK), streamed from where they are rather than copied first.
"""
import os
import tarfile

from .log import fail


def _add_tree(tar, source, arcname, excludes=()):
    def keep(info):
        rel = os.path.relpath(info.name, arcname)
        return None if any(rel == e or rel.startswith(e + "/") for e in excludes) else info
    tar.add(source, arcname=arcname, recursive=True, filter=keep)


def check_host_folders(recipe):
    for entry in recipe.get("hostContext", []):
        if not os.path.isdir(entry["path"]):
            fail(f"{entry['path']} is missing, needed by {recipe['dir']}; "
                 f"fix: {entry.get('fix', 'install it on the host')}")


def write(recipe, common_dir, ca_bundle, stream):
    """Writes the context of `recipe` (a loaded recipe.json with its "dir") to a binary stream."""
    check_host_folders(recipe)
    with tarfile.open(fileobj=stream, mode="w|", format=tarfile.GNU_FORMAT) as tar:
        _add_tree(tar, recipe["dir"], ".")
        if os.path.isdir(common_dir):
            _add_tree(tar, common_dir, "_common")
        tar.add(ca_bundle, arcname="_common/host-ca.crt")
        for entry in recipe.get("hostContext", []):
            _add_tree(tar, entry["path"], entry["as"], entry.get("exclude", []))
