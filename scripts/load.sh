#!/usr/bin/env bash
# Load figures for the reference server on loopback: requests/s and p99 latency for valid and
# invalid OnceOffPaymentRequests at 64 connections (wrk, 2 threads, DURATION seconds each).
# Fails if any request errs (socket errors, or a status other than 200/400 as expected).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
command -v wrk >/dev/null || { say "installing wrk"; apt_install wrk; }
DURATION="${DURATION:-10}"
say "building the server (release)"
cargo build --release -p payrules-server
PORT="${PORT:-18080}"
LOG="$(mktemp)"
./target/release/payrules-server --port "$PORT" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q listening "$LOG" && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT/onceoffpayment"
say "server up at $URL (RSS $(ps -o rss= -p $SERVER | tr -d ' ') KiB); $(nproc) cores"
status=0
for case in valid invalid; do
  expected=$([ "$case" = valid ] && echo 200 || echo 400)
  got="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @bench/load/once_off_$case.json "$URL")"
  [ "$got" = "$expected" ] || { echo "!! $case payload answered $got, expected $expected" >&2; exit 1; }
  out="$(BODY_FILE="bench/load/once_off_$case.json" wrk -t2 -c64 -d"${DURATION}s" --latency -s bench/load/post.lua "$URL")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  total="$(awk '/requests in/ {print $1}' <<<"$out")"
  errors="$(grep -Eo 'Socket errors: .*' <<<"$out" || echo 'Socket errors: none')"
  non2xx="$(awk '/Non-2xx/ {print $5}' <<<"$out")"; non2xx="${non2xx:-0}"
  printf '  %-8s %10s req/s  p99 %-8s %s requests, %s non-2xx (expected: %s)  %s\n' \
    "$case" "$rps" "$p99" "$total" "$non2xx" "$([ "$case" = valid ] && echo 0 || echo all)" "$errors"
  if grep -q 'Socket errors' <<<"$out"; then status=1; fi
  if [ "$case" = valid ] && [ "$non2xx" != 0 ]; then status=1; fi
  if [ "$case" = invalid ] && [ "$non2xx" != "$total" ]; then status=1; fi
done
say "server RSS after: $(ps -o rss= -p $SERVER | tr -d ' ') KiB; log lines: $(wc -l <"$LOG")"
exit $status
