# Shared by the bench and fault scripts (source it): a private Ordo on a fresh data directory and a free
# loopback port, its embedded PostgreSQL, and psql/pgbench against it. Everything stays on 127.0.0.1.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
KEY=${KEY:-bench_admin_key_$(date +%s%N)}
ORDO_PID=
WORK=

pg_tool() { # the PostgreSQL client tool $1: on PATH, else under /usr/lib/postgresql/*/bin
  local found
  found=$(command -v "$1" 2>/dev/null || true)
  [ -n "$found" ] || found=$(ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1)
  if [ -z "$found" ]; then
    echo "$1 not found. Install the PostgreSQL client tools, e.g. apt-get install -y postgresql-client" >&2
    echo "(on Debian 12 pgbench comes with the server package: apt-get install -y postgresql-15)" >&2
    return 1
  fi
  echo "$found"
}

ensure_jar() {
  [ -f "$ROOT/target/ordo.jar" ] || (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
}

free_port() { # a port from $1 on that nothing listens on; it starts at a random offset, so that two benches
  # started at once rarely pick the same port between this check and their bind
  local p start=$(( ${1:-18200} + RANDOM % 400 ))
  for p in $(seq "$start" $(( start + 500 ))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  return 1
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts Ordo (a copy of the jar, so a rebuild cannot disturb it) on $WORK/data; waits for the first answered
# authenticated request and sets STARTUP_MS to the time from the run command until then.
start_ordo() {
  [ -n "$WORK" ] || WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-bench.XXXXXX")
  [ -f "$WORK/ordo.jar" ] || cp "$ROOT/target/ordo.jar" "$WORK/ordo.jar"
  PORT=${PORT:-$(free_port 18200)}
  BASE=http://127.0.0.1:$PORT
  local t0 deadline
  t0=$(now_ms)
  deadline=$(( t0 + ${START_TIMEOUT_S:-180} * 1000 ))
  local launch=("${ORDO_JAVA:-java}" ${ORDO_JAVA_OPTS:-} -jar "$WORK/ordo.jar")
  # ORDO_LAUNCHER: run through this copy of bin/ordo instead (extracted jar and class-data-sharing archive
  # under $WORK/ordo-app, made on its first use); it ends by exec'ing java, so ORDO_PID stays the JVM's
  [ -z "${ORDO_LAUNCHER:-}" ] || launch=(env ORDO_JAR="$WORK/ordo.jar" JAVA_OPTS="${ORDO_JAVA_OPTS:-}" "$ORDO_LAUNCHER")
  SERVER_PORT=$PORT ORDO_DATA_DIR=$WORK/data ORDO_BOOTSTRAP_API_KEY=$KEY capped a "${launch[@]}" >> "$WORK/ordo.log" 2>&1 &
  ORDO_PID=$!
  until curl -sf -m 2 -o /dev/null -H "Authorization: Bearer $KEY" "$BASE/api/v1/locations"; do
    kill -0 "$ORDO_PID" 2>/dev/null || { echo "Ordo died; see $WORK/ordo.log" >&2; return 1; }
    [ "$(now_ms)" -lt "$deadline" ] || { echo "Ordo did not answer in time; see $WORK/ordo.log" >&2; return 1; }
    sleep 0.02
  done
  STARTUP_MS=$(( $(now_ms) - t0 ))
  # psql and pgbench log in to the embedded server with the password Ordo keeps beside its data directory
  [ ! -f "$WORK/data/postgres.password" ] || export PGPASSWORD=$(cat "$WORK/data/postgres.password")
}

stop_ordo() {
  [ -n "$ORDO_PID" ] || return 0
  kill "$ORDO_PID" 2>/dev/null || true
  local i
  for i in $(seq 1 600); do kill -0 "$ORDO_PID" 2>/dev/null || break; sleep 0.1; done
  wait "$ORDO_PID" 2>/dev/null || true
  ORDO_PID=
}

# Waits until the demo data is loaded (readiness turns UP after the start-up runners).
await_ready() { # READY_TRIES (600): tries, 0.1 s apart, before giving up (a busy machine starts slower)
  local i
  for i in $(seq 1 "${READY_TRIES:-600}"); do
    curl -sf -m 2 -o /dev/null "$BASE/actuator/health/readiness" && return 0
    sleep 0.1
  done
  return 1
}

pg_port() { sed -n 4p "$WORK/data/postgres/postmaster.pid"; }

sql() { # runs SQL against Ordo's database, unaligned output
  "$PSQL" -h 127.0.0.1 -p "$(pg_port)" -U ordo -d ordo -v ON_ERROR_STOP=1 -Atqc "$1"
}

api() { # api METHOD PATH [JSON]: prints the body; fails on an HTTP error
  curl -sf -m 30 -X "$1" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} "$BASE$2"
}

# Registers article $1 (physical, 9.99 EUR) and receives $2 units of it at BER (a demo location).
stock_article() {
  api POST /api/v1/articles "{\"sku\":\"$1\",\"type\":\"PHYSICAL\",\"name\":{\"en\":\"Bench $1\"},\"price\":{\"amount\":\"9.99\",\"currency\":\"EUR\"},\"taxRate\":\"19\"}" > /dev/null
  api POST /api/v1/inventory/receipts "{\"sku\":\"$1\",\"location\":\"BER\",\"quantity\":$2,\"reference\":\"bench\"}" > /dev/null
}

# Stocks $2 articles named <prefix $1>0000, 0001, ... with a billion units each at BER and sets SKU_LIST to them,
# comma-separated.
stock_bench_articles() {
  local i sku
  SKU_LIST=
  for i in $(seq 0 $(( $2 - 1 ))); do
    sku=$1$(printf %04d "$i")
    stock_article "$sku" 1000000000
    SKU_LIST=${SKU_LIST:+$SKU_LIST,}$sku
  done
}

# Stocks 20 articles named <prefix>0..19 with plenty each and sets SKU_LIST to them, comma-separated.
stock_load_articles() {
  SKU_LIST=
  for i in $(seq 0 19); do
    stock_article "$1$i" 1000000000
    SKU_LIST=${SKU_LIST:+$SKU_LIST,}$1$i
  done
}

# Runs the invariant checker against the running Ordo's database (it shares the embedded server).
run_check() {
  ORDO_DATA_DIR=$WORK/data java -jar "$WORK/ordo.jar" check
}

cleanup() {
  stop_ordo
  if [ -n "$WORK" ] && [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK"; fi
}

cpu_ticks() { head -1 /proc/stat; } # all CPUs' time so far, for busy_since
busy_since() { # percent of all CPU time that was busy since $1 (what cpu_ticks printed then)
  local a=($1) b=($(cpu_ticks)) total=0 i idle
  idle=$(( (b[4] + b[5]) - (a[4] + a[5]) ))
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
cpu_busy() { # percent of all CPU time that was busy over the next $1 seconds (default 2)
  local a
  a=$(cpu_ticks); sleep "${1:-2}"; busy_since "$a"
}

# The machine may be shared: before a measured run, wait (at most QUIET_WAIT_S, default 180 s) until the CPUs are
# less than QUIET_BUSY percent busy (default 25) while our Ordo idles. OTHERS_BUSY is what was seen last.
await_quiet() {
  local deadline=$(( $(date +%s) + ${QUIET_WAIT_S:-180} ))
  while true; do
    OTHERS_BUSY=$(cpu_busy 2)
    [ "$OTHERS_BUSY" -lt "${QUIET_BUSY:-25}" ] && return 0
    [ "$(date +%s)" -lt "$deadline" ] || { echo "(machine still ${OTHERS_BUSY}% busy; measuring anyway)" >&2; return 0; }
    sleep 5
  done
}

# CPU time in milliseconds used so far by a process ($1, default Ordo's JVM) or by the embedded PostgreSQL server
# with all its backends (pg_cpu_ms). Backends that exit lose their share, so measure while connections stay open.
cpu_ms() {
  local ticks
  ticks=$(awk '{print $14 + $15}' "/proc/${1:-$ORDO_PID}/stat" 2>/dev/null || echo 0)
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}
pg_cpu_ms() {
  local master total=0 pid
  master=$(head -1 "$WORK/data/postgres/postmaster.pid")
  for pid in "$master" $(pgrep -P "$master"); do total=$(( total + $(cpu_ms "$pid") )); done
  echo "$total"
}

# A PostgreSQL cluster of the script's own (initdb in $WORK/pg, loopback only), for runs that need what the embedded
# one does not give: several Ordo processes on one database, server settings such as PG_SETTINGS (extra -c options,
# e.g. "-c shared_preload_libraries=pg_stat_statements"). Sets PGPORT, PGPASSWORD, PSQL and the ORDO_DB_* settings;
# stop_postgres stops it. PostgreSQL refuses to run as root: as root it runs in a user namespace as nobody.
start_postgres() {
  PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
  [ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found; set PGBIN (e.g. apt-get install -y postgresql-15)" >&2; return 1; }
  [ -n "$WORK" ] || WORK=$(mktemp -d "${TMPDIR:-/tmp}/ordo-bench.XXXXXX")
  PG_AS=()
  [ "$(id -u)" != 0 ] || PG_AS=(unshare --user --map-user=65534 --map-group=65534 --)
  PSQL=$PGBIN/psql
  export PGPASSWORD=pg_$(date +%s%N)
  echo "$PGPASSWORD" > "$WORK/pwfile"
  "${PG_AS[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U ordo -A scram-sha-256 --pwfile="$WORK/pwfile" -E UTF8 \
    --no-instructions > "$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; return 1; }
  PGPORT=$(free_port 25432)
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $WORK -c max_connections=${PG_MAX_CONNECTIONS:-100} ${PG_SETTINGS:-}" \
    start > /dev/null
  "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U ordo ordo
  export ORDO_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/ordo ORDO_DB_USER=ordo ORDO_DB_PASSWORD=$PGPASSWORD
}

stop_postgres() {
  [ -n "${PGBIN:-}" ] && [ -d "$WORK/pg" ] || return 0
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" stop -m fast -t 30 > /dev/null 2>&1 || true
}

# Another Ordo process, node NAME, on port PORT with a data directory of its own ($WORK/NAME) and the database of
# ORDO_DB_URL (start_postgres): several of them are several nodes on one database. Its pid in NODE_PID, its log
# in $WORK/NAME.log; ORDO_JAVA_OPTS (default -Xmx768m) for its JVM.
start_node() { # start_node NAME PORT
  [ -f "$WORK/ordo.jar" ] || cp "$ROOT/target/ordo.jar" "$WORK/ordo.jar"
  mkdir -p "$WORK/$1"
  SERVER_PORT=$2 ORDO_DATA_DIR=$WORK/$1 ORDO_BOOTSTRAP_API_KEY=$KEY capped "$1" "${ORDO_JAVA:-java}" \
    ${ORDO_JAVA_OPTS:--Xmx768m} -jar "$WORK/ordo.jar" >> "$WORK/$1.log" 2>&1 &
  NODE_PID=$!
}

await_node() { # await_node BASE PID NAME: until its readiness is UP (migrations and demo data done), START_TIMEOUT_S
  local deadline=$(( $(date +%s) + ${START_TIMEOUT_S:-300} ))
  until curl -sf -m 2 -o /dev/null "$1/actuator/health/readiness"; do
    kill -0 "$2" 2>/dev/null || { echo "node $3 died at start-up; see its log" >&2; return 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "node $3 not ready in time" >&2; return 1; }
    sleep 0.2
  done
}

# Registers location $1 (a warehouse in Berlin) unless it exists: for runs on an external database without the demo
# data, whose articles the bench functions above receive at BER.
register_location() {
  api GET "/api/v1/locations/$1" > /dev/null 2>&1 || api POST /api/v1/locations "{\"code\":\"$1\",\"name\":\"Bench $1\",\"priority\":1,\"address\":{\"name\":\"Bench $1\",\"street\":\"Lagerstr. 1\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\"},\"active\":true}" > /dev/null
}

# Nodes with a CPU budget of their own, on one machine: NODE_CPUS (e.g. 0.25) gives each node started by start_ordo
# or start_node a cgroup of its own; cap_node NAME then holds it to that many CPUs (CFS quota over a period of
# NODE_CPU_PERIOD_US, default 10,000 µs, short so that a node that has used its budget stalls for milliseconds, not
# for a tenth of a second with its locks held), as if each node ran on a small machine of its own. Until then the
# node runs uncapped, so that a script can warm its JIT up at the speed of an uncapped run first. The script itself,
# PostgreSQL and the load drivers run in the parent cgroup with cpu.shares 8192 (v2: cpu.weight 800), so that other
# work on the machine takes only what they leave. Needs root and a writable cgroup cpu controller (v1 at
# /sys/fs/cgroup/cpu, or v2). Unset: nothing changes. cgroups_off removes the groups (the trap of a script that
# calls cgroups_on).
CG_ROOT=
cgroups_on() {
  [ -n "${NODE_CPUS:-}" ] || return 0
  local v1=/sys/fs/cgroup/cpu
  if [ -w "$v1/cgroup.procs" ] && [ -f "$v1/cpu.cfs_quota_us" ]; then
    CG_VERSION=1; CG_ROOT=$v1/ordo-bench-$$
  elif [ -w /sys/fs/cgroup/cgroup.subtree_control ] && grep -qw cpu /sys/fs/cgroup/cgroup.controllers; then
    CG_VERSION=2; CG_ROOT=/sys/fs/cgroup/ordo-bench-$$
    echo +cpu > /sys/fs/cgroup/cgroup.subtree_control
  else
    echo "NODE_CPUS needs root and a writable cgroup cpu controller" >&2; return 1
  fi
  mkdir -p "$CG_ROOT"
  if [ "$CG_VERSION" = 1 ]; then echo 8192 > "$CG_ROOT/cpu.shares"; echo $$ > "$CG_ROOT/cgroup.procs"
  else
    # v2 keeps processes out of a group whose children have controllers: the script and what it starts go to a leaf
    echo 800 > "$CG_ROOT/cpu.weight"; mkdir -p "$CG_ROOT/bench"; echo $$ > "$CG_ROOT/bench/cgroup.procs"
    echo +cpu > "$CG_ROOT/cgroup.subtree_control"
  fi
}
capped() { # capped NAME COMMAND...: runs COMMAND (exec, same pid) in node NAME's cgroup when NODE_CPUS is set
  if [ -n "$CG_ROOT" ]; then mkdir -p "$CG_ROOT/node-$1"; echo "$BASHPID" > "$CG_ROOT/node-$1/cgroup.procs"; fi
  shift
  exec "$@"
}
cap_node() { # cap_node NAME: holds node NAME to NODE_CPUS from now on
  local dir=$CG_ROOT/node-$1 period=${NODE_CPU_PERIOD_US:-10000} quota
  [ -n "$CG_ROOT" ] && [ -d "$dir" ] || return 0
  quota=$(awk -v c="$NODE_CPUS" -v p="$period" 'BEGIN {printf "%d", c * p}')
  if [ "$CG_VERSION" = 1 ]; then echo "$period" > "$dir/cpu.cfs_period_us"; echo "$quota" > "$dir/cpu.cfs_quota_us"
  else echo "$quota $period" > "$dir/cpu.max"; fi
}
node_periods() { # node_periods NAME: "periods throttled" of node NAME's cgroup so far ("0 0" without one)
  local dir=$CG_ROOT/node-$1
  [ -n "$CG_ROOT" ] && [ -f "$dir/cpu.stat" ] || { echo "0 0"; return; }
  awk '$1 == "nr_periods" {p = $2} $1 == "nr_throttled" {t = $2} END {print p + 0, t + 0}' "$dir/cpu.stat"
}
cgroups_off() {
  [ -n "$CG_ROOT" ] && [ -d "$CG_ROOT" ] || return 0
  local d
  # the script itself leaves the groups first; a group is removed once its processes are gone
  echo $$ > "$(dirname "$CG_ROOT")/cgroup.procs" 2>/dev/null || true
  for d in "$CG_ROOT"/*/; do [ -d "$d" ] && rmdir "$d" 2>/dev/null || true; done
  rmdir "$CG_ROOT" 2>/dev/null || true
}
