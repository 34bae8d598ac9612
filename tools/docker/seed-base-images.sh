#!/usr/bin/env bash
# Make every base image the templates name available in the project's daemon: keep it, pull it,
# or build a stand-in from its recipe in stand-ins/ (lib/seeding/main.py says how; this script
# only starts it, so the plan, the root file systems and the builds live in one program).
# usage: seed-base-images.sh [IMAGE...]   (no arguments: all of them)
# env: see the settings table in tools/docker/README.md
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# No __pycache__ in the clone: the seeding code is hashed into every stand-in (lib/seeding/plan.py).
PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$HERE/lib${PYTHONPATH:+:$PYTHONPATH}" exec python3 -m seeding.main "$@"
