"""Providing one image: keep it, pull it, or build its stand-in from the recipe."""
import os
import re

from . import context, dock, registry, rootfs
from .plan import COMMON_DIR
from .log import fail, log

HASH_LABEL = "multistage.stand-in.recipe-hash"
STAND_IN_LABEL = "multistage.stand-in"


class Settings:
    def __init__(self, cache_dir, pull_timeout, ca_bundle):
        self.cache_dir, self.pull_timeout, self.ca_bundle = cache_dir, pull_timeout, ca_bundle


def _pull(image, settings):
    # A registry that does not answer a connection gets no pull (asked once per registry).
    if not registry.answers(image, min(5, settings.pull_timeout)):
        return False
    log(f"pulling {image} (timeout {settings.pull_timeout}s)")
    return dock.run(["pull", "-q", image], timeout=settings.pull_timeout)[0] == 0


def _is_current(image, digest):
    """A real image (no stand-in label) is kept as it is; a stand-in only while its recipe is unchanged."""
    if not dock.exists(image):
        return False
    return not dock.label(image, STAND_IN_LABEL) or dock.label(image, HASH_LABEL) == digest


def _exact_version(image, command):
    """The exact version for the label, from the recipe's version command run in the new image."""
    if not command:
        return ""
    _, out = dock.run(["run", "--rm", "--network=host", "--entrypoint", command[0], image, *command[1:]])
    found = re.search(r"[0-9]+\.[0-9]+(\.[0-9]+)?", out)
    return found.group(0) if found else ""


def _build(item, digest, settings):
    args = [arg for name, value in item.build_args.items() for arg in ("--build-arg", f"{name}={value}")]
    if item.suite:
        args += ["--build-arg", f"ROOTFS={rootfs.ensure_image(item.suite, settings.cache_dir)}"]
    logs = os.path.join(settings.cache_dir, "logs")
    os.makedirs(logs, exist_ok=True)
    log_path = os.path.join(logs, item.image.replace("/", "_").replace(":", "_") + ".log")
    log(f"building stand-in {item.image} from {os.path.basename(item.detail)} (log: {log_path})")
    context.check_host_folders(item.recipe)
    with open(log_path, "wb") as out:
        status = dock.build_streamed(
            ["--network=host", "--progress=plain", "-t", item.image, *args, "--label", f"{HASH_LABEL}={digest}"],
            lambda stream: context.write(item.recipe, COMMON_DIR, settings.ca_bundle, stream),
            out)
    if status != 0:
        with open(log_path, errors="replace") as f:
            last = " ".join(f.read().splitlines()[-5:])
        fail(f"stand-in {item.image} did not build; fix: read {log_path} (last lines: {last})")
    unlabelled = dock.run(["image", "inspect", "-f", "{{.Id}}", item.image])[1].strip()
    # LABEL adds no layer: the description carries the exact version the recipe installed.
    description = item.description.replace("{exact}", _exact_version(item.image, item.version_command))
    dockerfile = f'FROM {item.image}\nLABEL {STAND_IN_LABEL}="{description}"\n'.encode()
    status, out = dock.run(["build", "-q", "-t", item.image, "-"], data=dockerfile)
    if status != 0:
        fail(f"labelling {item.image} failed: {out.strip()}; fix: check the daemon answers")
    # The unlabelled image is now an untagged twin sharing every layer: drop it, no one else uses it.
    dock.run(["image", "rm", unlabelled])


def provide(item, settings):
    """Returns (outcome, line): outcome is present, pulled, built, registry or missing."""
    if item.kind in ("registry", "none"):
        if dock.exists(item.image) or _pull(item.image, settings):
            return "pulled", item.image
        return ("registry", f"{item.image}: needs registry access: {item.detail}") if item.kind == "registry" \
            else ("missing", f"{item.image}: {item.detail}")
    # A new root file system (its key) rebuilds the stand-ins made on it.
    digest = item.hash + (f"-{rootfs.key(item.suite)}" if item.suite else "")
    if _is_current(item.image, digest):
        return "present", item.image
    if not dock.exists(item.image) and _pull(item.image, settings):
        return "pulled", item.image
    _build(item, digest, settings)
    return "built", item.image
