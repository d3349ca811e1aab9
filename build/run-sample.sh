#!/usr/bin/env bash
# Starts the sample platform, opens the app on it, and stops the platform
# when the app exits. Usage: run-sample.sh SAMPLE_BINARY APP_BINARY
set -euo pipefail
sample_bin=$1 app_bin=$2
state=$(mktemp -d)
trap 'kill "$sample_pid" 2>/dev/null; wait "$sample_pid" 2>/dev/null; rm -rf "$state"' EXIT
"$sample_bin" --uri-file "$state/uri" &
sample_pid=$!
for _ in $(seq 1 200); do
  [ -s "$state/uri" ] && break
  kill -0 "$sample_pid" 2>/dev/null || { echo "the sample platform failed to start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$state/uri" ] || { echo "the sample platform did not start in 20 s" >&2; exit 1; }
USAGEDASH_MONGODB_URI=$(cat "$state/uri") "$app_bin" --user demo
