#!/usr/bin/env bash
# Prints the version to stamp into builds: the latest tag (v1.2.3 -> 1.2.3),
# or wails.json's productVersion plus the commit, e.g. 0.1.0+g1a2b3c4.
set -euo pipefail
cd "$(dirname "$0")/.."
if tag=$(git describe --tags --exact-match 2>/dev/null); then
  echo "${tag#v}"
  exit 0
fi
base=$(sed -n 's/.*"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=""
git diff --quiet HEAD 2>/dev/null || dirty=".dirty"
echo "${base:-0.0.0}+g${commit}${dirty}"
