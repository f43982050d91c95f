#!/usr/bin/env bash
# Ordo's benchmarks against its embedded PostgreSQL (synchronous commit on), all on 127.0.0.1:
#   Start-up  time from the run command to the first answered request: first start (new data directory:
#             initdb, migrations, demo data) and restart; also when readiness turns UP
#   P1        order placement over HTTP (3 lines, reservation, Idempotency-Key, event) at several
#             concurrencies: orders/s, p50/p95/p99; and its floor: pgbench running bench/floor.sql, the
#             same rows written directly in one transaction; the ratio Ordo / floor
#   P2        flash sale: one SKU with 1,000 units, 64 clients, 5,000 attempts: exactly 1,000 placed
#   Memory    heap used and RSS of the Ordo process, sampled every second during P1
# then runs the invariant checker. Prints a table and writes target/bench/results.json.
#   bench/run.sh
#   SECONDS_PER_RUN=20 CONCURRENCY="1 4 16 64" SKUS=100 WARMUP_S=180 bench/run.sh
# Takes about 4 + 2 x (number of concurrencies x SECONDS_PER_RUN) / 60 minutes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
CONCURRENCY=(${CONCURRENCY:-1 4 16 64})
NSKUS=${SKUS:-100}
WARMUP_S=${WARMUP_S:-180}
FLASH_STOCK=1000 FLASH_CLIENTS=64 FLASH_ATTEMPTS=5000
OUT=$ROOT/target/bench
mkdir -p "$OUT"
rm -f "$OUT"/p1-*.json "$OUT"/p2.json "$OUT"/memory-*.txt
PSQL=$(pg_tool psql)
PGBENCH=$(pg_tool pgbench)
ensure_jar
trap 'cp "$WORK/ordo.log" "$OUT/ordo.log" 2>/dev/null || true; cleanup' EXIT

CPUS=$(nproc)
MEMORY=$(free -h | awk '/^Mem:/ {print $2}')
JAVA=$(java -version 2>&1 | head -1 | sed 's/"//g')
CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//' || echo unknown)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Machine: $CPUS cores ($CPU_MODEL), $MEMORY memory, $JAVA; load average before: $LOAD"

# --- start-up -----------------------------------------------------------------------------------------------
await_quiet
STARTUP_BUSY=$OTHERS_BUSY
t0=$(now_ms)
start_ordo
FIRST_MS=$STARTUP_MS
await_ready
FIRST_READY_MS=$(( $(now_ms) - t0 ))
stop_ordo
await_quiet
STARTUP_BUSY="$STARTUP_BUSY/$OTHERS_BUSY"
t0=$(now_ms)
start_ordo
RESTART_MS=$STARTUP_MS
await_ready
RESTART_READY_MS=$(( $(now_ms) - t0 ))
echo "Start-up: first start ${FIRST_MS} ms to the first answer (${FIRST_READY_MS} ms until ready, demo data loaded); restart ${RESTART_MS} ms (${RESTART_READY_MS} ms ready)"

PG_VERSION=$(sql "SHOW server_version")
SYNC=$(sql "SHOW synchronous_commit")
FSYNC=$(sql "SHOW fsync")
[ "$SYNC" = on ] && [ "$FSYNC" = on ] || { echo "synchronous_commit=$SYNC fsync=$FSYNC: refusing to measure" >&2; exit 1; }
echo "PostgreSQL $PG_VERSION, synchronous_commit=$SYNC, fsync=$FSYNC, port $(pg_port)"

# --- data: NSKUS articles with plenty of stock at BER, 500 customers ----------------------------------------
PREFIX=P1-$(date +%s)-
stock_bench_articles "$PREFIX" "$NSKUS"
LOCATION=$(sql "SELECT id FROM location WHERE code = 'BER'")
echo "Warm-up: ${WARMUP_S} s at 16 clients (JIT, and the 500 customers the orders use)"
java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" 16 "$WARMUP_S" 3 > /dev/null || true
for round in 1 2 3 4 5 6; do
  CUSTOMERS=$(sql "SELECT count(*) FROM customer WHERE email LIKE 'bench%@example.com'")
  [ "$CUSTOMERS" -lt 500 ] || break
  java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" 16 5 3 > /dev/null || true
done
[ "$CUSTOMERS" -ge 500 ] || { echo "only $CUSTOMERS bench customers after the warm-up; raise WARMUP_S" >&2; exit 1; }

heap_metric() { # jvm.memory.$1 of the heap, in bytes
  curl -sf -m 2 -H "Authorization: Bearer $KEY" "$BASE/actuator/metrics/jvm.memory.$1?tag=area:heap" \
    | grep -o '"value":[^}]*' | head -1 | cut -d: -f2 | awk '{printf "%d", $1}'
}

sample_memory() { # every second until $1.stop appears (at most 10 minutes): RSS KiB, heap used bytes
  local i
  for i in $(seq 1 600); do
    [ -f "$1.stop" ] && break
    echo "$(ps -o rss= -p "$ORDO_PID" | tr -d ' ') $(heap_metric used || echo 0)" >> "$1"
    sleep 1
  done
}

# --- P1 and its floor, concurrency by concurrency -------------------------------------------------------------
BUSY_LOG="start-ups:$STARTUP_BUSY%"
for c in "${CONCURRENCY[@]}"; do
  await_quiet
  BUSY_LOG="$BUSY_LOG P1/$c:$OTHERS_BUSY%"
  sample_memory "$OUT/memory-$c.txt" &
  SAMPLER=$!
  jvm0=$(cpu_ms) pg0=$(pg_cpu_ms)
  java "$BENCH/PlaceOrders.java" "$BASE" "$KEY" "$SKU_LIST" "$c" "$SECONDS_PER_RUN" 3 "$OUT/p1-$c.json" \
    || echo "P1 at $c clients had errors" >&2
  jvm1=$(cpu_ms) pg1=$(pg_cpu_ms)
  touch "$OUT/memory-$c.txt.stop"
  wait "$SAMPLER" || true
  rm -f "$OUT/memory-$c.txt.stop"
  await_quiet
  BUSY_LOG="$BUSY_LOG floor/$c:$OTHERS_BUSY%"
  # The floor's own connections end with it: measure PostgreSQL's CPU as the machine's busy time minus pgbench's.
  read -r -a stat0 < <(head -1 /proc/stat)
  /usr/bin/time -f "%U %S" -o "$OUT/floor-$c.cpu" \
    "$PGBENCH" -h 127.0.0.1 -p "$(pg_port)" -U ordo -n -M prepared -c "$c" -j $(( c < CPUS ? c : CPUS )) \
    -T "$SECONDS_PER_RUN" -f "$BENCH/floor.sql" -D prefix="$PREFIX" -D nskus="$NSKUS" -D loc="$LOCATION" ordo \
    > "$OUT/floor-$c.txt" 2>&1 || { cat "$OUT/floor-$c.txt" >&2; exit 1; }
  read -r -a stat1 < <(head -1 /proc/stat)
  tps=$(awk '/^tps = / {printf "%.1f", $3}' "$OUT/floor-$c.txt")
  lat=$(awk '/^latency average = / {printf "%.2f", $4}' "$OUT/floor-$c.txt")
  failed=$(awk '/^number of failed transactions:/ {print $5}' "$OUT/floor-$c.txt")
  printf 'floor clients=%-3d %8.1f TPS  average %7.1f ms  (failed: %s)\n' "$c" "$tps" "$lat" "${failed:-0}"
  placed=$(grep -o '"placed": [0-9]*' "$OUT/p1-$c.json" | cut -d' ' -f2)
  txns=$(awk '/^number of transactions actually processed:/ {print $6}' "$OUT/floor-$c.txt")
  busy_ms=0
  for i in 1 2 3 6 7 8; do busy_ms=$(( busy_ms + (stat1[i] - stat0[i]) * 1000 / $(getconf CLK_TCK) )); done
  pgbench_ms=$(awk '{printf "%d", ($1 + $2) * 1000}' "$OUT/floor-$c.cpu")
  echo "$c $tps $lat $(awk -v j=$(( jvm1 - jvm0 )) -v p=$(( pg1 - pg0 )) -v n="$placed" -v b=$(( busy_ms - pgbench_ms )) -v t="$txns" \
    'BEGIN {printf "%.2f %.2f %.2f", j / n, p / n, b / t}')" >> "$OUT/floor.txt.new"
done
mv "$OUT/floor.txt.new" "$OUT/floor.txt"
HEAP_COMMITTED=$(heap_metric committed)
HEAP_MAX=$(heap_metric max)

# --- P2: flash sale ---------------------------------------------------------------------------------------------
FLASH=FLASH-$(date +%s)
stock_article "$FLASH" "$FLASH_STOCK"
await_quiet
BUSY_LOG="$BUSY_LOG P2:$OTHERS_BUSY%"
P2_OK=true
java "$BENCH/FlashSale.java" "$BASE" "$KEY" "$FLASH" "$FLASH_STOCK" "$FLASH_CLIENTS" "$FLASH_ATTEMPTS" "$OUT/p2.json" \
  || P2_OK=false
LEVEL=$(sql "SELECT on_hand || ' on hand, ' || reserved || ' reserved' FROM stock_level WHERE sku = '$FLASH'")
echo "P2 stock afterwards: $LEVEL"
[ "$LEVEL" = "$FLASH_STOCK on hand, $FLASH_STOCK reserved" ] || P2_OK=false

# --- invariants ----------------------------------------------------------------------------------------------------
CHECK_OK=true
run_check || CHECK_OK=false

# --- table and JSON ----------------------------------------------------------------------------------------------
num() { grep -o "\"$2\": [^,}]*" "$1" | head -1 | sed 's/.*: //'; }
echo
echo "Ordo $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') on $CPUS cores, $MEMORY, $JAVA, PostgreSQL $PG_VERSION (synchronous_commit=on)"
echo "Start-up to first answer: first start $FIRST_MS ms, restart $RESTART_MS ms"
printf '%-8s %10s %9s %9s %9s %11s %12s %11s %14s %14s %16s\n' clients "orders/s" "p50 ms" "p95 ms" "p99 ms" "floor TPS" \
  "Ordo/floor" "max RSS MiB" "JVM CPU ms/o" "PG CPU ms/o" "floor PG CPU ms"
P1_JSON=
MAX_RSS=0 MAX_HEAP=0
for c in "${CONCURRENCY[@]}"; do
  f=$OUT/p1-$c.json
  rate=$(num "$f" ordersPerSecond)
  read -r _ tps lat jvm_cpu pg_cpu floor_cpu < <(grep "^$c " "$OUT/floor.txt")
  ratio=$(awk -v a="$rate" -v b="$tps" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
  rss=$(awk 'BEGIN {m=0} {if ($1 > m) m=$1} END {printf "%d", m / 1024}' "$OUT/memory-$c.txt")
  heap=$(awk 'BEGIN {m=0} {if ($2 > m) m=$2} END {printf "%d", m / 1048576}' "$OUT/memory-$c.txt")
  [ "$rss" -gt "$MAX_RSS" ] && MAX_RSS=$rss
  [ "$heap" -gt "$MAX_HEAP" ] && MAX_HEAP=$heap
  printf '%-8s %10s %9s %9s %9s %11s %12s %11s %14s %14s %16s\n' "$c" "$rate" "$(num "$f" p50Ms)" "$(num "$f" p95Ms)" \
    "$(num "$f" p99Ms)" "$tps" "$ratio" "$rss" "$jvm_cpu" "$pg_cpu" "$floor_cpu"
  P1_JSON="${P1_JSON:+$P1_JSON, }$(sed 's/}[[:space:]]*$//' "$f" | tr -d '\n'), \"floorTps\": $tps, \"floorLatencyMs\": $lat, \"ordoToFloor\": $ratio, \"maxRssMiB\": $rss, \"maxHeapUsedMiB\": $heap, \"ordoJvmCpuMsPerOrder\": $jvm_cpu, \"postgresCpuMsPerOrder\": $pg_cpu, \"floorPostgresCpuMsPerTransaction\": $floor_cpu}"
done
TOP=${CONCURRENCY[${#CONCURRENCY[@]}-1]}
P1_TOP=$(num "$OUT/p1-$TOP.json" ordersPerSecond)
P2_RATE=$(num "$OUT/p2.json" attemptsPerSecond)
P2_RELATIVE=$(awk -v a="$P2_RATE" -v b="$P1_TOP" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
echo "P2 flash sale: $(num "$OUT/p2.json" placed) placed of $FLASH_STOCK, $(num "$OUT/p2.json" refused409) refused (409), $(num "$OUT/p2.json" other) other; $P2_RATE attempts/s = $P2_RELATIVE x P1 at $TOP clients; $([ "$P2_OK" = true ] && echo exact || echo WRONG)"
echo "Memory under P1: max RSS $MAX_RSS MiB, max heap used $MAX_HEAP MiB (heap committed $(( HEAP_COMMITTED / 1048576 )) MiB, max $(( HEAP_MAX / 1048576 )) MiB)"
echo "CPU busy (all processes) in the 2 s before each run:$BUSY_LOG"
echo "Invariant check afterwards: $([ "$CHECK_OK" = true ] && echo clean || echo FINDINGS)"

cat > "$OUT/results.json" <<JSON
{
  "commit": "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)",
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "machine": {"cpus": $CPUS, "cpuModel": "$CPU_MODEL", "memory": "$MEMORY", "java": "$JAVA",
              "postgres": "$PG_VERSION", "synchronousCommit": "$SYNC", "fsync": "$FSYNC", "loadAverageBefore": "$LOAD",
              "loadAverageAfter": "$(cut -d' ' -f1-3 /proc/loadavg)",
              "cpuBusyBeforeEachRun": "${BUSY_LOG# }"},
  "settings": {"secondsPerRun": $SECONDS_PER_RUN, "skus": $NSKUS, "linesPerOrder": 3, "warmupSeconds": $WARMUP_S},
  "startup": {"firstStartMs": $FIRST_MS, "firstStartReadyMs": $FIRST_READY_MS, "restartMs": $RESTART_MS,
              "restartReadyMs": $RESTART_READY_MS},
  "p1": [$P1_JSON],
  "p2": $(tr -d '\n' < "$OUT/p2.json" | sed 's/}[[:space:]]*$//'), "relativeToP1": $P2_RELATIVE, "stockAfterwards": "$LEVEL", "ok": $P2_OK},
  "memory": {"maxRssMiB": $MAX_RSS, "maxHeapUsedMiB": $MAX_HEAP, "heapCommittedMiB": $(( HEAP_COMMITTED / 1048576 )),
             "heapMaxMiB": $(( HEAP_MAX / 1048576 ))},
  "invariantsOk": $CHECK_OK
}
JSON
echo "Wrote $OUT/results.json"
[ "$P2_OK" = true ] && [ "$CHECK_OK" = true ]
