#!/usr/bin/env bash
# payref-server under wrk on 127.0.0.1 (issue 3 targets; numbers recorded in docs/performance.md).
# Not a test: it measures and prints. Starts its own server on a free port with a fresh data dir,
# fills one contact with transactions, then runs a read and a persisted charge, 64 connections,
# 10 s each, ROUNDS times (default 3, alternating), and prints every round and the median.
set -euo pipefail
cd "$(dirname "$0")/../.."
server=${PAYREF_SERVER:-build/native/server/payref-server}
threads=${THREADS:-6}
rounds=${ROUNDS:-3}
data=$(mktemp -d)
log=$(mktemp)
"$server" --port 0 --data "$data" --admin-token bench --threads "$threads" --log-level warn >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$log"' EXIT
for _ in $(seq 50); do grep -q 'listening on' "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.]*:[0-9]*' "$log" | head -1)
export PAYREF_ID=$(grep -o 'Id [0-9]*' "$log" | head -1 | cut -d' ' -f2)
export PAYREF_KEY=$(grep -o 'Key [0-9a-f]*' "$log" | head -1 | cut -d' ' -f2)
echo "server: $url, $threads worker threads; wrk: 2 threads, 64 connections, 10 s a round, $rounds rounds"
wrk -t2 -c16 -d2s -s tests/bench/wrk/charge.lua "$url" >/dev/null  # warm-up: fills the contact's history

# One wrk round → "req/s p50 p99" (latencies in ms); fails loudly on any error response.
round() {
  local out
  out=$(wrk -t2 -c64 -d10s --latency -s "tests/bench/wrk/$1.lua" "$url")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "$out" >&2; fi
  awk '/Requests\/sec/ {rps=$2}
       / 50%/ {p50=$2} / 99%/ {p99=$2}
       END {
         printf "%s %s %s\n", rps, p50, p99
       }' <<<"$out"
}
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.2f", v }' <<<"$1"; }

declare -A results
for r in $(seq "$rounds"); do
  for w in transactions charge; do
    read -r rps p50 p99 < <(round "$w")
    p50=$(to_ms "$p50"); p99=$(to_ms "$p99")
    printf '  round %d %-12s %10.0f req/s  p50 %6.2f ms  p99 %7.2f ms\n' "$r" "$w" "$rps" "$p50" "$p99"
    results[$w]+="$rps $p99"$'\n'
  done
done
echo "median of $rounds rounds (targets: read ≥ 20000 req/s, p99 ≤ 10 ms; charge ≥ 8000 req/s, p99 ≤ 30 ms):"
for w in transactions charge; do
  rps=$(awk 'NF{print $1}' <<<"${results[$w]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  p99=$(awk 'NF{print $2}' <<<"${results[$w]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  printf '  %-12s %10.0f req/s  p99 %7.2f ms\n' "$w" "$rps" "$p99"
done
