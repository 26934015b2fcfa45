#!/usr/bin/env bash
# Starts a Release `rulesengine serve` for the peer webhook bench and publishes the candidate-tag workflow in tenant
# `bench`, with the `sink` connection pointing at the harness's sink. Prints the server's PID on the last line.
#   DB=sqlite|postgres  PG_CONN='Host=...;Database=...'  PORT=5080  SINK_URL=http://127.0.0.1:5099  BIN=<publish folder>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
DB="${DB:-sqlite}"; PORT="${PORT:-5080}"; SINK_URL="${SINK_URL:-http://127.0.0.1:5099}"
BIN="${BIN:-$here/../../artifacts/bench-host}"
DATA="${DATA:-$(mktemp -d /tmp/rulesengine-bench-XXXX)}"; mkdir -p "$DATA"
TOKEN=bench-admin-token-0123456789
if [ ! -x "$BIN/rulesengine" ]; then
  dotnet publish "$here/../../Runtime/RulesEngine.Host" -c Release -p:SkipDesignerBuild=true -o "$BIN" >&2
fi
export RULESENGINE_ADMIN_TOKEN=$TOKEN Logging__LogLevel__Default=Warning
if [ "$DB" = postgres ]; then export Database__Provider=PostgreSql ConnectionStrings__RulesEngine="$PG_CONN"; fi
"$BIN/rulesengine" serve --urls "http://127.0.0.1:$PORT" --data "$DATA" >"$DATA/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/api/tenants" -H "Authorization: Bearer $TOKEN" >/dev/null && break; sleep 0.2; done
api() { curl -sf -X "$1" "http://127.0.0.1:$PORT$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary "$3" >/dev/null; }
api POST /api/tenants '{"id":"bench","name":"Bench"}'
api PUT /api/tenants/bench/connections/sink "{\"kind\":\"http\",\"settings\":{\"baseUrl\":\"$SINK_URL/\"},\"secrets\":{}}"
api POST /api/tenants/bench/workflows "@$here/candidate-tag.json"
api POST /api/tenants/bench/workflows/candidate-tag/publish '{}'
echo "data: $DATA" >&2
echo "$pid"
