#!/usr/bin/env bash
# Measures what safe rule changes cost against a plain triage of the same tickets, in one run,
# and writes the table to bench/results/changes.md. See docs/performance.md ("Rule changes").
#
#   bench/changes.sh                      # 1M tickets; about 5 minutes on 2 cores
#   COUNT=100000 REPS=1 bench/changes.sh  # a quicker look
#
# Figures, each the median of REPS interleaved runs (plain, backtest, shadow, plain, ...):
# - plain:    triage COUNT tickets with the shipped config.json
# - backtest: backtest the same tickets, candidate against the shipped config.json
# - shadow:   triage them with config.json live and the candidate as --shadow
# Output goes to OUT_DIR (default /dev/shm when it exists), so a shared disk does not decide.
#
# Environment: COUNT (default 1000000), REPS (default 3), SKIP_BUILD=1, MVN (default ./mvnw -B).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000000}
REPS=${REPS:-3}
MVN=${MVN:-./mvnw -B}
data=bench/data
results=bench/results
out=${OUT_DIR:-$( [ -d /dev/shm ] && echo /dev/shm || echo "$data")}
mkdir -p "$data" "$results"

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time" >&2
  apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== build (-Pbench)" >&2
  $MVN -q -Pbench package -DskipTests
fi
bench_jar=bench/target/benchmarks.jar
cli=bin/helpdesk-triage
candidate=examples/config-20-rules.json
now=2026-11-01T00:00:00Z
[ -s "$data/tickets-$COUNT.jsonl" ] || java -cp "$bench_jar" \
    org.helpdesktriage.examples.TicketGenerator --count "$COUNT" --seed 42 \
    --out "$data/tickets-$COUNT.jsonl" >&2
big=$data/tickets-$COUNT.jsonl

# measure CMD...: runs CMD under GNU time; prints "wall_seconds cpu_seconds"
measure() {
  local log; log=$(mktemp)
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>/dev/null || {
    echo "failed: $*" >&2; cat "$log" >&2; rm -f "$log"; return 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
                 for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
              /User time/ { u = $2 } /System time/ { k = $2 }
              END { printf "%.3f %.3f\n", wall, u + k }' "$log"
  rm -f "$log"
}
median() { sort -n | awk '{ v[NR] = $0 } END { print v[int((NR + 1) / 2)] }'; }

shadow=no
"$cli" triage --help | grep -q -- '--shadow' && shadow=yes
rm -f "$results"/.changes_*
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$REPS"); do
  echo "== round $r of $REPS" >&2
  measure "$cli" triage "$big" "$out/changes-plain.jsonl" --config config.json --now "$now" \
      --no-fail-on-reject >> "$results/.changes_plain"
  measure "$cli" backtest "$big" --config "$candidate" --baseline config.json --now "$now" \
      >> "$results/.changes_backtest"
  if [ "$shadow" = yes ]; then
    measure "$cli" triage "$big" "$out/changes-shadow.jsonl" --config config.json \
        --shadow "$candidate" --now "$now" --no-fail-on-reject >> "$results/.changes_shadow"
  fi
done
rm -f "$out/changes-plain.jsonl" "$out/changes-shadow.jsonl" "$out"/changes-*.rejects.jsonl

row() {
  local name=$1 wall cpu pw pc
  wall=$(awk '{print $1}' "$results/.changes_$name" | median)
  cpu=$(awk '{print $2}' "$results/.changes_$name" | median)
  pw=$(awk '{print $1}' "$results/.changes_plain" | median)
  pc=$(awk '{print $2}' "$results/.changes_plain" | median)
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v pw="$pw" -v pc="$pc" \
      'BEGIN { printf "| %s | %.2f | %.2f | %.2fx | %.2fx |\n", n, w, c, w / pw, c / pc }'
}
{
  echo "# Rule changes: backtest and shadow against a plain run"
  echo
  echo "$COUNT tickets (TicketGenerator, seed 42), $REPS interleaved runs each, medians;"
  echo "$(nproc) cores; load average before the runs: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F)."
  echo
  echo "| run | wall s | CPU s | wall vs plain | CPU vs plain |"
  echo "|---|---|---|---|---|"
  row plain
  row backtest
  [ "$shadow" = yes ] && row shadow
} > "$results/changes.md"
cat "$results/changes.md"
