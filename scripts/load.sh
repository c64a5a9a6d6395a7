#!/usr/bin/env bash
# Load run of the reference server on loopback (h2load over HTTP/1.1, 2 threads): REQUESTS valid
# and then REQUESTS invalid OnceOffPaymentRequests (default 1,000,000 each) over CONNECTIONS
# connections (default 256). Prints requests/s, latency and the server's RSS before, between and
# after; fails on any errored or timed-out request, a status other than 200 (valid) or 400
# (invalid), or payer data in the log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
command -v h2load >/dev/null || { say "installing h2load"; apt_install nghttp2-client; }
REQUESTS="${REQUESTS:-1000000}"
CONNECTIONS="${CONNECTIONS:-256}"
say "building the server (release)"
cargo build --release -p payrules-server
PORT="${PORT:-18080}"
LOG="$(mktemp)"
./target/release/payrules-server --port "$PORT" --max-connections 1024 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 50); do grep -q listening "$LOG" && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT/onceoffpayment"
rss() { ps -o rss= -p "$SERVER" | tr -d ' '; }
say "server up at $URL (RSS $(rss) KiB); $(nproc) cores; $REQUESTS requests per case over $CONNECTIONS connections"
status=0
for case in valid invalid; do
  expected=$([ "$case" = valid ] && echo 200 || echo 400)
  got="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @bench/load/once_off_$case.json "$URL")"
  [ "$got" = "$expected" ] || { echo "!! $case payload answered $got, expected $expected" >&2; exit 1; }
  out="$(h2load --h1 -t 2 -c "$CONNECTIONS" -n "$REQUESTS" -d "bench/load/once_off_$case.json" \
    -H 'Content-Type: application/json' "$URL")"
  done="$(awk '/^requests:/ {print $6}' <<<"$out")"
  errored="$(awk '/^requests:/ {print $12}' <<<"$out")"
  timeouts="$(awk '/^requests:/ {print $14}' <<<"$out")"
  codes="$(awk '/^status codes:/ {print $3, $5, $7, $9}' <<<"$out")"
  read -r s2xx s3xx s4xx s5xx <<<"$codes"
  rps="$(awk '/^finished in/ {print $4}' <<<"$out")"
  took="$(awk '/^finished in/ {print $3}' <<<"$out" | tr -d ,)"
  latency="$(awk '/^time for request:/ {print "mean " $6 ", max " $5}' <<<"$out")"
  printf '  %-8s %s requests done in %s: %s req/s, latency %s; errored %s, timeouts %s; 2xx %s, 4xx %s, 5xx %s; server RSS %s KiB\n' \
    "$case" "$done" "$took" "$rps" "$latency" "$errored" "$timeouts" "$s2xx" "$s4xx" "$s5xx" "$(rss)"
  if [ "$done" != "$REQUESTS" ] || [ "$errored" != 0 ] || [ "$timeouts" != 0 ] || [ "$s5xx" != 0 ]; then status=1; fi
  if [ "$case" = valid ] && [ "$s2xx" != "$REQUESTS" ]; then status=1; fi
  if [ "$case" = invalid ] && [ "$s4xx" != "$REQUESTS" ]; then status=1; fi
done
lines="$(grep -c ' POST /onceoffpayment ' "$LOG" || true)"
say "server RSS after: $(rss) KiB; request log: $lines lines"
# The payloads' payer data must not reach the log.
for value in 8001015009087 A1234567 thandi@example.co.za; do
  if grep -q "$value" "$LOG"; then echo "!! the log holds $value" >&2; status=1; fi
done
exit $status
