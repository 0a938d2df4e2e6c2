#!/usr/bin/env bash
# Measures helpdesk-triage against the bare Jackson copy of the same input, in one run, and
# writes the table to bench/results/latest.md. See docs/performance.md.
#
#   bench/run.sh                 # 1M tickets; about 10 minutes on 2 cores
#   COUNT=100000 bench/run.sh    # a quicker look
#
# Environment: COUNT (tickets, default 1000000), SMALL (default 10000), REPS (end-to-end runs
# per figure, median, default 3), COLD_REPS (one-ticket runs per variant, default 11),
# SKIP_BUILD=1, SKIP_JMH=1, SKIP_POSTGRES=1 (no --store postgres figure; it needs Debian's
# postgresql package), STREAMS_COUNT (tickets through the Kafka Streams application, default
# 100000; 0 skips it), IT_TICKETS (the 38k labelled IT tickets, default
# ../shared/datasets/it-service-tickets/train.csv; the model rows are left out without it),
# SKIP_MODEL=1, MVN (default ./mvnw -B).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
COUNT=${COUNT:-1000000}
SMALL=${SMALL:-10000}
REPS=${REPS:-3}
COLD_REPS=${COLD_REPS:-11}
MVN=${MVN:-./mvnw -B}
data=bench/data
results=bench/results
mkdir -p "$data" "$results"

. bench/lib.sh

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== build (-Pbench)" >&2
  $MVN -q -Pbench package -DskipTests
fi
cli_jar=triage-cli/target/helpdesk-triage-all.jar
bench_jar=bench/target/benchmarks.jar
launcher=bin/helpdesk-triage

echo "== generate $COUNT and $SMALL tickets (seed 42)" >&2
gen() {
  [ -s "$data/tickets-$1.jsonl" ] || java -cp "$bench_jar" org.helpdesktriage.examples.TicketGenerator \
      --count "$1" --seed 42 --out "$data/tickets-$1.jsonl" >&2
}
gen "$COUNT"
gen "$SMALL"
head -n 1 "$data/tickets-$COUNT.jsonl" > "$data/tickets-1.jsonl"
big=$data/tickets-$COUNT.jsonl


: > "$results/stderr.log"

# A throwaway PostgreSQL cluster for the --store postgres figure, with the server's default
# durability (fsync, synchronous commit), on this machine; as the user postgres when root,
# since PostgreSQL refuses to run as root. Stopped and deleted on exit.
pg_port=55432
pg_dir=$root/$data/pg
pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_sql() { PGPASSWORD=bench psql -q -h 127.0.0.1 -p "$pg_port" -U triage -d postgres -c "$1" >&2; }
if [ "${SKIP_POSTGRES:-}" != 1 ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  rm -rf "$pg_dir"; mkdir -p "$pg_dir"; echo bench > "$pg_dir/pw"
  [ "$(id -u)" = 0 ] && chown -R postgres "$pg_dir"
  pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U triage --pwfile="$pg_dir/pw" \
      --auth-host=scram-sha-256 --auth-local=trust -E UTF8 >/dev/null
  pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" \
      -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" -w start >/dev/null
  trap 'pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null; rm -rf "$pg_dir"' EXIT
  export HELPDESK_DB_USER=triage HELPDESK_DB_PASSWORD=bench
fi

declare -A WALL RSS
# interleaved repetitions, so that a noisy neighbour hits every figure alike
run_e2e() {
  local name=$1; shift
  measure "$@" >> "$results/.$name"
}
rm -f "$results"/.e2e_*
for r in $(seq "$REPS"); do
  echo "== end to end, round $r of $REPS" >&2
  run_e2e e2e_copy java -cp "$bench_jar" org.helpdesktriage.bench.BareCopy "$big" "$data/copy.jsonl"
  run_e2e e2e_mapcopy java -cp "$bench_jar" org.helpdesktriage.bench.BareCopy --map "$big" \
      "$data/copy.jsonl"
  run_e2e e2e_default "$launcher" "$big" "$data/out-default.jsonl"
  run_e2e e2e_rules20 "$launcher" --config examples/config-20-rules.json "$big" "$data/out-20.jsonl"
  if [ "${SKIP_POSTGRES:-}" != 1 ]; then
    # every round into an empty database, so that each stores COUNT new rows
    pg_sql "CREATE DATABASE bench_r$r"
    HELPDESK_STORE_URL="jdbc:postgresql://127.0.0.1:$pg_port/bench_r$r" "$launcher" migrate >&2
    run_e2e e2e_postgres env HELPDESK_STORE_URL="jdbc:postgresql://127.0.0.1:$pg_port/bench_r$r" \
        "$launcher" "$big" "$data/out-pg.jsonl" --store postgres
  fi
done
names="e2e_copy e2e_mapcopy e2e_default e2e_rules20"
[ "${SKIP_POSTGRES:-}" != 1 ] && names="$names e2e_postgres"
for name in $names; do
  WALL[$name]=$(awk '{print $1}' "$results/.$name" | median)
  RSS[$name]=$(awk '{print $3}' "$results/.$name" | median)
done

echo "== peak memory with -Xmx256m" >&2
for n in "$SMALL" "$COUNT"; do
  # the same JVM options for both sizes (the launcher would pick C1 and serial GC for the small
  # one), so that the ratio shows what the input's size does to memory and nothing else
  RSS[mem_$n]=$(measure java -Xmx256m -jar "$cli_jar" "$data/tickets-$n.jsonl" \
      "$data/out-mem.jsonl" | awk '{print $3}')
done

echo "== cold start: one ticket, $COLD_REPS runs per variant, interleaved" >&2
jsa=triage-cli/target/helpdesk-triage.jsa
variants=(copy copy_flags plain c1 serial c1_serial cds launcher)
# the bare Map copy started as the launcher starts triage: C1 only, serial GC, and an AppCDS
# archive of its own classes, made once by a training run
copy_jsa=$data/copy.jsa
[ -s "$copy_jsa" ] || java -XX:ArchiveClassesAtExit="$copy_jsa" -cp "$bench_jar" \
    org.helpdesktriage.bench.BareCopy --map "$data/tickets-1.jsonl" "$data/copy-1.jsonl" 2>/dev/null
declare -A VOPTS=(
  [plain]="-Xshare:auto"
  [c1]="-XX:TieredStopAtLevel=1"
  [serial]="-XX:+UseSerialGC"
  [c1_serial]="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  [cds]="-XX:SharedArchiveFile=$jsa"
)
rm -f "$results"/.cold_*
for r in $(seq "$COLD_REPS"); do
  for v in "${variants[@]}"; do
    if [ "$v" = copy ]; then
      measure java -cp "$bench_jar" org.helpdesktriage.bench.BareCopy "$data/tickets-1.jsonl" \
          "$data/copy-1.jsonl" >> "$results/.cold_$v"
    elif [ "$v" = copy_flags ]; then
      measure java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile="$copy_jsa" \
          -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$bench_jar" org.helpdesktriage.bench.BareCopy \
          --map "$data/tickets-1.jsonl" "$data/copy-1.jsonl" >> "$results/.cold_$v"
    elif [ "$v" = launcher ]; then
      measure "$launcher" "$data/tickets-1.jsonl" "$data/out-1.jsonl" >> "$results/.cold_$v"
    else
      # shellcheck disable=SC2086
      measure java ${VOPTS[$v]} -jar "$cli_jar" "$data/tickets-1.jsonl" "$data/out-1.jsonl" \
          >> "$results/.cold_$v"
    fi
  done
done
declare -A COLD
for v in "${variants[@]}"; do
  COLD[$v]=$(awk '{print $1}' "$results/.cold_$v" | median)
done
rm -f "$results"/.cold_* "$results"/.e2e_*

declare -A MODEL
it=${IT_TICKETS:-../shared/datasets/it-service-tickets/train.csv}
if [ "${SKIP_MODEL:-}" != 1 ] && [ -s "$it" ]; then
  echo "== model: training on $it, then one-ticket runs with and without it" >&2
  model=$data/it-model.json
  it_rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8"))) - 1)' "$it")
  read -r MODEL[train_wall] _ MODEL[train_rss] < <(measure "$launcher" train "$it" \
      --label-field Topic_group --text-field Document --out "$model")
  with_model=$data/config-it-model.json
  python3 - "$with_model" <<'PY'
import json, sys
c = json.load(open("examples/it-service-tickets/config-rules-model.json"))
c.pop("$schema", None)
c["classifier"]["model"] = "it-model.json"  # beside this configuration, in bench/data
json.dump(c, open(sys.argv[1], "w"), indent=2)
PY
  rm -f "$results"/.model_*
  for r in $(seq "$COLD_REPS"); do
    measure "$launcher" --config "$with_model" --no-fail-on-reject "$data/tickets-1.jsonl" \
        "$data/out-1.jsonl" >> "$results/.model_with"
    measure "$launcher" --config examples/it-service-tickets/config-rules.json \
        --no-fail-on-reject "$data/tickets-1.jsonl" "$data/out-1.jsonl" >> "$results/.model_without"
  done
  MODEL[with]=$(awk '{print $1}' "$results/.model_with" | median)
  MODEL[without]=$(awk '{print $1}' "$results/.model_without" | median)
  rm -f "$results"/.model_*
fi

declare -A JMH
if [ "${SKIP_JMH:-}" != 1 ]; then
  echo "== JMH: rule evaluation, 2 forks x 3 iterations x 2 s" >&2
  java -jar "$bench_jar" RuleEvaluationBenchmark -f 2 -wi 2 -w 2s -i 3 -r 2s \
      -p config=examples/config-20-rules.json -rf csv -rff "$results/jmh.csv" \
      > "$results/jmh.log" 2>&1
  while IFS=, read -r bench score err; do
    JMH[$bench]="$score $err"
  done < <(awk -F, 'NR > 1 { gsub(/"/, ""); n = split($1, b, "."); printf "%s,%.0f,%.0f\n", b[n], $5, $6 }' \
      "$results/jmh.csv")
  agreement=$(grep -m1 '^agreement' "$results/jmh.log" || echo "agreement: not printed")
fi

STREAMS_COUNT=${STREAMS_COUNT:-100000}
if [ "$STREAMS_COUNT" != 0 ]; then
  echo "== streams: $STREAMS_COUNT tickets through one instance, broker in the same JVM" >&2
  streams_line=$(java -cp "$bench_jar" org.helpdesktriage.bench.StreamsThroughput "$big" \
      "$STREAMS_COUNT" 2>>"$results/stderr.log" | grep '^streams:')
fi

rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "-" }'; }
copy=${WALL[e2e_copy]}
mapcopy=${WALL[e2e_mapcopy]}
ours_ns=$(echo "${JMH[ours]:-0 0}" | awk '{print $1}')
mvel_ns=$(echo "${JMH[easyRulesMvel]:-0 0}" | awk '{print $1}')
lambda_ns=$(echo "${JMH[easyRulesLambdas]:-0 0}" | awk '{print $1}')
{
  echo "# helpdesk-triage benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
       "$(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty')"
  echo
  echo "Input: $COUNT tickets, JSON Lines, $(du -m "$big" | cut -f1) MB, TicketGenerator seed 42." \
       "End-to-end figures are medians of $REPS interleaved runs; ratios are against the bare copy of the same run."
  echo
  echo "| figure | value | ratio | target |"
  echo "|---|---|---|---|"
  echo "| (a) bare Jackson copy into a Map and back (SequenceWriter, one thread), $COUNT tickets | ${mapcopy} s, ${RSS[e2e_mapcopy]} KB RSS | 1.00 | limit |"
  echo "| (a) bare Jackson copy through a JsonNode tree | ${copy} s, ${RSS[e2e_copy]} KB RSS | $(ratio "$copy" "$mapcopy") x Map copy | |"
  echo "| (b) helpdesk-triage, config.json | ${WALL[e2e_default]} s, ${RSS[e2e_default]} KB RSS | $(ratio "${WALL[e2e_default]}" "$mapcopy") x Map copy | <= 1.3 |"
  echo "| (b) helpdesk-triage, config-20-rules.json | ${WALL[e2e_rules20]} s, ${RSS[e2e_rules20]} KB RSS | $(ratio "${WALL[e2e_rules20]}" "$mapcopy") x Map copy | <= 1.5 |"
  if [ "${SKIP_POSTGRES:-}" != 1 ]; then
    echo "| helpdesk-triage --store postgres (server on this machine, default durability) | ${WALL[e2e_postgres]} s, $(rate "$COUNT" "${WALL[e2e_postgres]}") tickets/s | $(ratio "${WALL[e2e_postgres]}" "${WALL[e2e_default]}") x plain triage | >= 20000 tickets/s |"
  fi
  if [ "$STREAMS_COUNT" != 0 ]; then
    echo "| Kafka Streams, one instance, exactly_once_v2, broker in the same JVM | ${streams_line#streams: } | | |"
  fi
  echo "| peak RSS, java -Xmx256m -jar, $SMALL tickets | ${RSS[mem_$SMALL]} KB | 1.00 | |"
  echo "| peak RSS, java -Xmx256m -jar, $COUNT tickets | ${RSS[mem_$COUNT]} KB | $(ratio "${RSS[mem_$COUNT]}" "${RSS[mem_$SMALL]}") x $SMALL | <= 1.2 |"
  if [ "${SKIP_JMH:-}" != 1 ]; then
    echo "| (c) rules per ticket, ours (20 rules) | ${JMH[ours]% *} ns ± ${JMH[ours]#* } | 1.00 | |"
    echo "| (c) rules per ticket, Easy Rules lambdas | ${JMH[easyRulesLambdas]% *} ns ± ${JMH[easyRulesLambdas]#* } | $(ratio "$lambda_ns" "$ours_ns") x ours | |"
    echo "| (c) rules per ticket, Easy Rules MVEL | ${JMH[easyRulesMvel]% *} ns ± ${JMH[easyRulesMvel]#* } | $(ratio "$mvel_ns" "$ours_ns") x ours | >= 10 |"
  fi
  for v in "${variants[@]}"; do
    case $v in
      copy) label="(a) bare copy, java -cp, no options" ;;
      copy_flags) label="bare Map copy, C1 + SerialGC + its own AppCDS archive" ;;
      plain) label="java -jar, no options" ;;
      c1) label="-XX:TieredStopAtLevel=1" ;;
      serial) label="-XX:+UseSerialGC" ;;
      c1_serial) label="C1 only + SerialGC" ;;
      cds) label="AppCDS archive only" ;;
      launcher) label="bin/helpdesk-triage (CDS + C1 + SerialGC)" ;;
    esac
    echo "| cold start, 1 ticket, $label | ${COLD[$v]} s median | $(ratio "${COLD[$v]}" "${COLD[copy]}") x copy of 1 | $( [ "$v" = launcher ] && echo '< 0.3 s' ) |"
  done
  echo "| one ticket through bin/helpdesk-triage vs the bare Map copy with the same start-up flags | ${COLD[launcher]} s / ${COLD[copy_flags]} s | $(ratio "${COLD[launcher]}" "${COLD[copy_flags]}") x | <= 1.1 |"
  if [ -n "${MODEL[with]:-}" ]; then
    echo "| one ticket with the trained IT model configured vs without (examples/it-service-tickets) | ${MODEL[with]} s / ${MODEL[without]} s | $(ratio "${MODEL[with]}" "${MODEL[without]}") x | <= 1.3 |"
    echo "| model training, $it_rows labelled IT tickets, bin/helpdesk-triage train, default heap | ${MODEL[train_wall]} s, ${MODEL[train_rss]} KB RSS | | <= 30 s, <= 700 MB |"
  fi
  echo
  if [ "${SKIP_JMH:-}" != 1 ]; then
    echo "Rule engines $agreement (tickets for which each picks the same rule as ours)."
  fi
} | tee "$results/latest.md"
