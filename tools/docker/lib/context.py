#!/usr/bin/env python3
"""Write a stand-in recipe's docker build context as a tar stream to stdout.

The context is the recipe folder, the shared files of stand-ins/_common (under _common/), the
host's CA bundle as _common/host-ca.crt (registries are reached through a TLS-intercepting
proxy, so images must trust it) and the host folders the recipe lists in "hostContext" (e.g.
the host's .NET SDK), streamed from where they are rather than copied first.

usage: context.py RECIPE_DIR > context.tar
"""
import json
import os
import sys
import tarfile


def add_tree(tar, source, arcname, excludes=()):
    def keep(info):
        rel = os.path.relpath(info.name, arcname)
        return None if any(rel == e or rel.startswith(e + "/") for e in excludes) else info
    tar.add(source, arcname=arcname, recursive=True, filter=keep)


def main():
    if len(sys.argv) != 2 or not os.path.isfile(os.path.join(sys.argv[1], "recipe.json")):
        sys.exit("usage: context.py RECIPE_DIR (a folder with recipe.json)")
    recipe_dir = sys.argv[1]
    common_dir = os.path.join(os.path.dirname(os.path.abspath(recipe_dir)), "_common")
    ca_bundle = os.environ.get("HOST_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    with open(os.path.join(recipe_dir, "recipe.json"), encoding="utf-8") as f:
        recipe = json.load(f)
    with tarfile.open(fileobj=sys.stdout.buffer, mode="w|", format=tarfile.GNU_FORMAT) as tar:
        add_tree(tar, recipe_dir, ".")
        if os.path.isdir(common_dir):
            add_tree(tar, common_dir, "_common")
        tar.add(ca_bundle, arcname="_common/host-ca.crt")
        for entry in recipe.get("hostContext", []):
            if not os.path.isdir(entry["path"]):
                sys.exit(f"context.py: {entry['path']} is missing, needed by {recipe_dir}; "
                         f"fix: {entry.get('fix', 'install it on the host')}")
            add_tree(tar, entry["path"], entry["as"], entry.get("exclude", []))


if __name__ == "__main__":
    main()
