#!/usr/bin/env bash
# CPU time of the server per request: wrk at a given concurrency against a running server, /proc/<pid>/stat ticks before and after.
#   cpu-per-request.sh <pid> <url> [connections] [seconds]
set -euo pipefail
pid=$1; url=$2; conns=${3:-4}; secs=${4:-10}
ticks() { awk '{print $14+$15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks)
out=$(wrk -t1 -c"$conns" -d"${secs}s" --latency -s /work/shared/bench/peers/driver/post.lua "$url" 2>&1)
t1=$(ticks)
reqs=$(echo "$out" | awk '/requests in/{print $1}')
rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
p99=$(echo "$out" | awk '$1=="99%"{print $2}')
echo "c=$conns req/s=$rps p99=$p99 requests=$reqs cpu_ms_per_req=$(echo "scale=2; ($t1-$t0)*1000/$hz/$reqs" | bc)"
