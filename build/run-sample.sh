#!/usr/bin/env bash
# Starts the sample platform, opens the app on it, and stops the platform
# when the app exits. The app gets two sample connections: "Demo platform"
# (the sample's API, signing in as demo / demo-password) and "Demo MongoDB"
# (the sample's database: the full view, with breakdowns and pricing).
#
# Both stay the same from run to run: the sample listens on fixed loopback
# ports and keeps its session-signing secret in the state folder, so a saved
# sample connection and its session keep working. Choose other ports with
# USAGEDASH_SAMPLE_API_PORT and USAGEDASH_SAMPLE_MONGO_PORT (the sample says
# so when a port is taken).
#
# Usage: run-sample.sh SAMPLE_BINARY APP_BINARY
set -euo pipefail
sample_bin=$1 app_bin=$2
api_port=${USAGEDASH_SAMPLE_API_PORT:-18787}
mongo_port=${USAGEDASH_SAMPLE_MONGO_PORT:-28787}
keep="${XDG_STATE_HOME:-$HOME/.local/state}/usagedash/sample"
mkdir -p "$keep"
state=$(mktemp -d)
sample_pid=""
trap '[ -n "$sample_pid" ] && kill "$sample_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$state"' EXIT
"$sample_bin" --listen "127.0.0.1:$api_port" --mongo-listen "127.0.0.1:$mongo_port" \
  --secret-file "$keep/token-secret" --uri-file "$state/uri" --url-file "$state/url" &
sample_pid=$!
for _ in $(seq 1 600); do
  [ -s "$state/url" ] && break
  kill -0 "$sample_pid" 2>/dev/null || { echo "the sample platform failed to start (see above)" >&2; exit 1; }
  sleep 0.1
done
[ -s "$state/url" ] || { echo "the sample platform did not start in 60 s" >&2; exit 1; }
USAGEDASH_DEMO_URL=$(cat "$state/url") USAGEDASH_DEMO_MONGODB_URI=$(cat "$state/uri") "$app_bin"
