#!/usr/bin/env bash
# Measures the app idling in the tray with its window hidden: CPU time used
# over a period (default 600 s) and memory (RSS) of the app and its WebKit
# processes. Runs the sample platform, Xvfb, a session bus and a tray host.
# Usage: bash bench/idle.sh [SECONDS]   (needs `make build` and the sample binary)
set -euo pipefail
secs=${1:-600}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
"$root/.bin/usagedash-sample" --uri-file "$work/uri" >/dev/null 2>&1 &
for _ in $(seq 1 100); do [ -s "$work/uri" ] && break; sleep 0.2; done
mkdir -p "$work/config/usagedash"
printf '{"version":1,"active_id":"p1","profiles":[{"id":"p1","name":"Sample","kind":"mongodb","mongo_uri":"%s","account":"demo"}]}\n' \
  "$(cat "$work/uri")" > "$work/config/usagedash/profiles.json"
Xvfb :91 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1
export DISPLAY=:91 XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
dbus-run-session -- sh -c 'gtk-sni-tray-standalone --watcher >/dev/null 2>&1 & sleep 1; exec "$1" --hidden' sh "$root/build/bin/usagedash" >/dev/null 2>&1 &
sleep 15  # start-up and first refresh
pids=$(pgrep -f "build/bin/usagedash --hidden" ; pgrep -f WebKitWebProcess ; pgrep -f WebKitNetworkProcess) || true
ticks() { local t=0; for p in $pids; do set -- $(cut -d' ' -f14,15 "/proc/$p/stat"); t=$((t + $1 + $2)); done; echo $t; }
rss() { for p in $pids; do echo "  $(ps -o comm= -p "$p"): $(( $(ps -o rss= -p "$p") / 1024 )) MB"; done; }
echo "memory with the window hidden:"; rss
t0=$(ticks); sleep "$secs"; t1=$(ticks)
hz=$(getconf CLK_TCK)
echo "CPU time over ${secs} s idle in the tray: $(( (t1 - t0) * 1000 / hz )) ms (app + WebKit processes)"
