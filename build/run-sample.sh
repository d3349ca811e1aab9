#!/usr/bin/env bash
# Starts the sample platform, opens the app on it (its "Demo platform"
# connection signs in through the sample's API), and stops the platform when
# the app exits. Usage: run-sample.sh SAMPLE_BINARY APP_BINARY
set -euo pipefail
sample_bin=$1 app_bin=$2
state=$(mktemp -d)
sample_pid=""
trap '[ -n "$sample_pid" ] && kill "$sample_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$state"' EXIT
"$sample_bin" --uri-file "$state/uri" --url-file "$state/url" &
sample_pid=$!
for _ in $(seq 1 200); do
  [ -s "$state/url" ] && break
  kill -0 "$sample_pid" 2>/dev/null || { echo "the sample platform failed to start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$state/url" ] || { echo "the sample platform did not start in 20 s" >&2; exit 1; }
USAGEDASH_DEMO_URL=$(cat "$state/url") "$app_bin"
