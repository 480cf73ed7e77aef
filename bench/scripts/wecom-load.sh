#!/bin/bash
# The WeCom callback load run: starts a jar with the callback on (Tencent's published sample app
# credentials) in a scratch directory, registers one WeCom group with a campaign, writes 60,000
# signed and encrypted callbacks, and drives bench/wrk/wecom.lua (2 threads, 16 connections): 10 s
# of warm-up, then 10 s measured with callbacks it has not seen.
#
#   bench/scripts/wecom-load.sh [JAR]        default: bot/target/tuangou-bot.jar
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$(realpath "${1:-$ROOT/bot/target/tuangou-bot.jar}")
PORT=${PORT:-18181}
BENCH=$ROOT/bench/target/benchmarks.jar
CORP=wx5823bf96d3bd56c7; TOKEN=QDG6eK; AES=jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C
RUN=$(mktemp -d /tmp/tuangou-wecom.XXXXXX)
cd "$RUN"
TUANGOU_WECOM_CORP_ID=$CORP TUANGOU_WECOM_TOKEN=$TOKEN TUANGOU_WECOM_AES_KEY=$AES TUANGOU_QUIET_START=00:00 \
  TUANGOU_QUIET_END=00:00 TUANGOU_HTTP_PORT=$PORT TUANGOU_ADMIN_TOKEN=load-token java ${JAVA_OPTS:-} -jar "$JAR" > service.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$RUN"' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.5; done
api() { curl -sf -H "authorization: Bearer load-token" -H "content-type: application/json" -d "$2" "http://127.0.0.1:$PORT/api/v1/$1"; }
id() { python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'; }
LEADER=$(api leaders '{"name": "王姐"}' | id)
GROUP=$(api groups "{\"channel\": \"wecom\", \"chatId\": \"wrLOADGROUP\", \"name\": \"阳光花园\", \"leaderId\": $LEADER}" | id)
api campaigns "{\"groups\": [$GROUP], \"announce\": false, \"items\": [
  {\"no\": 1, \"id\": \"apple\", \"name\": \"烟台苹果\", \"aliases\": [\"苹果\"], \"unit\": \"斤\", \"priceFen\": 690},
  {\"no\": 2, \"id\": \"banana\", \"name\": \"海南香蕉\", \"aliases\": [\"香蕉\"], \"unit\": \"把\", \"priceFen\": 1290},
  {\"no\": 3, \"id\": \"blueberry\", \"name\": \"云南蓝莓\", \"aliases\": [\"蓝莓\"], \"unit\": \"盒\", \"priceFen\": 1990}]}" > /dev/null
java -cp "$BENCH" tuangou.bench.WeComLoad $CORP $TOKEN $AES wrLOADGROUP 60000 callbacks.txt
echo "warm-up: $(wrk -t2 -c16 -d10s -s "$ROOT/bench/wrk/wecom.lua" "http://127.0.0.1:$PORT" | tee warm.txt | grep answered)"
SENT=$(grep -o 'callbacks [0-9]*' warm.txt | awk '{print $2}')
tail -n +$((SENT + 1)) callbacks.txt > fresh.txt && mv fresh.txt callbacks.txt
wrk -t2 -c16 -d10s -s "$ROOT/bench/wrk/wecom.lua" "http://127.0.0.1:$PORT" | grep -E 'answered|p99'
