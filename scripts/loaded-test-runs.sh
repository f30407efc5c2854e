#!/usr/bin/env bash
# Issue 17's check that the tests pass on a busy machine: N clean clones of this repository's HEAD (default 5),
# each running .ci/run (npm ci, then npm test) at the same moment, so every run has the others keeping both cores
# busy. Logs: OUT/run-N.log; one line per run in OUT/summary; the load average, PostgreSQL connections and free
# memory every 15 s in OUT/load.log. Usage: scripts/loaded-test-runs.sh [OUT] [N]  (OUT default /tmp/loaded-runs)
set -u
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
out=${1:-/tmp/loaded-runs}
runs=${2:-5}
rm -rf "$out" && mkdir -p "$out"
echo "head $(git -C "$repo" rev-parse HEAD) start $(date -u +%T)" > "$out/summary"
(
  while true; do
    pg=$(psql -h 127.0.0.1 -U postgres -d test -tAc 'select count(*) from pg_stat_activity' 2>/dev/null)
    mem=$(awk '/MemAvailable/{print int($2/1024)}' /proc/meminfo)
    echo "$(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg) pg $pg mem_avail_mb $mem" >> "$out/load.log"
    sleep 15
  done
) &
sampler=$!
trap 'kill $sampler 2>/dev/null' EXIT
for n in $(seq 1 "$runs"); do
  git clone -q "$repo" "$out/c$n"
  (
    cd "$out/c$n" || exit 1
    s=$(date +%s)
    CI=true bash .ci/run > "$out/run-$n.log" 2>&1
    rc=$?
    echo "run $n rc $rc $(($(date +%s) - s)) s end $(date -u +%T)" >> "$out/summary"
  ) &
done
while [ "$(grep -c '^run ' "$out/summary")" -lt "$runs" ]; do sleep 10; done
rm -rf "$out"/c*
echo "done $(date -u +%T): $(grep -c ' rc 0 ' "$out/summary") of $runs passed" >> "$out/summary"
cat "$out/summary"
