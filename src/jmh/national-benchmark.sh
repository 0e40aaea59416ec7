#!/usr/bin/env bash
# The national-scale simulation (docs/performance.md, "National scale"): every UK acute hospital's audits in one
# PostgreSQL database — 1,200 sites × 30 wards × 12 months × 20 charts ≈ 8.6 million samples — and the time of a
# ward's series, a site's, the network's monthly roll-up and the all-wards summary, each cold (first request after
# the service starts) and warm (repeated), over several service starts, with medians.
#
#   mvn -q -DskipTests package && src/jmh/national-benchmark.sh
#
# Settings (environment): SITES=1200 WARDS_PER_SITE=30 MONTHS=12 CHARTS=20 (charts per ward per month, ±10%),
# DB=national_sim (the PostgreSQL database on 127.0.0.1:5432, user postgres; created and loaded when it has no
# samples, kept afterwards so that later runs only measure: drop it to load again), RUNS=3 (service starts),
# WARM=5 (repeats of each request per start), REQUESTS=0 (time the start-ups only), HEAP=2g (-Xms/-Xmx of the
# service), PORT=8182, START_TIMEOUT=1800 (seconds), DIR=target/national-bench. Needs psql and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

SITES=${SITES:-1200}
WARDS_PER_SITE=${WARDS_PER_SITE:-30}
MONTHS=${MONTHS:-12}
CHARTS=${CHARTS:-20}
DB=${DB:-national_sim}
RUNS=${RUNS:-3}
WARM=${WARM:-5}
REQUESTS=${REQUESTS:-1}
HEAP=${HEAP:-2g}
PORT=${PORT:-8182}
DIR=${DIR:-target/national-bench}
PASSWORD=national-benchmark-Password-1
BASE=http://127.0.0.1:$PORT
JDBC="jdbc:postgresql://127.0.0.1:5432/$DB"
CLASSPATH_BENCH=target/medaudit.jar:target/test-classes

[ -f target/medaudit.jar ] && [ -f target/test-classes/org/medaudit/bench/BulkHistory.class ] \
    || { echo "Build first: mvn -q -DskipTests package"; exit 1; }
command -v psql >/dev/null || { echo "Needs psql (apt-get install -y postgresql-client)"; exit 1; }
mkdir -p "$DIR"
RESULTS="$DIR/results.tsv"

sql() { psql -h 127.0.0.1 -U postgres -d "$1" -tAqc "$2"; }
load() { uptime | sed 's/.*load average: //'; }
now() { date +%s.%N; }

SERVER=
start_server() {
    local started
    started=$(now)
    MICRONAUT_ENVIRONMENTS=postgres MEDAUDIT_DB_URL="$JDBC" MEDAUDIT_DB_USER=postgres MEDAUDIT_DB_PASSWORD= \
        MEDAUDIT_SITES="$DIR/sites.yaml" MEDAUDIT_PORT=$PORT MEDAUDIT_ADMIN_PASSWORD=$PASSWORD \
        java -Xms"$HEAP" -Xmx"$HEAP" -jar target/medaudit.jar > "$DIR/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 "${START_TIMEOUT:-1800}"); do
        if curl -fs "$BASE/health" >/dev/null 2>&1; then
            STARTED_IN=$(echo "$(now) - $started" | bc)
            return
        fi
        kill -0 "$SERVER" 2>/dev/null || { echo "The server stopped: see $DIR/server.log"; exit 1; }
        sleep 1
    done
    echo "The server did not start: see $DIR/server.log"; exit 1
}
stop_server() {
    if [ -n "$SERVER" ]; then kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=; fi
}
trap stop_server EXIT

# --- The data: the sites file, the schema and wards (the service's first start), then the history by COPY.
if [ "$(sql postgres "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" = 0 ]; then
    sql postgres "CREATE DATABASE $DB"
fi
if [ "$(sql "$DB" "SELECT to_regclass('chart_sample') IS NOT NULL")" != t ] \
    || [ "$(sql "$DB" "SELECT EXISTS (SELECT 1 FROM chart_sample)")" != t ]; then
    java -cp "$CLASSPATH_BENCH" org.medaudit.bench.BulkHistory sites "$DIR/sites.yaml" "$SITES" "$WARDS_PER_SITE"
    start_server   # creates the schema, the sites and wards from the file, and the rule book
    echo "First start (schema and $((SITES * WARDS_PER_SITE)) wards created): ${STARTED_IN} s, load $(load)"
    stop_server
    loaded=$(now)
    java -Xmx2g -cp "$CLASSPATH_BENCH" org.medaudit.bench.BulkHistory load "$JDBC?user=postgres" "$MONTHS" "$CHARTS"
    echo "Load: $(echo "$(now) - $loaded" | bc) s, load $(load)"
fi
echo "Database $DB: $(sql "$DB" "SELECT pg_size_pretty(pg_database_size('$DB'))"), \
$(sql "$DB" "SELECT to_char(count(*), 'FM999,999,999') FROM chart_sample") samples, \
$(sql "$DB" "SELECT to_char(count(*), 'FM999,999,999') FROM finding") findings, \
$(sql "$DB" "SELECT to_char(count(*), 'FM999,999,999') FROM ward") wards"

# --- The requests: the months loaded (up to last month), ward and site B01W01 / B01.
LAST=$(sql "$DB" "SELECT max(period) FROM chart_sample")
FIRST=$(sql "$DB" "SELECT min(period) FROM chart_sample")
RANGE="from=$FIRST&to=$LAST"
declare -a NAMES=(ward site network summary summary-site)
declare -a PATHS=("/api/v1/wards/B01W01/rates?$RANGE" "/api/v1/sites/B01/rates?$RANGE"
    "/api/v1/network/rates?$RANGE" "/api/v1/summary" "/api/v1/summary?site=B01")

token() {
    local jar="$DIR/cookies" csrf secret
    rm -f "$jar"
    curl -s -c "$jar" "$BASE/login" >/dev/null
    csrf=$(awk '$6 == "MEDAUDIT_CSRF" {print $7}' "$jar")
    curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" \
        --data-urlencode "_csrf=$csrf" "$BASE/login"
    secret=$(curl -s -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
        -d '{"name": "national benchmark", "access": "read"}' "$BASE/api/v1/admin/tokens" \
        | sed -E 's/.*"secret":"([^"]+)".*/\1/')
    case "$secret" in mdt_*) echo "$secret" ;; *) echo "Could not create a token" >&2; exit 1 ;; esac
}

# One request: "code bytes seconds", the body kept in $DIR/<name>.json.
request() {
    curl -s --max-time 3600 -o "$DIR/$1.json" -H "Authorization: Bearer $TOKEN" \
        -w '%{http_code} %{size_download} %{time_total}' "$BASE$2"
}

echo -e "run\trequest\tkind\tstatus\tbytes\tseconds\tload" > "$RESULTS"
for run in $(seq 1 "$RUNS"); do
    start_server
    echo "== Run $run: started in ${STARTED_IN} s ($((SITES * WARDS_PER_SITE)) wards already stored), load $(load)"
    echo -e "$run\tstart-up\tcold\t200\t0\t$STARTED_IN\t$(load)" >> "$RESULTS"
    if [ "$REQUESTS" = 0 ]; then stop_server; continue; fi
    TOKEN=$(token)
    for i in "${!NAMES[@]}"; do
        read -r code bytes seconds <<< "$(request "${NAMES[$i]}" "${PATHS[$i]}")"
        echo "  ${NAMES[$i]} cold: $code, $bytes bytes, $seconds s, load $(load)"
        echo -e "$run\t${NAMES[$i]}\tcold\t$code\t$bytes\t$seconds\t$(load)" >> "$RESULTS"
    done
    for i in "${!NAMES[@]}"; do
        for _ in $(seq 1 "$WARM"); do
            read -r code bytes seconds <<< "$(request "${NAMES[$i]}" "${PATHS[$i]}")"
            echo -e "$run\t${NAMES[$i]}\twarm\t$code\t$bytes\t$seconds\t$(load)" >> "$RESULTS"
        done
        echo "  ${NAMES[$i]} warm ×$WARM: last $code, $bytes bytes, $seconds s"
    done
    if [ "$run" = 1 ]; then
        echo "  summary with gzip: $(curl -s --compressed -o /dev/null -H "Authorization: Bearer $TOKEN" \
            -w '%{size_download} bytes on the wire, %{time_total} s' "$BASE${PATHS[3]}")"
    fi
    echo "  service resident memory: $(awk '/VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$SERVER/status")"
    stop_server
done

echo "== Medians over $RUNS runs (cold: first request after each start; warm: all repeats), seconds:"
for name in start-up "${NAMES[@]}"; do
    for kind in cold warm; do
        awk -F'\t' -v n="$name" -v k="$kind" '$2 == n && $3 == k && $4 == 200 {print $6}' "$RESULTS" | sort -g \
            | awk -v n="$name" -v k="$kind" '{v[NR] = $1} END {if (NR) printf "  %-13s %-4s %8.3f (n=%d, min %.3f, max %.3f)\n",
                n, k, NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, NR, v[1], v[NR]}'
    done
done
echo "Raw figures: $RESULTS"
