"""seed-base-images: make every base image the templates name available in the project's daemon.

Per image: present (and, for a stand-in, built from the current recipe) -> nothing; else a pull
with a short timeout (online: the real image, no stand-in); else a stand-in from its recipe,
built on a cached debootstrap root file system and labelled multistage.stand-in=<source>.
Stand-ins build several at a time (MULTISTAGE_SEED_JOBS): their time is mostly downloads and
unpacking, which overlap well even on two cores.
"""
import json
import os
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from . import dock, plan, standin
from .log import SeedError, log

def catalog():
    """The catalog as the tool reads it: the one reader of the template files (CONTRIBUTING.md)."""
    cli = shlex.split(os.environ.get("MULTISTAGE_CLI") or "") or \
        ["dotnet", "run", "--project", os.path.join(plan.TOOLS_DIR, "..", "Multistage"), "-v", "q", "--"]
    templates = ["--templates", os.environ["TEMPLATES_DIR"]] if os.environ.get("TEMPLATES_DIR") else []
    environment = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    result = subprocess.run([*cli, "catalog", "--json", *templates], stdout=subprocess.PIPE, env=environment)
    if result.returncode != 0:
        raise SeedError(f"`{shlex.join(cli)} catalog --json` failed (its error is above); "
                        "fix: make it run, or set MULTISTAGE_CLI to a command that does")
    try:
        return json.loads(result.stdout)
    except ValueError as e:
        raise SeedError(f"`{shlex.join(cli)} catalog --json` printed no JSON ({e}); "
                        "fix: set MULTISTAGE_CLI to a command that prints only the catalog") from e


def report(outcomes):
    by = {kind: [line for outcome, line in outcomes if outcome == kind]
          for kind in ("present", "pulled", "built", "registry", "missing")}
    log(f"present: {len(by['present'])}, pulled or real: {len(by['pulled'])}, stand-ins built: {len(by['built'])}")
    for image in by["built"]:
        log(f"built {image}: {dock.label(image, standin.STAND_IN_LABEL)}")
    for line in by["registry"]:
        log(line)
    for line in by["missing"]:
        log(f"error: {line}")
    return 0 if not by["missing"] else 1


def main(wanted):
    settings = standin.Settings(
        cache_dir=os.environ.get("MULTISTAGE_CACHE") or "/var/cache/multistage",
        pull_timeout=int(os.environ.get("PULL_TIMEOUT") or "20"),
        ca_bundle=os.environ.get("HOST_CA_BUNDLE") or "/etc/ssl/certs/ca-certificates.crt")
    jobs = int(os.environ.get("MULTISTAGE_SEED_JOBS") or "3")
    items = [item for item in plan.make(catalog(), settings.ca_bundle) if not wanted or item.image in wanted]
    # An image the catalog's defaults do not name (another version choice, which a test pins) is
    # provided the same way when a recipe serves it; one no recipe serves is reported as missing.
    items += plan.make_named(sorted(set(wanted) - {item.image for item in items}), settings.ca_bundle)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        outcomes = list(pool.map(lambda item: standin.provide(item, settings), items))
    return report(outcomes)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SeedError as e:
        log(f"error: {e}")
        sys.exit(1)
