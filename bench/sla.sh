#!/usr/bin/env bash
# Measures the cost of SLA clocks, in one run, and writes the table to bench/results/sla.md.
# See docs/performance.md ("SLA clocks").
#
#   bench/sla.sh                      # 1M tickets, 20,000 stored; about 15 minutes on 2 cores
#   COUNT=100000 REPS=1 bench/sla.sh  # a quicker look
#
# 1. JMH: due-time computations per second on one thread, calendars of examples/config-sla.json
#    and 24x7, targets PT1H, PT8H, P5D, P14D; and the whole per-ticket SLA work of triage.
# 2. End to end: triage of COUNT tickets with the shipped config.json (SLAs on) and with the
#    same configuration with "sla": {"policies": []} (off), REPS interleaved runs each. The
#    output goes to E2E_OUT (default /dev/shm when it exists), so that a disk shared with other
#    jobs does not decide the figure.
# 3. Escalation sweep over STORED stored tickets with the stages of examples/config-sla.json,
#    beside reading them (tickets list --json): the hourly sweep (an hour after the first),
#    a dry run, and the first sweep (every stage due so far applied and written).
#
# Environment: COUNT (default 1000000), STORED (default 20000), REPS (default 3),
# JMH_FORKS (default 1), SKIP_BUILD=1, SKIP_E2E=1, SKIP_SWEEP=1, SKIP_JMH=1, MVN (default ./mvnw -B),
# OUT (the table's file under bench/results/, default sla.md).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000000}
STORED=${STORED:-20000}
REPS=${REPS:-3}
JMH_FORKS=${JMH_FORKS:-1}
MVN=${MVN:-./mvnw -B}
data=bench/data
results=bench/results
mkdir -p "$data" "$results"

. bench/lib.sh
if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== build (-Pbench)" >&2
  $MVN -q -Pbench package -DskipTests
fi
bench_jar=bench/target/benchmarks.jar
cli=bin/helpdesk-triage
now=2026-11-01T00:00:00Z
hour_later=2026-11-01T01:00:00Z

gen() {
  [ -s "$data/tickets-$1.jsonl" ] || java -cp "$bench_jar" org.helpdesktriage.examples.TicketGenerator \
      --count "$1" --seed 42 --out "$data/tickets-$1.jsonl" >&2
}
gen "$COUNT"
gen "$STORED"
# the shipped configuration with SLAs off, and nothing else changed
off=$data/config-sla-off.json
python3 - "$off" <<'EOF'
import json, sys
c = json.load(open("config.json"))
c["sla"]["policies"] = []
json.dump(c, open(sys.argv[1], "w"), indent=2)
EOF

: > "$results/stderr.log"
rm -f "$results"/.sla_*
loads=()

if [ "${SKIP_E2E:-}" != 1 ]; then
echo "== end to end, $COUNT tickets, SLAs on and off, $REPS interleaved rounds" >&2
big=$data/tickets-$COUNT.jsonl
e2e_out=${E2E_OUT:-$( [ -d /dev/shm ] && echo /dev/shm/helpdesk-sla-bench || echo "$data" )}
mkdir -p "$e2e_out"
e2e() {
  if [ "$1" = on ]; then
    measure "$cli" --config config.json --now "$now" "$big" "$e2e_out/out-sla-on.jsonl" >> "$results/.sla_on"
  else
    measure "$cli" --config "$off" --now "$now" "$big" "$e2e_out/out-sla-off.jsonl" >> "$results/.sla_off"
  fi
}
for r in $(seq "$REPS"); do
  loads+=("$(load)")
  # the order alternates, so that neither side always runs on a warmer page cache
  if [ $((r % 2)) = 1 ]; then e2e on; e2e off; else e2e off; e2e on; fi
done
on=$(awk '{print $1}' "$results/.sla_on" | median)
off_s=$(awk '{print $1}' "$results/.sla_off" | median)
on_cpu=$(awk '{print $2}' "$results/.sla_on" | median)
off_cpu=$(awk '{print $2}' "$results/.sla_off" | median)
pairs=$(paste -d' ' "$results/.sla_on" "$results/.sla_off" \
    | awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 / $4 }')
grep -c '"sla":{"policy"' "$e2e_out/out-sla-on.jsonl" > "$results/.sla_count" || true
out_mb="$(du -m "$e2e_out/out-sla-off.jsonl" | cut -f1) MB / $(du -m "$e2e_out/out-sla-on.jsonl" | cut -f1) MB"
[ "$e2e_out" = "$data" ] || rm -rf "$e2e_out"
fi

if [ "${SKIP_SWEEP:-}" != 1 ]; then
echo "== escalation sweep over $STORED stored tickets, $REPS interleaved rounds" >&2
store=$data/sla-store
stages=examples/config-sla.json
rm -rf "$store"
"$cli" triage --config "$stages" --now "$now" --store file --data-dir "$store" \
    "$data/tickets-$STORED.jsonl" "$data/out-stored.jsonl" --no-fail-on-reject \
    2>>"$results/stderr.log"
stored=$(find "$store/tickets" -name '*.json' | wc -l)
for r in $(seq "$REPS"); do
  loads+=("$(load)")
  rm -rf "$store.run" && cp -a "$store" "$store.run"
  measure "$cli" tickets list --json --data-dir "$store.run" | awk '{print $1}' >> "$results/.sla_list"
  measure "$cli" escalate --dry-run --config "$stages" --now "$now" --data-dir "$store.run" \
      | awk '{print $1}' >> "$results/.sla_dry"
  measure "$cli" escalate --config "$stages" --now "$now" --data-dir "$store.run" \
      | awk '{print $1}' >> "$results/.sla_first"
  measure "$cli" escalate --config "$stages" --now "$hour_later" --data-dir "$store.run" \
      | awk '{print $1}' >> "$results/.sla_hourly"
  measure "$cli" tickets list --json --data-dir "$store.run" | awk '{print $1}' >> "$results/.sla_list"
done
first_applied=$("$cli" runs list --json --data-dir "$store.run" | python3 -c '
import json, sys
runs = [r for r in json.load(sys.stdin) if r["command"] == "escalate"]
print(" ".join(str(r["counts"].get("escalated", 0)) for r in reversed(runs)))')
list_s=$(median < "$results/.sla_list")
dry=$(median < "$results/.sla_dry")
first=$(median < "$results/.sla_first")
hourly=$(median < "$results/.sla_hourly")
fi

declare -A JMH
if [ "${SKIP_JMH:-}" != 1 ]; then
  loads+=("$(load)")
  echo "== JMH: due times and per-ticket SLA work, $JMH_FORKS fork(s) x 3 iterations x 2 s" >&2
  java -jar "$bench_jar" 'SlaDueTime|SlaAssess' -f "$JMH_FORKS" -wi 2 -w 2s -i 3 -r 2s \
      -rf csv -rff "$results/sla-jmh.csv" > "$results/sla-jmh.log" 2>&1
fi

{
  echo "# SLA clocks benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
       "$(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty')"
  echo
  echo "Load average (1, 5, 15 min) at the start of each round: ${loads[*]}"
  echo
  if [ "${SKIP_E2E:-}" != 1 ] || [ "${SKIP_SWEEP:-}" != 1 ]; then
  echo "| figure | value | ratio | target |"
  echo "|---|---|---|---|"
  fi
  if [ "${SKIP_E2E:-}" != 1 ]; then
  echo "| triage $COUNT tickets, SLAs off (config.json, no policies), wall | ${off_s} s | 1.00 | |"
  echo "| triage $COUNT tickets, SLAs on (config.json; $(cat "$results/.sla_count") results with an sla), wall | ${on} s | $(ratio "$on" "$off_s") x off | <= 1.10 |"
  echo "| the same, CPU time (user + system), off / on | ${off_cpu} s / ${on_cpu} s | $(ratio "$on_cpu" "$off_cpu") x off | |"
  echo "| the same, output written to $e2e_out, off / on | $out_mb | | |"
  fi
  if [ "${SKIP_SWEEP:-}" != 1 ]; then
  echo "| tickets list --json, $stored stored tickets | ${list_s} s | 1.00 | |"
  echo "| escalate, hourly sweep (an hour after the first) | ${hourly} s | $(ratio "$hourly" "$list_s") x list | <= 2 |"
  echo "| escalate --dry-run, every stage due so far decided | ${dry} s | $(ratio "$dry" "$list_s") x list | |"
  echo "| escalate, first sweep (each stage saved and audited with fsync) | ${first} s | $(ratio "$first" "$list_s") x list | |"
  echo
  echo "Escalations in the last round (dry run, first sweep, hourly sweep): $first_applied."
  fi
  [ "${SKIP_E2E:-}" = 1 ] || { echo; echo "Wall-time ratio on / off of each round (the order alternates): $pairs."; }
  if [ "${SKIP_JMH:-}" != 1 ]; then
    echo
    echo "JMH, operations per second on one thread (mean ± 99.9% error):"
    echo
    echo "| benchmark | calendar | target | ops/s |"
    echo "|---|---|---|---|"
    awk -F, 'NR > 1 { gsub(/"/, ""); n = split($1, b, "."); cal = "-"; tgt = "-";
             for (i = 8; i <= NF; i++) { if ($i ~ /^(office|extended|night_desk|24x7)$/) cal = $i;
                                          if ($i ~ /^P/) tgt = $i }
             printf "| %s | %s | %s | %.0f ± %.0f |\n", b[n], cal, tgt, $5, $6 }' "$results/sla-jmh.csv"
  fi
} | tee "$results/${OUT:-sla.md}"
rm -f "$results"/.sla_*
