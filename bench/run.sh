#!/usr/bin/env bash
# Runs usagedash's direct-MongoDB benchmarks and prints what bench/RESULTS.md
# records: the machine, the in-memory aggregation benchmark (go test -bench)
# and the embedded-FerretDB scale run (go run ./bench/mongoscale).
#
#   bash bench/run.sh                          # 10k, 100k and 1M logs
#   LOGS=10000,100000 bash bench/run.sh        # skip 1M (it takes ~25 minutes)
#   nohup bash bench/run.sh > /tmp/usagedash-bench.out 2>&1 &   # long runs
#
# Datasets are kept under $BENCH_DIR (default $TMPDIR/usagedash-bench) and
# reused, so rerunning after an interruption skips the loading it finished.
set -euo pipefail
cd "$(dirname "$0")/.."
LOGS=${LOGS:-10000,100000,1000000}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/usagedash-bench}

echo "## Machine"
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "- cpu: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "- ram: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
echo "- go: $(go version)"
echo
echo "## In-memory aggregation"
echo '```'
go test -run '^$' -bench 'BenchmarkAggregate' -benchmem -benchtime 3s -count 1 ./backend/mongodb/
echo '```'
echo
echo "## Embedded FerretDB"
go run ./bench/mongoscale -logs "$LOGS" -dir "$BENCH_DIR"
