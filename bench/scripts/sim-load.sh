#!/bin/bash
# The service load run, start to end: starts a jar on its embedded default in a scratch directory,
# registers GROUPS simulator groups with one campaign, drives bench/wrk/sim.lua with wrk (2 threads,
# CONNS connections) for WARMUPS rounds of 10 s and then 15 s measured, and prints the measured
# messages/s, latency, and the CPU the service and its PostgreSQL spent per 1,000 messages; then
# pgbench single-row inserts (8 clients, 8 s) on the same embedded PostgreSQL.
#
#   bench/scripts/sim-load.sh [JAR] [GROUPS] [CONNS] [WARMUPS]
#   defaults: bot/target/tuangou-bot.jar 100 16 1
# Needs wrk, pgbench and psql (Debian: apt-get install -y wrk postgresql-client) and a built
# bench/target/benchmarks.jar (mvn -B -ntp -pl bench -am package -DskipTests).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$(realpath "${1:-$ROOT/bot/target/tuangou-bot.jar}")
GROUPS_N=${2:-100}
CONNS=${3:-16}
WARMUPS=${4:-1}
PORT=${PORT:-18180}
BENCH=$ROOT/bench/target/benchmarks.jar
RUN=$(mktemp -d /tmp/tuangou-load.XXXXXX)
cd "$RUN"
# quiet hours off, so that nothing the run does is held for the morning
TUANGOU_QUIET_START=00:00 TUANGOU_QUIET_END=00:00 TUANGOU_HTTP_PORT=$PORT TUANGOU_ADMIN_TOKEN=load-token \
  java ${JAVA_OPTS:-} -jar "$JAR" > service.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$RUN"' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break; sleep 0.5; done
java -DsetupOnly=chats.txt -cp "$BENCH" tuangou.bench.SimLoad "http://127.0.0.1:$PORT" load-token "$GROUPS_N" > setup.log
for w in $(seq 1 "$WARMUPS"); do
  echo "warm-up $w: $(wrk -t2 -c"$CONNS" -d10s -s "$ROOT/bench/wrk/sim.lua" "http://127.0.0.1:$PORT" | grep messages/s)"
done
PGPID=$(head -1 data/pg/postmaster.pid)
cpu() { # ticks of the service, and of all the PostgreSQL processes
  local pg=0
  for c in $(ps --ppid "$PGPID" -o pid=); do pg=$((pg + $(awk '{print $14+$15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  echo "$(awk '{print $14+$15}' "/proc/$PID/stat") $pg"
}
read -r S0 P0 < <(cpu)
wrk -t2 -c"$CONNS" -d15s -s "$ROOT/bench/wrk/sim.lua" "http://127.0.0.1:$PORT" > run.txt
read -r S1 P1 < <(cpu)
N=$(grep -o 'requests [0-9]*' run.txt | awk '{print $2}')
TICK=$(getconf CLK_TCK)
grep -E 'messages/s|p99' run.txt
awk -v s=$((S1 - S0)) -v p=$((P1 - P0)) -v n="$N" -v t="$TICK" \
  'BEGIN {printf "CPU per 1,000 messages: service %.2f s, PostgreSQL %.2f s\n", s/t/n*1000, p/t/n*1000}'
PGPORT=$(grep -o 'on port [0-9]*' service.log | head -1 | awk '{print $3}')
psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c "create table if not exists bench_insert (id bigserial primary key, v text)" postgres
echo "insert into bench_insert (v) values ('苹果2斤');" > ins.sql
pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -n -c 8 -j 2 -T 8 -f ins.sql postgres 2>/dev/null | grep -E '^tps' | sed 's/^/pgbench single-row inserts, 8 clients: /'
