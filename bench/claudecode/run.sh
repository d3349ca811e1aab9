#!/usr/bin/env bash
# The benchmark against ccusage (issue "Claude Code on this computer"): one
# corpus, one run. It generates a realistic corpus of about $MB MB (default
# 1100) under $BENCH_DIR (default $TMPDIR/usagedash-ccbench), installs the
# pinned ccusage there, then times on the same corpus:
#
#   ccusage claude daily --json --offline -z UTC   (CLAUDE_CONFIG_DIR=corpus)
#   usagedash's reading of it (bench/claudecode/ours, package claudecode
#   directly; and `usagedash report --json --source claude-code` when
#   $USAGEDASH points at a built usagedash binary)
#
# cold (usagedash with an empty index and record), warm (nothing changed)
# and after appending one request; three runs each, the median shown, with
# the peak memory (/usr/bin/time). Then it compares ccusage's days with
# usagedash's: tokens must be equal, each cost difference is explained by a
# rule. Delete $BENCH_DIR afterwards (KEEP=1 keeps it).
#
#   bash bench/claudecode/run.sh            # or: make bench-claudecode
#   MB=100 bash bench/claudecode/run.sh     # a quick run
set -euo pipefail
cd "$(dirname "$0")/../.."
MB=${MB:-1100}
CCUSAGE_VERSION=20.0.24 # the newest ccusage whose native linux-x64 binary is published
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/usagedash-ccbench}
CORPUS=$WORK/corpus
mkdir -p "$WORK"
if [ ! -x "$WORK/ccusage/node_modules/.bin/ccusage" ]; then
	mkdir -p "$WORK/ccusage"
	(cd "$WORK/ccusage" && echo '{}' > package.json && npm install --no-audit --no-fund --silent "ccusage@$CCUSAGE_VERSION")
fi
CCUSAGE=$WORK/ccusage/node_modules/.bin/ccusage
go build -o "$WORK/ours" ./bench/claudecode/ours
go build -o "$WORK/gen" ./bench/claudecode/gen
if [ ! -d "$CORPUS/projects" ]; then
	"$WORK/gen" -dir "$CORPUS" -mb "$MB"
fi
SIZE=$(du -sm "$CORPUS" | cut -f1)
FILES=$(find "$CORPUS/projects" -name '*.jsonl' | wc -l)
cat "$CORPUS"/projects/*/*.jsonl "$CORPUS"/projects/*/*/subagents/*.jsonl > /dev/null # both read from the page cache

# timed NAME CMD...: runs CMD three times (PREP before each when set) and
# prints the median wall-clock seconds, the median CPU seconds (user +
# system: what the machine's other load does not inflate) and the largest
# peak memory in KB.
timed() {
	local out=$WORK/time.$1; shift
	: > "$out"
	for _ in 1 2 3; do
		if [ -n "${PREP:-}" ]; then eval "$PREP"; fi
		/usr/bin/time -f '%e %U %S %M' -a -o "$out" "$@" > /dev/null
	done
	local wall cpu mem
	wall=$(awk '{print $1}' "$out" | sort -n | sed -n 2p)
	cpu=$(awk '{printf "%.2f\n", $2 + $3}' "$out" | sort -n | sed -n 2p)
	mem=$(awk '{print $4}' "$out" | sort -n | tail -1)
	echo "$wall $cpu $mem"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else printf "n/a" }'; }
ours() { "$WORK/ours" -corpus "$CORPUS" -cache "$WORK/cache" -data "$WORK/data" "$@"; }
export CLAUDE_CONFIG_DIR=$CORPUS

read -r cc_cold cc_cpu cc_mem <<< "$(timed cc "$CCUSAGE" claude daily --json --offline -z UTC)"
read -r ud_cold ud_cpu ud_mem <<< "$(PREP='rm -rf "$WORK/cache" "$WORK/data"' timed ud_cold "$WORK/ours" -corpus "$CORPUS" -cache "$WORK/cache" -data "$WORK/data" daily)"
read -r ud_warm ud_wcpu ud_wmem <<< "$(timed ud_warm "$WORK/ours" -corpus "$CORPUS" -cache "$WORK/cache" -data "$WORK/data" daily)"
read -r cc_app cc_acpu cc_amem <<< "$(PREP='ours append' timed cc_app "$CCUSAGE" claude daily --json --offline -z UTC)"
read -r ud_app ud_acpu ud_amem <<< "$(PREP='ours append' timed ud_app "$WORK/ours" -corpus "$CORPUS" -cache "$WORK/cache" -data "$WORK/data" daily)"
refresh=$(for _ in 1 2 3; do ours refresh | sed 's/refresh_ms=\([0-9.]*\).*/\1/'; done | sort -n | sed -n 2p)
cli=""
if [ -n "${USAGEDASH:-}" ]; then
	read -r cli_warm cli_cpu cli_mem <<< "$(timed cli "$USAGEDASH" report --json --source claude-code --period all_time --utc)"
	cli="| usagedash report --json --source claude-code, warm | $cli_warm s | $cli_cpu s | $(ratio "$cc_cold" "$cli_warm") | $((cli_mem / 1024)) MB |"
fi

echo "## ccusage $CCUSAGE_VERSION vs usagedash, $SIZE MB corpus ($FILES transcripts), $(date -u +%Y-%m-%d), $(nproc) cores"
echo
echo "| run | wall time | CPU time | ccusage / usagedash (wall, CPU) | peak memory |"
echo "|---|---|---|---|---|"
echo "| ccusage claude daily --json --offline -z UTC | $cc_cold s | $cc_cpu s | | $((cc_mem / 1024)) MB |"
echo "| usagedash, cold (empty index and record) | $ud_cold s | $ud_cpu s | $(ratio "$cc_cold" "$ud_cold"), $(ratio "$cc_cpu" "$ud_cpu") | $((ud_mem / 1024)) MB |"
echo "| usagedash, warm (no change) | $ud_warm s | $ud_wcpu s | $(ratio "$cc_cold" "$ud_warm"), $(ratio "$cc_cpu" "$ud_wcpu") | $((ud_wmem / 1024)) MB |"
echo "| ccusage after appending one request | $cc_app s | $cc_acpu s | | $((cc_amem / 1024)) MB |"
echo "| usagedash after appending one request (new process) | $ud_app s | $ud_acpu s | $(ratio "$cc_app" "$ud_app"), $(ratio "$cc_acpu" "$ud_acpu") | $((ud_amem / 1024)) MB |"
echo "| usagedash refresh after appending one request (in the running app) | $refresh ms | | $(ratio "$(awk -v s="$cc_app" 'BEGIN{print s*1000}')" "$refresh") | |"
if [ -n "$cli" ]; then echo "$cli"; fi
echo
"$CCUSAGE" claude daily --json --offline -z UTC --breakdown > "$WORK/ccusage.json"
ours compare "$WORK/ccusage.json"
if [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; fi
