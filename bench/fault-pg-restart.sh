#!/usr/bin/env bash
# Fault test: PostgreSQL goes away under load and comes back. The script runs its own PostgreSQL 15 cluster
# (initdb in a fresh directory, loopback only) so that it can stop and start it, points Ordo at it with
# ORDO_DB_URL, places orders from CLIENTS clients for LOAD_S seconds (each request times out after
# REQUEST_TIMEOUT_S), and after DOWN_AFTER_S stops PostgreSQL (pg_ctl stop -m fast) for OUTAGE_S seconds. Then:
#   - while it is down, Ordo answers 503 with Retry-After: no 500s, no request without an answer (hang);
#   - after it is back, Ordo places orders again by itself (201) within RECOVER_S seconds;
# and ends with the invariant checker. Prints the answers by status before, during and after the outage.
#   bench/fault-pg-restart.sh
#   CLIENTS=8 LOAD_S=30 DOWN_AFTER_S=8 OUTAGE_S=8 RECOVER_S=20 bench/fault-pg-restart.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CLIENTS=${CLIENTS:-8}
LOAD_S=${LOAD_S:-30}
DOWN_AFTER_S=${DOWN_AFTER_S:-8}
OUTAGE_S=${OUTAGE_S:-8}
RECOVER_S=${RECOVER_S:-20}
export REQUEST_TIMEOUT_S=${REQUEST_TIMEOUT_S:-15}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found; set PGBIN (e.g. apt-get install -y postgresql-15)" >&2; exit 1; }
PSQL=$PGBIN/psql
ensure_jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-bench.XXXXXX")
PGDATA_DIR=$WORK/pg
# PostgreSQL refuses to run as root: as root, run it in a user namespace as an unprivileged user (as Ordo's
# embedded server does).
AS=()
[ "$(id -u)" != 0 ] || AS=(unshare --user --map-user=65534 --map-group=65534 --)
pg_ctl() { "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/pg.log" "$@"; }
stop_pg() { pg_ctl stop -m fast -t 30 > /dev/null 2>&1 || true; }
trap 'cp "$WORK/ordo.log" "$OUT/fault-pg-restart-ordo.log" 2>/dev/null || true; stop_ordo; stop_pg; [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT

export PGPASSWORD=pg_$(date +%s%N)
echo "$PGPASSWORD" > "$WORK/pwfile"
"${AS[@]}" "$PGBIN/initdb" -D "$PGDATA_DIR" -U ordo -A scram-sha-256 --pwfile="$WORK/pwfile" -E UTF8 \
  --no-instructions > "$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; exit 1; }
PGPORT=$(free_port 25432)
PG_OPTS="-p $PGPORT -c listen_addresses=127.0.0.1 -k $WORK -c max_connections=50"
pg_ctl -w -o "$PG_OPTS" start > /dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U ordo ordo
pg_port() { echo "$PGPORT"; }
export ORDO_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/ordo ORDO_DB_USER=ordo ORDO_DB_PASSWORD=$PGPASSWORD
export ORDO_DEMO_DATA=true
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT"

PORT=${PORT:-$(free_port 18700)}
start_ordo
await_ready
PREFIX=PGR-$(date +%s)-
stock_load_articles "$PREFIX"
ANSWERS=$WORK/answers.log

echo "Load: $CLIENTS clients for $LOAD_S s; PostgreSQL stops after $DOWN_AFTER_S s for $OUTAGE_S s"
java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$CLIENTS" "$LOAD_S" 3 - "$ANSWERS" > "$WORK/load.txt" 2>&1 &
LOAD=$!
sleep "$DOWN_AFTER_S"
DOWN_AT=$(now_ms)
stop_pg
STOPPED_AT=$(now_ms)
echo "PostgreSQL stopped ($(( STOPPED_AT - DOWN_AT )) ms to stop)"
# a read while it is down (in the background, so that the outage lasts OUTAGE_S): status, seconds, Retry-After
curl -s -D "$WORK/probe.headers" -o /dev/null -m 20 -w '%{http_code}/%{time_total}s' \
  -H "Authorization: Bearer $KEY" "$BASE/api/v1/orders?limit=1" > "$WORK/probe.txt" &
PROBE=$!
sleep $(( OUTAGE_S - (($(now_ms) - STOPPED_AT) / 1000) > 0 ? OUTAGE_S - (($(now_ms) - STOPPED_AT) / 1000) : 0 ))
pg_ctl -w -o "$PG_OPTS" start > /dev/null
UP_AT=$(now_ms)
wait "$PROBE" || true
PROBES=$(cat "$WORK/probe.txt")
RETRY_AFTER=$(awk -F': ' 'tolower($1) == "retry-after" {print $2}' "$WORK/probe.headers" | tr -d '\r')
echo "PostgreSQL started again after $(( UP_AT - STOPPED_AT )) ms down"
wait "$LOAD" || true
cat "$WORK/load.txt"

# the first 201 that was answered after PostgreSQL was up again
FIRST_OK=$(awk -v up="$UP_AT" '$2 == 201 && $1 >= up {print $1; exit}' "$ANSWERS")
if [ -z "$FIRST_OK" ]; then # the load ended first: ask once more, for at most RECOVER_S
  deadline=$(( UP_AT + RECOVER_S * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" 1 1 3 - "$WORK/answers-late.log" > /dev/null 2>&1 || true
    FIRST_OK=$(awk '$2 == 201 {print $1; exit}' "$WORK/answers-late.log")
    [ -z "$FIRST_OK" ] || break
  done
fi
RECOVERY_MS=$(( ${FIRST_OK:-0} > 0 ? FIRST_OK - UP_AT : -1 ))

counts() { # statuses of answers that came in [$1, $2) ms
  awk -v a="$1" -v b="$2" '$1 >= a && $1 < b {n[$2]++} END {for (s in n) printf "%s:%d ", s, n[s]}' "$ANSWERS"
}
BEFORE=$(counts 0 "$DOWN_AT")
DURING=$(counts "$DOWN_AT" "$UP_AT")
AFTER=$(counts "$UP_AT" 99999999999999)
echo "Answers before the outage: $BEFORE"
echo "Answers while PostgreSQL was down ($(( (UP_AT - DOWN_AT) / 1000 )) s): $DURING"
echo "Answers after it was back: $AFTER"
echo "A read while down: $PROBES, Retry-After: ${RETRY_AFTER:-none}"
echo "First order placed $RECOVERY_MS ms after PostgreSQL was back"
SERVER_ERRORS=$(awk '$2 >= 500 && $2 != 503' "$ANSWERS" | wc -l)
NO_ANSWER=$(awk '$2 == -1' "$ANSWERS" | wc -l)
SLOWEST_DOWN=$(awk -v a="$DOWN_AT" -v b="$UP_AT" '$1 >= a && $1 < b && $5 > m {m = $5} END {print m + 0}' "$ANSWERS")
echo "Answers 5xx other than 503: $SERVER_ERRORS; requests without an answer: $NO_ANSWER; slowest answer while down: $SLOWEST_DOWN ms"

OK=true
[ "$SERVER_ERRORS" = 0 ] && [ "$NO_ANSWER" = 0 ] || OK=false
[ "${RETRY_AFTER:-}" != "" ] || OK=false
[ "$RECOVERY_MS" -ge 0 ] && [ "$RECOVERY_MS" -le $(( RECOVER_S * 1000 )) ] || OK=false
run_check || OK=false
cat > "$OUT/fault-pg-restart.json" <<JSON
{"before": "$BEFORE", "during": "$DURING", "after": "$AFTER", "downMs": $(( UP_AT - STOPPED_AT )), "probes": "$PROBES",
 "retryAfter": "${RETRY_AFTER:-}", "recoveryMs": $RECOVERY_MS, "serverErrors": $SERVER_ERRORS, "noAnswer": $NO_ANSWER,
 "slowestWhileDownMs": $SLOWEST_DOWN, "ok": $OK}
JSON
if [ "$OK" = true ]; then echo "fault-pg-restart: PASSED"; else echo "fault-pg-restart: FAILED"; exit 1; fi
