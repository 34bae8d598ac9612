#!/usr/bin/env python3
"""Decide, for every base image the templates name, how seed-base-images.sh provides it.

The images come from the catalog the tool prints, `multistage catalog --json`, whose file is the one
argument (singleStageImage and the builderImage/runtimeImage of every runtime; "scratch" is no
image): the tool reads them from the templates, so this script parses no template file itself.
Each one is matched against the recipes in stand-ins/*/recipe.json. One line per image on stdout, fields separated by \\x1f:

    image, kind, detail, rootfs, hash, description, version-command, build-arg...

kind is "recipe" (detail: recipe folder), "registry" (detail: why no stand-in is possible) or
"none" (detail: what to add). Lines are sorted, so the output is deterministic.
"""
import glob
import hashlib
import json
import os
import re
import sys

SEP = "\x1f"
# The `multistage catalog --json` schema this reads (CONTRIBUTING.md).
CATALOG_SCHEMA = 1


def fail(message):
    print(f"plan.py: error: {message}", file=sys.stderr)
    sys.exit(1)


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        fail(f"cannot read {path}: {e}; fix: make it valid JSON as CONTRIBUTING.md describes")


def image_uses(catalog_path):
    """Map each image to the needsRegistry reasons of its uses (None: a use that builds offline)."""
    catalog = load_json(catalog_path)
    if catalog.get("schemaVersion") != CATALOG_SCHEMA or not catalog.get("languages"):
        fail(f"{catalog_path} is not a schema-{CATALOG_SCHEMA} catalog with languages; "
             "fix: pass the output of `multistage catalog --json` from the same commit")
    uses = {}
    for language in catalog["languages"]:
        uses.setdefault(language["singleStageImage"], []).append(None)
        for runtime in language["runtimes"]:
            for field in ("builderImage", "runtimeImage"):
                uses.setdefault(runtime[field], []).append(runtime["needsRegistry"])
    uses.pop("scratch", None)
    return uses


def load_recipes(stand_ins_dir):
    recipes = []
    for path in sorted(glob.glob(os.path.join(stand_ins_dir, "*", "recipe.json"))):
        recipe = load_json(path)
        recipe["dir"] = os.path.dirname(path)
        for serve in recipe.get("serves", []):
            serve["regex"] = re.compile(serve["pattern"])
        recipes.append(recipe)
    return recipes


def match(image, recipes):
    found = []
    for recipe in recipes:
        for serve in recipe.get("serves", []):
            m = serve["regex"].fullmatch(image)
            if m:
                found.append((recipe, serve, m.groupdict()))
    if len(found) > 1:
        fail(f"{image} is served by several recipes ({', '.join(r['dir'] for r, _, _ in found)}); "
             "fix: make their patterns exclusive")
    return found[0] if found else None


TOOLS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def files_hash(paths, extra):
    """Hash of the recipe's files, the shared files and the build inputs: a change rebuilds.
    Files of tools/docker count by their path inside it, so every checkout of the same commit
    (a clone elsewhere, a git worktree) agrees on the hash and reuses the same stand-ins."""
    h = hashlib.sha256()
    for path in paths:
        inside = os.path.abspath(path).startswith(TOOLS_DIR + os.sep)
        h.update((os.path.relpath(path, TOOLS_DIR) if inside else path).encode() + b"\0")
        with open(path, "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    h.update(json.dumps(extra, sort_keys=True).encode())
    return h.hexdigest()[:16]


def recipe_files(recipe_dir, common_dir):
    paths = []
    for base in (recipe_dir, common_dir):
        for root, _, names in os.walk(base):
            paths.extend(os.path.join(root, n) for n in names)
    return sorted(paths)


def plan_line(image, reasons, recipes, common_dir, ca_bundle):
    offline_use = any(r is None for r in reasons)
    if not offline_use:
        return [image, "registry", sorted(set(reasons))[0]]
    found = match(image, recipes)
    if not found:
        return [image, "none", "no recipe in tools/docker/stand-ins/*/recipe.json serves it; "
                "fix: add a recipe folder whose \"serves\" pattern matches it"]
    recipe, serve, groups = found
    args = {k: v.format(**groups) for k, v in sorted(serve.get("buildArgs", {}).items())}
    description = serve.get("standIn", recipe.get("standIn", "")).format(**groups, exact="{exact}")
    # The seeding code is an input too: a warm cache must never hide a change to it.
    tools = os.path.dirname(os.path.dirname(common_dir))
    seeding = [os.path.join(tools, "seed-base-images.sh"), os.path.join(tools, "lib", "context.py"),
               os.path.abspath(__file__)]
    paths = recipe_files(recipe["dir"], common_dir) + seeding + [ca_bundle]
    digest = files_hash(paths, {"image": image, "args": args, "rootfs": recipe.get("rootfs"),
                                "description": description})
    version_command = " ".join(serve.get("versionCommand", recipe.get("versionCommand", []))) or "-"
    return [image, "recipe", recipe["dir"], recipe.get("rootfs") or "-", digest,
            description, version_command] + [f"{k}={v}" for k, v in args.items()]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    if len(sys.argv) != 2:
        fail("usage: plan.py CATALOG.json; fix: pass the output of `multistage catalog --json`")
    stand_ins_dir = os.path.normpath(os.path.join(here, "..", "stand-ins"))
    ca_bundle = os.environ.get("HOST_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    recipes = load_recipes(stand_ins_dir)
    common_dir = os.path.join(stand_ins_dir, "_common")
    for image, reasons in sorted(image_uses(sys.argv[1]).items()):
        print(SEP.join(plan_line(image, reasons, recipes, common_dir, ca_bundle)))


if __name__ == "__main__":
    main()
