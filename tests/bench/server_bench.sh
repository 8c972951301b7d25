#!/usr/bin/env bash
# payref-server under wrk on 127.0.0.1 (issue 3 targets; numbers recorded in docs/performance.md).
# Not a test: it measures and prints. Starts its own server on a free port with a fresh data dir,
# fills one contact with transactions, then runs a read and a persisted charge, 64 connections, 10 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
server=${PAYREF_SERVER:-build/native/server/payref-server}
threads=${THREADS:-96}
data=$(mktemp -d)
log=$(mktemp)
"$server" --port 0 --data "$data" --admin-token bench --threads "$threads" --log-level warn >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data" "$log"' EXIT
for _ in $(seq 50); do grep -q 'listening on' "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.]*:[0-9]*' "$log" | head -1)
export PAYREF_ID=$(grep -o 'Id [0-9]*' "$log" | cut -d' ' -f2)
export PAYREF_KEY=$(grep -o 'Key [0-9a-f]*' "$log" | cut -d' ' -f2)
echo "server: $url, $threads worker threads, data in $data"
echo "--- warm-up: 2 s of charges (fills the contact's history) ---"
wrk -t2 -c16 -d2s -s tests/bench/wrk/charge.lua "$url" | grep -E 'Requests/sec'
echo "--- read: POST /api/v1/transactions (page of 20), 64 connections, 10 s ---"
wrk -t2 -c64 -d10s --latency -s tests/bench/wrk/transactions.lua "$url" | grep -E 'Requests/sec|99%|50%|Non-2xx|Socket errors'
echo "--- write: POST /api/v1/payments/creditcard/charge (persisted), 64 connections, 10 s ---"
wrk -t2 -c64 -d10s --latency -s tests/bench/wrk/charge.lua "$url" | grep -E 'Requests/sec|99%|50%|Non-2xx|Socket errors'
