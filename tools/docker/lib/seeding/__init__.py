"""Seeding the project's daemon with every base image the templates name (seed-base-images.sh).

One program in one language: the plan (which image comes from where), the root file systems, the
stand-in builds and the report. Modules: log, dock (the docker client), plan, rootfs, context,
standin (one image), main (the run).
"""
