"""Which base images the templates name, and how each one is provided.

The images come from the catalog the tool prints (`multistage catalog --json`, schema in
CONTRIBUTING.md): singleStageImage and every runtime's builderImage and runtimeImage ("scratch"
is no image). Each is matched against stand-ins/*/recipe.json. An image whose every use has
needsRegistry gets no stand-in; one no recipe serves is an error to fix.
"""
import glob
import hashlib
import json
import os
import re
from dataclasses import dataclass, field

from .log import fail

# The `multistage catalog --json` schema this reads.
CATALOG_SCHEMA = 1
TOOLS_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STAND_INS_DIR = os.path.join(TOOLS_DIR, "stand-ins")
COMMON_DIR = os.path.join(STAND_INS_DIR, "_common")
SEEDING_DIR = os.path.dirname(os.path.abspath(__file__))


@dataclass
class Item:
    image: str
    kind: str  # "recipe", "registry" (detail: why no stand-in can exist) or "none" (detail: the fix)
    detail: str = ""
    recipe: dict = None
    suite: str = None  # the Debian suite of the recipe's root file system, or None
    hash: str = ""
    description: str = ""
    version_command: list = field(default_factory=list)
    build_args: dict = field(default_factory=dict)


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        fail(f"cannot read {path}: {e}; fix: make it valid JSON as CONTRIBUTING.md describes")


def image_uses(catalog):
    """Map each image to the needsRegistry reasons of its uses (None: a use that builds offline)."""
    if catalog.get("schemaVersion") != CATALOG_SCHEMA or not catalog.get("languages"):
        fail(f"the catalog is not a schema-{CATALOG_SCHEMA} catalog with languages; "
             "fix: use the output of `multistage catalog --json` from the same commit")
    uses = {}
    for language in catalog["languages"]:
        uses.setdefault(language["singleStageImage"], []).append(None)
        for runtime in language["runtimes"]:
            for name in ("builderImage", "runtimeImage"):
                uses.setdefault(runtime[name], []).append(runtime["needsRegistry"])
    uses.pop("scratch", None)
    return uses


def load_recipes():
    recipes = []
    for path in sorted(glob.glob(os.path.join(STAND_INS_DIR, "*", "recipe.json"))):
        recipe = load_json(path)
        recipe["dir"] = os.path.dirname(path)
        for serve in recipe.get("serves", []):
            serve["regex"] = re.compile(serve["pattern"])
        recipes.append(recipe)
    return recipes


def match(image, recipes):
    found = [(recipe, serve, m.groupdict())
             for recipe in recipes for serve in recipe.get("serves", [])
             for m in [serve["regex"].fullmatch(image)] if m]
    if len(found) > 1:
        fail(f"{image} is served by several recipes ({', '.join(r['dir'] for r, _, _ in found)}); "
             "fix: make their patterns exclusive")
    return found[0] if found else None


def files_hash(paths, extra):
    """Hash of the files that make a stand-in and its build inputs: a change rebuilds it. Files
    of tools/docker count by their path inside it, so every checkout of the same commit (a clone
    elsewhere, a git worktree) agrees on the hash and reuses the same stand-ins."""
    h = hashlib.sha256()
    for path in paths:
        inside = os.path.abspath(path).startswith(TOOLS_DIR + os.sep)
        h.update((os.path.relpath(path, TOOLS_DIR) if inside else path).encode() + b"\0")
        with open(path, "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    h.update(json.dumps(extra, sort_keys=True).encode())
    return h.hexdigest()[:16]


def _files_under(*folders):
    return sorted(os.path.join(root, name) for folder in folders
                  for root, _, names in os.walk(folder) for name in names
                  if "__pycache__" not in root)


def plan_item(image, reasons, recipes, ca_bundle):
    if not any(reason is None for reason in reasons):
        return Item(image, "registry", sorted(set(reasons))[0])
    found = match(image, recipes)
    if not found:
        return Item(image, "none", "no recipe in tools/docker/stand-ins/*/recipe.json serves it; "
                    "fix: add a recipe folder whose \"serves\" pattern matches it")
    recipe, serve, groups = found
    args = {k: v.format(**groups) for k, v in sorted(serve.get("buildArgs", {}).items())}
    description = serve.get("standIn", recipe.get("standIn", "")).format(**groups, exact="{exact}")
    # The seeding code is an input too: a warm cache must never hide a change to it.
    paths = _files_under(recipe["dir"], COMMON_DIR, SEEDING_DIR) + [ca_bundle]
    digest = files_hash(paths, {"image": image, "args": args, "rootfs": recipe.get("rootfs"),
                                "description": description})
    return Item(image, "recipe", recipe["dir"], recipe, recipe.get("rootfs"), digest, description,
                serve.get("versionCommand", recipe.get("versionCommand", [])), args)


def make_named(images, ca_bundle):
    """The plan for images named outside the catalog (a version choice that is not the default)."""
    recipes = load_recipes()
    return [plan_item(image, [None], recipes, ca_bundle) for image in images]


def make(catalog, ca_bundle):
    """The plan: one item per image, sorted by name, so runs are deterministic."""
    recipes = load_recipes()
    return [plan_item(image, reasons, recipes, ca_bundle)
            for image, reasons in sorted(image_uses(catalog).items())]
