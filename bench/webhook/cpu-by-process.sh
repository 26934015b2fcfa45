#!/usr/bin/env bash
# CPU time per request of every process on the machine, summed by process name (rulesengine, postgres, node, ...):
# wrk at a given concurrency, /proc/<pid>/stat ticks of all processes before and after. Shows what the database
# server costs per request next to our process. Processes that start or end during the run are not counted.
#   cpu-by-process.sh <url> [connections] [seconds]
set -euo pipefail
url=$1; conns=${2:-16}; secs=${3:-20}
hz=$(getconf CLK_TCK)
snapshot() {
  for p in /proc/[0-9]*; do
    # comm can hold spaces; the fields after it start at the last ')'.
    line=$(cat "$p/stat" 2>/dev/null) || continue
    name=${line#*(}; name=${name%)*}; rest=${line##*) }
    echo "$(basename "$p") ${name// /_} $(echo "$rest" | awk '{print $12+$13}')"
  done | sort
}
before=$(snapshot)
out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s /work/shared/bench/peers/driver/post.lua "$url" 2>&1)
after=$(snapshot)
reqs=$(echo "$out" | awk '/requests in/{print $1}')
echo "$out" | grep WRKRESULT || true
join <(echo "$before") <(echo "$after") | awk -v r="$reqs" -v hz="$hz" '
  $2 == $4 { d[$2] += $5 - $3 }
  END { for (n in d) if (d[n] > 0) printf "%-24s %7.2f s  %.3f ms/req\n", n, d[n] / hz, d[n] * 1000 / hz / r }' | sort -k2 -n -r
