#!/usr/bin/env bash
# Measures what changing rules safely costs against a plain triage of the same tickets, in one
# run, and writes the table to bench/results/shadow.md. See docs/performance.md and
# docs/changing-rules.md.
#
#   bench/shadow.sh                      # 1M tickets, 3 interleaved rounds; about 10 minutes on 2 cores
#   COUNT=100000 REPS=1 bench/shadow.sh  # a quicker look
#
# Three figures, each the median of REPS interleaved runs (the order rotates every round, so
# that none always runs on a warmer page cache), all with --now so that every run does the
# same work:
#   plain     triage --config config.json
#   shadow    triage --config config.json --shadow examples/config-20-rules.json
#             (target: at most 1.8 x plain; issue 13, item 5)
#   backtest  backtest --baseline config.json --config examples/config-20-rules.json
#             (target: at most 2.5 x plain; issue 13, item 4)
# The outputs go to OUT_DIR (default /dev/shm when it exists), so that a disk shared with
# other jobs does not decide the figures. The machine's load average is written beside them.
#
# Environment: COUNT (default 1000000), REPS (default 3), CANDIDATE (default
# examples/config-20-rules.json), SKIP_BUILD=1, MVN (default ./mvnw -B), OUT (the table's file
# under bench/results/, default shadow.md).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000000}
REPS=${REPS:-3}
CANDIDATE=${CANDIDATE:-examples/config-20-rules.json}
MVN=${MVN:-./mvnw -B}
OUT=${OUT:-shadow.md}
data=bench/data
results=bench/results
mkdir -p "$data" "$results"

. bench/lib.sh
# no JMH here: the plain build has the command line and the examples' ticket generator
if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== build" >&2
  $MVN -q package -DskipTests
fi
gen_cp=examples/target/examples-0.1.0-SNAPSHOT.jar:triage-cli/target/helpdesk-triage-all.jar
cli=bin/helpdesk-triage
now=2026-11-01T00:00:00Z

[ -s "$data/tickets-$COUNT.jsonl" ] || java -cp "$gen_cp" \
    org.helpdesktriage.examples.TicketGenerator --count "$COUNT" --seed 42 \
    --out "$data/tickets-$COUNT.jsonl" >&2
big=$data/tickets-$COUNT.jsonl
out_dir=${OUT_DIR:-$( [ -d /dev/shm ] && echo /dev/shm/helpdesk-shadow-bench || echo "$data" )}
mkdir -p "$out_dir"

: > "$results/stderr.log"
rm -f "$results"/.shadow_*
loads=()

# exit 4 (some records rejected) is a finished run here, so --no-fail-on-reject
one() {
  case $1 in
    plain) measure "$cli" triage --config config.json --now "$now" --no-fail-on-reject \
        "$big" "$out_dir/out-plain.jsonl" >> "$results/.shadow_plain" ;;
    shadow) measure "$cli" triage --config config.json --now "$now" --no-fail-on-reject \
        --shadow "$CANDIDATE" "$big" "$out_dir/out-shadow.jsonl" >> "$results/.shadow_shadow" ;;
    backtest) measure "$cli" backtest "$big" --config "$CANDIDATE" --baseline config.json \
        --now "$now" >> "$results/.shadow_backtest" ;;
  esac
}
order=(plain shadow backtest)
for r in $(seq "$REPS"); do
  echo "== $COUNT tickets, round $r of $REPS" >&2
  loads+=("$(load)")
  for i in 0 1 2; do one "${order[$(( (i + r - 1) % 3 ))]}"; done
done
declare -A WALL CPU
for f in plain shadow backtest; do
  WALL[$f]=$(awk '{print $1}' "$results/.shadow_$f" | median)
  CPU[$f]=$(awk '{print $2}' "$results/.shadow_$f" | median)
done
agreed=$(grep -c '"agrees":true' "$out_dir/out-shadow.jsonl" || true)
[ "$out_dir" = "$data" ] || rm -rf "$out_dir"

{
  echo "# Changing rules: shadow and backtest against a plain run"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) processors, $COUNT tickets (seed 42), candidate $CANDIDATE"
  echo "against config.json; medians of $REPS interleaved rounds; load average (1, 5, 15 min)"
  echo "at each round's start: ${loads[*]}."
  echo
  echo "| figure | wall | cpu | wall ratio | cpu ratio | target |"
  echo "|---|---|---|---|---|---|"
  echo "| triage (plain) | ${WALL[plain]} s | ${CPU[plain]} s | 1 | 1 | |"
  echo "| triage --shadow | ${WALL[shadow]} s | ${CPU[shadow]} s | $(ratio "${WALL[shadow]}" "${WALL[plain]}") | $(ratio "${CPU[shadow]}" "${CPU[plain]}") | <= 1.8 |"
  echo "| backtest | ${WALL[backtest]} s | ${CPU[backtest]} s | $(ratio "${WALL[backtest]}" "${WALL[plain]}") | $(ratio "${CPU[backtest]}" "${CPU[plain]}") | <= 2.5 |"
  echo
  echo "The shadow run's results that agree: $agreed."
} > "$results/$OUT"
cat "$results/$OUT"
