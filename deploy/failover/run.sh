#!/usr/bin/env bash
# Database failover under load: Allot against a highly available PostgreSQL run by pg_auto_failover.
#
# It starts, all on 127.0.0.1 and from one temporary folder:
#   - a pg_auto_failover monitor and two PostgreSQL 15 data nodes (a primary and a synchronous standby: a commit is
#     acknowledged only once the standby has it on disk);
#   - one Allot server (allot-server/target/allot-server.jar) against the multi-host URL
#     jdbc:postgresql://127.0.0.1:P1,127.0.0.1:P2/allot?targetServerType=primary&hostRecheckSeconds=2;
#   - WRITERS clients that create users through the API with a client-credentials token, one after the other, and
#     note every answer (status, id, Retry-After, error code).
# Then it kills the primary (SIGKILL of its pg_autoctl and its PostgreSQL, as a crashed machine), waits until the
# monitor has promoted the standby, keeps writing, and checks:
#   1. every write Allot acknowledged (201 with an id) is on the new primary: lost must be 0;
#   2. while the primary was gone Allot answered 503 with Retry-After and Graph's serviceNotAvailable, never 500 and
#      never a request left without an answer (30 s);
#   3. Allot carries on against the promoted standby, the same process, without a restart (writes acknowledged after
#      the switch, health UP);
#   4. the old primary, started again, comes back as the new synchronous standby while the writes go on (REJOIN=0
#      skips this).
# It prints a verdict (PASS/FAIL with the numbers) and stops and removes everything it started (KEEP=1 keeps the
# folder and its logs).
#
# Needs: PostgreSQL 15 and pg_auto_failover (Debian: apt-get install postgresql-15 postgresql-15-auto-failover),
# curl, jq, Java 17. PostgreSQL refuses to run as root: run as root and the database processes run as PG_OS_USER
# (allotpg, created as a system user if missing), or run as any other user and they run as that user.
# From the repository root:
#   ./mvnw -q -B -pl allot-server -am package -DskipTests && deploy/failover/run.sh
# Settings (environment): JAR, PG_BIN (/usr/lib/postgresql/15/bin), PORT_BASE (55400: monitor, +1 and +2 the nodes,
# +10 Allot), WRITERS (4), BEFORE (10 s of writes before the kill), AFTER (15 s of writes after the switch), REJOIN (1),
# JDBC_OPTIONS (targetServerType=primary&hostRecheckSeconds=2), PG_OS_USER (allotpg), KEEP (0).
set -euo pipefail

JAR=${JAR:-allot-server/target/allot-server.jar}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT_BASE=${PORT_BASE:-55400}
WRITERS=${WRITERS:-4}
BEFORE=${BEFORE:-10}
AFTER=${AFTER:-15}
REJOIN=${REJOIN:-1}
PG_OS_USER=${PG_OS_USER:-allotpg}
JDBC_OPTIONS=${JDBC_OPTIONS:-targetServerType=primary&hostRecheckSeconds=2}
MONITOR_PORT=$PORT_BASE
NODE_PORTS=($((PORT_BASE + 1)) $((PORT_BASE + 2)))
ALLOT_PORT=$((PORT_BASE + 10))
CLIENT_ID=11111111-2222-3333-4444-555555555555
CLIENT_SECRET=failover-check-secret
DB_PASSWORD=failover-check-password
BASE=http://127.0.0.1:$ALLOT_PORT

for tool in pg_autoctl curl jq java "$PG_BIN/initdb" "$PG_BIN/psql"; do
    command -v "$tool" >/dev/null || {
        echo "needs $tool (apt-get install postgresql-15 postgresql-15-auto-failover curl jq openjdk-17-jre-headless)"
        exit 2
    }
done
[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -q -B -pl allot-server -am package -DskipTests)"; exit 2; }
JAR=$(realpath "$JAR")
for port in "$MONITOR_PORT" "${NODE_PORTS[@]}" "$ALLOT_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port of 127.0.0.1 is taken: choose another PORT_BASE"
        exit 2
    fi
done

if [ "$(id -u)" = 0 ]; then
    id "$PG_OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"
fi

WORK=$(mktemp -d /tmp/allot-failover.XXXXXX)
chmod 755 "$WORK"
mkdir -p "$WORK/pg" "$WORK/writes"
[ "$(id -u)" = 0 ] && chown "$PG_OS_USER" "$WORK/pg"
PG=$WORK/pg
# pg_autoctl keeps its configuration and state under XDG folders; the sockets go into the folder too (Debian's
# /var/run/postgresql belongs to the postgres account)
PG_ENV=(HOME="$PG" XDG_CONFIG_HOME="$PG/config" XDG_DATA_HOME="$PG/share" PATH="$PG_BIN:$PATH" PGHOST=127.0.0.1)
if [ "$(id -u)" = 0 ]; then AS_PG=(runuser -u "$PG_OS_USER" -- env "${PG_ENV[@]}"); else AS_PG=(env "${PG_ENV[@]}"); fi
as_pg() { "${AS_PG[@]}" "$@"; }
MONITOR_URI="postgres://autoctl_node@127.0.0.1:$MONITOR_PORT/pg_auto_failover?sslmode=disable"
declare -A SERVICE_PID=()
ALLOT_PID=""
WRITER_PIDS=()
rejoined=""
FAILED=0

say() { printf '%s %s\n' "$(date -u +%T)" "$*"; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

cleanup() {
    set +e
    touch "$WORK/stop"
    for pid in "${WRITER_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
    if [ -n "$ALLOT_PID" ]; then kill "$ALLOT_PID" 2>/dev/null && wait "$ALLOT_PID" 2>/dev/null; fi
    for name in "${!SERVICE_PID[@]}"; do
        kill -KILL -- "-${SERVICE_PID[$name]}" 2>/dev/null
    done
    for pgdata in "$PG"/node1 "$PG"/node2 "$PG"/monitor; do
        [ -f "$pgdata/postmaster.pid" ] && kill -KILL "$(head -1 "$pgdata/postmaster.pid")" 2>/dev/null
    done
    sleep 1
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

sql() { # port, database, statement
    as_pg "$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$1" -d "$2" -c "$3"
}

# a fresh data directory with loopback-only sockets and small memory settings; postgresql.auto.conf is read last and
# is copied to the standby with the base backup
initdb_here() { # pgdata
    as_pg "$PG_BIN/initdb" -D "$1" -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1
    as_pg tee -a "$1/postgresql.auto.conf" >/dev/null <<EOF
unix_socket_directories = '$PG'
listen_addresses = '127.0.0.1'
shared_buffers = '128MB'
effective_cache_size = '1GB'
maintenance_work_mem = '64MB'
EOF
}

run_service() { # name pgdata: pg_autoctl run in a process group of its own (to kill it as a crash would)
    setsid "${AS_PG[@]}" pg_autoctl run --pgdata "$2" >>"$WORK/$1.log" 2>&1 &
    SERVICE_PID[$1]=$!
    disown "$!" # killed on purpose: no "Killed" notice from the shell
}

await_ready() { # port
    local deadline=$((SECONDS + 60))
    until as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$1"; do
        [ $SECONDS -lt $deadline ] || { echo "nothing answers on port $1 within 60 s"; return 1; }
        sleep 0.2
    done
}

node_state() { # name -> reported state as the monitor knows it
    sql "$MONITOR_PORT" pg_auto_failover "select reportedstate from pgautofailover.node where nodename = '$1'"
}

await_state() { # name, state regexp, seconds
    local deadline=$((SECONDS + $3)) state
    while [ $SECONDS -lt "$deadline" ]; do
        state=$(node_state "$1" 2>/dev/null || true)
        [[ "$state" =~ ^($2)$ ]] && return 0
        sleep 0.2
    done
    echo "$1 did not reach $2 within $3 s (it is ${state:-unknown})"
    return 1
}

started=$(now)
say "folder $WORK"

# --- the monitor -----------------------------------------------------------------------------------------------
initdb_here "$PG/monitor"
as_pg pg_autoctl create monitor --pgdata "$PG/monitor" --pgport "$MONITOR_PORT" --hostname 127.0.0.1 \
    --auth trust --no-ssl >"$WORK/monitor.log" 2>&1
as_pg pg_autoctl config set --pgdata "$PG/monitor" postgresql.listen_addresses 127.0.0.1 >/dev/null
run_service monitor "$PG/monitor"
await_ready "$MONITOR_PORT"
# Faster failure detection than the defaults (5 s checks, 20 s until unhealthy, 30 s demote timeout) so that the run
# fits in a few minutes; the keepers' network_partition_timeout is lowered to match below (a primary cut off from
# the monitor and its standby demotes itself before the monitor promotes the standby).
for setting in health_check_period=1000 health_check_timeout=1000 health_check_max_retries=1 \
    health_check_retry_delay=500 node_considered_unhealthy_timeout=4000 primary_demote_timeout=6000; do
    sql "$MONITOR_PORT" pg_auto_failover "alter system set pgautofailover.${setting%%=*} = ${setting#*=}"
done
sql "$MONITOR_PORT" pg_auto_failover "select pg_reload_conf()" >/dev/null
say "monitor on port $MONITOR_PORT"

# --- two data nodes --------------------------------------------------------------------------------------------
create_node() { # index
    local name=node$1 port=${NODE_PORTS[$(($1 - 1))]}
    [ "$1" = 1 ] && initdb_here "$PG/$name"
    as_pg pg_autoctl create postgres --pgdata "$PG/$name" --pgport "$port" --hostname 127.0.0.1 \
        --listen 127.0.0.1 --name "$name" --monitor "$MONITOR_URI" --auth trust --no-ssl \
        --replication-quorum true --candidate-priority 50 >>"$WORK/$name.log" 2>&1
    as_pg pg_autoctl config set --pgdata "$PG/$name" timeout.network_partition_timeout 4 >/dev/null
    run_service "$name" "$PG/$name"
}
create_node 1
await_state node1 single 60
await_ready "${NODE_PORTS[0]}"
sql "${NODE_PORTS[0]}" postgres "create role allot login password '$DB_PASSWORD'"
sql "${NODE_PORTS[0]}" postgres "create database allot owner allot"
# the standby's base backup starts with a spread checkpoint, which paces the buffers CREATE DATABASE left dirty over
# minutes: write them now
sql "${NODE_PORTS[0]}" postgres "checkpoint"
create_node 2
await_state node1 primary 120
await_state node2 secondary 60
SYNC=$(sql "${NODE_PORTS[0]}" postgres "show synchronous_standby_names")
COMMIT=$(sql "${NODE_PORTS[0]}" postgres "show synchronous_commit")
say "node1 primary on ${NODE_PORTS[0]}, node2 standby on ${NODE_PORTS[1]}:" \
    "synchronous_standby_names = $SYNC, synchronous_commit = $COMMIT"
[[ "$SYNC" == *pgautofailover_standby_* ]] || { echo "FAIL the standby is not synchronous ($SYNC)"; exit 1; }

# --- Allot -----------------------------------------------------------------------------------------------------
URL="jdbc:postgresql://127.0.0.1:${NODE_PORTS[0]},127.0.0.1:${NODE_PORTS[1]}/allot?$JDBC_OPTIONS"
java -jar "$JAR" \
    --allot.database.url="$URL" --allot.database.username=allot --allot.database.password="$DB_PASSWORD" \
    --allot.data-directory="$WORK/allot-data" --allot.tls.enabled=false \
    --server.address=127.0.0.1 --server.port="$ALLOT_PORT" \
    --allot.bootstrap.client-id="$CLIENT_ID" --allot.bootstrap.client-secret="$CLIENT_SECRET" \
    >"$WORK/allot.log" 2>&1 &
ALLOT_PID=$!
deadline=$((SECONDS + 180))
until grep -qs "Allot is listening on" "$WORK/allot.log"; do
    kill -0 "$ALLOT_PID" 2>/dev/null || { tail -40 "$WORK/allot.log"; echo "FAIL Allot did not start"; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "FAIL Allot did not start within 180 s"; exit 1; }
    sleep 0.5
done
say "Allot (pid $ALLOT_PID) on $BASE against $URL"
TOKEN=$(curl -sS --max-time 30 -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials \
    --data-urlencode scope=https://graph.microsoft.com/.default "$BASE/oauth2/v2.0/token" | jq -r .access_token)
DOMAIN=$(curl -sS --max-time 30 -H "Authorization: Bearer $TOKEN" "$BASE/v1.0/domains" |
    jq -r '[.value[] | select(.isDefault)][0].id')
[ -n "$DOMAIN" ] && [ "$DOMAIN" != null ] || { echo "FAIL no default domain"; exit 1; }

# --- the write load --------------------------------------------------------------------------------------------
# each line: start end status id retry-after error-code user-principal-name
writer() { # index
    local n=$1 i=0 status id retry code upn t0 body=$WORK/writes/body.$1 headers=$WORK/writes/headers.$1
    while [ ! -e "$WORK/stop" ]; do
        i=$((i + 1))
        upn="failover-$n-$i@$DOMAIN"
        t0=$(now)
        status=$(curl -sS -o "$body" -D "$headers" -w '%{http_code}' --max-time 30 \
            -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -d "{\"accountEnabled\":true,\"displayName\":\"Failover $n $i\",\"mailNickname\":\"failover-$n-$i\",\"userPrincipalName\":\"$upn\"}" \
            "$BASE/v1.0/users" 2>/dev/null) || status=000
        id=$(jq -r '.id // "-"' <"$body" 2>/dev/null || echo -)
        code=$(jq -r '.error.code // "-"' <"$body" 2>/dev/null || echo -)
        retry=$(tr -d '\r' <"$headers" 2>/dev/null | awk 'tolower($1) == "retry-after:" { print $2 }')
        echo "$t0 $(now) $status $id ${retry:--} $code $upn" >>"$WORK/writes/$n"
        # a real client would wait Retry-After; half a second shows when the service is back
        [ "$status" = 201 ] || sleep 0.5
    done
}
for n in $(seq 1 "$WRITERS"); do
    writer "$n" &
    WRITER_PIDS+=($!)
done
say "$WRITERS writers creating users"
sleep "$BEFORE"

# --- the crash -------------------------------------------------------------------------------------------------
PRIMARY_PID=$(head -1 "$PG/node1/postmaster.pid")
killed=$(now)
kill -KILL -- "-${SERVICE_PID[node1]}"
kill -KILL "$PRIMARY_PID" 2>/dev/null || true
unset 'SERVICE_PID[node1]'
say "killed the primary node1 (pg_autoctl and PostgreSQL pid $PRIMARY_PID)"
await_state node2 "wait_primary|primary" 120
promoted=$(now)
say "node2 promoted ($(node_state node2)) $(seconds "$killed" "$promoted") s after the kill"

# writing goes on until AFTER seconds past the first write acknowledged after the kill
deadline=$((SECONDS + 120))
first_after=""
while [ -z "$first_after" ] && [ $SECONDS -lt $deadline ]; do
    first_after=$(cat "$WORK"/writes/[0-9]* | awk -v k="$killed" '$3 == 201 && $1 > k { print $2 }' | sort -n |
        head -1)
    [ -n "$first_after" ] || sleep 0.2
done
[ -n "$first_after" ] && say "first write begun after the kill acknowledged $(seconds "$killed" "$first_after") s after it"
sleep "$AFTER"

if [ "$REJOIN" = 1 ]; then
    say "starting node1 again"
    run_service node1 "$PG/node1"
    if await_state node1 secondary 120 && await_state node2 primary 60; then
        rejoined=$(sql "${NODE_PORTS[1]}" postgres "show synchronous_standby_names")
        say "node1 is the standby again: synchronous_standby_names = $rejoined"
    fi
    sleep 3
fi
touch "$WORK/stop"
for pid in "${WRITER_PIDS[@]}"; do wait "$pid"; done
WRITER_PIDS=()
ended=$(now)

# --- the checks ------------------------------------------------------------------------------------------------
cat "$WORK"/writes/[0-9]* | sort -n >"$WORK/answers"
acknowledged=$(awk '$3 == 201' "$WORK/answers" | wc -l)
awk '$3 == 201 { print $4 }' "$WORK/answers" >"$WORK/acknowledged-ids"
PRIMARY_PORT=${NODE_PORTS[1]}
# every acknowledged id, looked up on the new primary
as_pg "$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$PRIMARY_PORT" -d allot \
    -c "create temporary table acknowledged (id uuid primary key)" \
    -c "\\copy acknowledged from '$WORK/acknowledged-ids'" \
    -c "select count(*) from acknowledged a where not exists (select 1 from directory_user u where u.id = a.id)" \
    >"$WORK/lost" 2>&1 || { cat "$WORK/lost"; echo "FAIL could not read the new primary"; exit 1; }
lost=$(tail -1 "$WORK/lost")
# writes not acknowledged (503, no answer) that were nevertheless applied: allowed, a client must look before it
# repeats a change answered 503 (docs/storage-and-processing.md)
awk '$3 != 201 { print $7 }' "$WORK/answers" >"$WORK/refused-upns"
applied_refused=$(as_pg "$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$PRIMARY_PORT" -d allot \
    -c "create temporary table refused (upn text)" -c "\\copy refused from '$WORK/refused-upns'" \
    -c "select count(*) from refused r join directory_user u on u.user_principal_name = r.upn" | tail -1)
unavailable=$(awk '$3 == 503' "$WORK/answers" | wc -l)
unavailable_proper=$(awk '$3 == 503 && $5 != "-" && $6 == "serviceNotAvailable"' "$WORK/answers" | wc -l)
errors=$(awk '$3 != 201 && $3 != 503' "$WORK/answers" | wc -l)
after=$(awk -v p="$promoted" '$3 == 201 && $1 > p' "$WORK/answers" | wc -l)
longest=$(awk '{ d = $2 - $1; if (d > m) m = d } END { printf "%.1f", m }' "$WORK/answers")
first_503=$(awk -v k="$killed" '$3 == 503 && $2 > k && (!t || $2 < t) { t = $2 } END { print t }' "$WORK/answers")
last_503=$(awk -v k="$killed" '$3 == 503 && $2 > t { t = $2 } END { print t }' "$WORK/answers")
back=$(awk -v k="$killed" '$3 == 201 && $1 > k && (!t || $2 < t) { t = $2 } END { print t }' "$WORK/answers")
health=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/actuator/health" || echo 000)
alive=no
kill -0 "$ALLOT_PID" 2>/dev/null && alive=yes

echo
echo "answers by status:"
awk '{ print "  " $3 ($6 != "-" ? " " $6 : "") }' "$WORK/answers" | sort | uniq -c
if [ "$errors" -gt 0 ]; then
    echo "answers other than 201 and 503:"
    awk '$3 != 201 && $3 != 503' "$WORK/answers" | head -20
fi
check() { # name, condition (0 ok), detail
    if [ "$2" = 0 ]; then echo "PASS  $1 ($3)"; else echo "FAIL  $1 ($3)"; FAILED=1; fi
}
echo
check "no acknowledged write lost" "$([ "$lost" = 0 ] && echo 0 || echo 1)" \
    "$acknowledged acknowledged, $lost lost; $applied_refused of the unacknowledged applied anyway"
check "503 with Retry-After during the switch, never 500 or no answer" \
    "$([ "$errors" = 0 ] && [ "$unavailable" -gt 0 ] && [ "$unavailable" = "$unavailable_proper" ] && echo 0 ||
        echo 1)" \
    "$unavailable answered 503 ($unavailable_proper with Retry-After and serviceNotAvailable), $errors other failures, longest answer $longest s"
check "Allot carries on without a restart" \
    "$([ "$alive" = yes ] && [ "$after" -gt 0 ] && [ "$health" = 200 ] && echo 0 || echo 1)" \
    "same process: $alive, $after writes acknowledged after the promotion, health $health"
if [ "$REJOIN" = 1 ]; then
    check "the old primary rejoins as the synchronous standby" \
        "$([[ "$rejoined" == *pgautofailover_standby_1* ]] && echo 0 || echo 1)" \
        "synchronous_standby_names = ${rejoined:-unset}"
fi
echo "switch: the standby promoted $(seconds "$killed" "$promoted") s after the kill; the first write begun after" \
    "the kill acknowledged $(seconds "$killed" "${back:-$killed}") s after it;" \
    "503s from $(seconds "$killed" "${first_503:-$killed}") s to $(seconds "$killed" "${last_503:-$killed}") s;" \
    "run $(seconds "$started" "$ended") s"
if [ "$FAILED" = 0 ]; then echo "VERDICT: PASS"; else echo "VERDICT: FAIL"; fi
exit "$FAILED"
