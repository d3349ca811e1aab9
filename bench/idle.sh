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
# The tray host starts from a subshell, so it is no child of the app; the
# shell writes its pid (the app's, after exec) for the process tree below.
dbus-run-session -- sh -c '(gtk-sni-tray-standalone --watcher >/dev/null 2>&1 &); sleep 1; echo $$ > "$2"; exec "$1" --hidden' \
  sh "$root/build/bin/usagedash" "$work/pid" >/dev/null 2>&1 &
sleep 15  # start-up and first refresh
# The app and its WebKit processes: its process tree, not every WebKit
# process on the machine (other sessions may run their own).
tree() { echo "$1"; for c in $(pgrep -P "$1"); do tree "$c"; done; }
pids=$(tree "$(cat "$work/pid")")
ticks() { local t=0; for p in $pids; do set -- $(cut -d' ' -f14,15 "/proc/$p/stat"); t=$((t + $1 + $2)); done; echo $t; }
kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/$3"; }
rss() {
  local total=0 pss=0
  for p in $pids; do
    echo "  $(ps -o comm= -p "$p"): $(( $(kb "$p" VmRSS status) / 1024 )) MB RSS, $(( $(kb "$p" Pss smaps_rollup) / 1024 )) MB PSS"
    total=$((total + $(kb "$p" VmRSS status))); pss=$((pss + $(kb "$p" Pss smaps_rollup)))
  done
  echo "  all: $((total / 1024)) MB RSS, $((pss / 1024)) MB PSS"
}
echo "memory with the window hidden:"; rss
t0=$(ticks); sleep "$secs"; t1=$(ticks)
hz=$(getconf CLK_TCK)
echo "CPU time over ${secs} s idle in the tray: $(( (t1 - t0) * 1000 / hz )) ms (app + WebKit processes)"
