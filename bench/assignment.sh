#!/usr/bin/env bash
# Measures assignment to people, in one run, and writes the table to bench/results/assignment.md.
# See docs/assignment.md and docs/performance.md ("Assignment").
#
#   bench/assignment.sh                      # 1M tickets; about 10 minutes on 2 cores
#   COUNT=100000 REPS=1 bench/assignment.sh  # a quicker look
#
# 1. Simulation: a week of SIM_TICKETS tickets on a daily curve, 50 agents in 5 teams on 3
#    shifts with skills, handle times at random (AssignmentSimulation): the library's round
#    robin and least loaded beside plain rotation that ignores load.
# 2. End to end: triage of COUNT tickets with the shipped config.json (no roster) and with the
#    same configuration plus 50 agents (round robin in every team), REPS interleaved runs each;
#    the output goes to /dev/shm when it exists.
#
# Environment: COUNT (default 1000000), SIM_TICKETS (default 100000), REPS (default 3),
# SKIP_BUILD=1, SKIP_SIM=1, SKIP_E2E=1, MVN (default ./mvnw -B).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000000}
SIM_TICKETS=${SIM_TICKETS:-100000}
REPS=${REPS:-3}
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
now=2026-11-02T10:00:00Z
: > "$results/stderr.log"
out=$results/assignment.md
{
  echo "# Assignment to people"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(load) at the start."
  echo
} > "$out"

if [ "${SKIP_SIM:-}" != 1 ]; then
  echo "== simulation, $SIM_TICKETS tickets over a week" >&2
  sim_load=$(load)
  {
    echo "## A simulated week"
    echo
    java -cp "$bench_jar" org.helpdesktriage.bench.AssignmentSimulation --tickets "$SIM_TICKETS" --seed 42
    echo
    echo "Load average before the simulation: $sim_load."
    echo
  } >> "$out"
fi

if [ "${SKIP_E2E:-}" != 1 ]; then
  echo "== end to end, $COUNT tickets, assignment off and on, $REPS interleaved rounds" >&2
  [ -s "$data/tickets-$COUNT.jsonl" ] || java -cp "$bench_jar" org.helpdesktriage.examples.TicketGenerator \
      --count "$COUNT" --seed 42 --out "$data/tickets-$COUNT.jsonl" >&2
  big=$data/tickets-$COUNT.jsonl
  on=$data/config-agents.json
  python3 - "$on" <<'PY'
import json, sys
c = json.load(open("config.json"))
teams = sorted(set(c["categories"].values()))
c["agents"] = [{"id": "agent-%02d" % i, "teams": [teams[i % len(teams)]],
                "skills": ["german"] if i % 2 else [], "capacity": 25000} for i in range(50)]
c["assignment"] = {"default_strategy": "round_robin"}
json.dump(c, open(sys.argv[1], "w"), indent=2)
PY
  e2e_out=$( [ -d /dev/shm ] && echo /dev/shm/helpdesk-assign-bench || echo "$data" )
  mkdir -p "$e2e_out"
  rm -f "$results"/.as_on "$results"/.as_off
  loads=()
  for r in $(seq "$REPS"); do
    loads+=("$(load)")
    if [ $((r % 2)) = 1 ]; then
      measure "$cli" --config config.json --now "$now" "$big" "$e2e_out/off.jsonl" >> "$results/.as_off"
      measure "$cli" --config "$on" --now "$now" "$big" "$e2e_out/on.jsonl" >> "$results/.as_on"
    else
      measure "$cli" --config "$on" --now "$now" "$big" "$e2e_out/on.jsonl" >> "$results/.as_on"
      measure "$cli" --config config.json --now "$now" "$big" "$e2e_out/off.jsonl" >> "$results/.as_off"
    fi
  done
  on_s=$(awk '{print $1}' "$results/.as_on" | median)
  off_s=$(awk '{print $1}' "$results/.as_off" | median)
  on_cpu=$(awk '{print $2}' "$results/.as_on" | median)
  off_cpu=$(awk '{print $2}' "$results/.as_off" | median)
  pairs=$(paste -d' ' "$results/.as_on" "$results/.as_off" \
      | awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 / $4 }')
  assigned=$(grep -c '"reason":"assigned"' "$e2e_out/on.jsonl" || true)
  rm -rf "$e2e_out" "$results"/.as_on "$results"/.as_off
  {
    echo "## End to end"
    echo
    echo "| $COUNT tickets, median of $REPS | wall | CPU | ratio | target |"
    echo "|---|---|---|---|---|"
    echo "| config.json, no roster | $off_s s | $off_cpu s | 1.00 | |"
    echo "| config.json + 50 agents, round robin ($assigned assigned) | $on_s s | $on_cpu s | $(ratio "$on_s" "$off_s") x (pairs: $pairs) | <= 1.15 |"
    echo
    echo "Load average before each round: ${loads[*]}; at the end: $(load)."
  } >> "$out"
fi
cat "$out"
