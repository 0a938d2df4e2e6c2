# Helpers the bench scripts share; sourced, never run. Each script sets $results first.

# GNU time reports wall time, CPU and peak RSS; Debian's package, installed when missing
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time" >&2
  apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi

# measure CMD...: runs CMD under GNU time, its stderr appended to $results/stderr.log; prints
# "wall_seconds cpu_seconds max_rss_kb" (cpu: user + system)
measure() {
  local log; log=$(mktemp)
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>>"$results/stderr.log" || {
    echo "failed: $*" >&2; cat "$log" >&2; rm -f "$log"; return 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
                 for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
              /User time/ { cpu += $2 } /System time/ { cpu += $2 }
              /Maximum resident set size/ { rss = $2 }
              END { printf "%.3f %.3f %d\n", wall, cpu, rss }' "$log"
  rm -f "$log"
}

# the median of the first column of stdin's lines
median() { sort -n | awk '{ v[NR] = $0 } END { print v[int((NR + 1) / 2)] }'; }

# ratio A B: A / B with two decimals, or - when B is 0
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# the load averages over 1, 5 and 15 minutes
load() { cut -d' ' -f1-3 /proc/loadavg; }
