#!/usr/bin/env bash
# The API benchmark (docs/api-benchmark.md): a million stored samples, the packaged server on them, and wrk with 64
# connections on a ward's 24-month series, the roll-ups, the all-wards summary and trivial endpoints, in one run.
#
#   mvn -q -DskipTests package && src/jmh/api-benchmark.sh
#
# Settings (environment): SITES=10 WARDS_PER_SITE=21 MONTHS=24 CHARTS=200 (charts per ward per month: 1,008,000
# samples), CLIENTS=64, THREADS=2 (wrk), DURATION=30s, PORT=8181, START_TIMEOUT=600 (seconds to wait for the
# server), SUMMARY_PATH=/api/v1/summary (benchmarked when the server answers it), DIR=target/api-bench (delete it to
# load again). Needs wrk (apt-get install wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

SITES=${SITES:-10}
WARDS_PER_SITE=${WARDS_PER_SITE:-21}
MONTHS=${MONTHS:-24}
CHARTS=${CHARTS:-200}
CLIENTS=${CLIENTS:-64}
THREADS=${THREADS:-2}
DURATION=${DURATION:-30s}
PORT=${PORT:-8181}
SUMMARY_PATH=${SUMMARY_PATH:-/api/v1/summary}
DIR=${DIR:-target/api-bench}
PASSWORD=api-benchmark-Password-1
BASE=http://127.0.0.1:$PORT
CLASSPATH_BENCH=target/medaudit.jar:target/test-classes

[ -f target/medaudit.jar ] && [ -f target/test-classes/org/medaudit/bench/BulkHistory.class ] \
    || { echo "Build first: mvn -q -DskipTests package"; exit 1; }
command -v wrk >/dev/null || { echo "Install wrk: apt-get install -y wrk"; exit 1; }
mkdir -p "$DIR"

SERVER=
start_server() {
    MEDAUDIT_DB="$DIR/medaudit.db" MEDAUDIT_SITES="$DIR/sites.yaml" MEDAUDIT_PORT=$PORT \
        MEDAUDIT_ADMIN_PASSWORD=$PASSWORD java -Xms512m -Xmx512m -jar target/medaudit.jar > "$DIR/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 "${START_TIMEOUT:-600}"); do
        if curl -fs "$BASE/health" >/dev/null 2>&1; then return; fi
        sleep 1
    done
    echo "The server did not start: see $DIR/server.log"; exit 1
}
stop_server() {
    if [ -n "$SERVER" ]; then kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=; fi
}
trap stop_server EXIT

if [ ! -f "$DIR/loaded" ]; then
    rm -f "$DIR"/medaudit.db*
    java -cp "$CLASSPATH_BENCH" org.medaudit.bench.BulkHistory sites "$DIR/sites.yaml" "$SITES" "$WARDS_PER_SITE"
    start_server   # creates the schema, the wards and the rule book
    stop_server
    java -cp "$CLASSPATH_BENCH" org.medaudit.bench.BulkHistory load "$DIR/medaudit.db" "$MONTHS" "$CHARTS"
    touch "$DIR/loaded"
fi
echo "Database: $(du -h "$DIR/medaudit.db" | cut -f1)"

start_server

# A read token, created as an integrating engineer would: sign in, then the admin API.
JAR="$DIR/cookies"
rm -f "$JAR"
curl -s -c "$JAR" "$BASE/login" >/dev/null
CSRF=$(awk '$6 == "MEDAUDIT_CSRF" {print $7}' "$JAR")
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$CSRF" "$BASE/login"
TOKEN=$(curl -s -b "$JAR" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
    -d '{"name": "api benchmark", "access": "read"}' "$BASE/api/v1/admin/tokens" \
    | sed -E 's/.*"secret":"([^"]+)".*/\1/')
case "$TOKEN" in mdt_*) ;; *) echo "Could not create a token"; exit 1 ;; esac

LAST=$(date -u -d "$(date -u +%Y-%m-15) -1 month" +%Y-%m)
FIRST=$(date -u -d "$(date -u +%Y-%m-15) -$MONTHS month" +%Y-%m)
WARD=B01W01
SITE=B01
RANGE="from=$FIRST&to=$LAST"
declare -a NAMES=(health measures ward-24-months site-24-months network-24-months)
declare -a PATHS=(/health /api/v1/measures "/api/v1/wards/$WARD/rates?$RANGE" "/api/v1/sites/$SITE/rates?$RANGE"
    "/api/v1/network/rates?$RANGE")
if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$SUMMARY_PATH")" = 200 ]; then
    NAMES+=(summary); PATHS+=("$SUMMARY_PATH")
else
    echo "No $SUMMARY_PATH on this server: the all-wards summary is not benchmarked"
fi

echo "First (cold) requests, each computed from the stored samples:"
for i in "${!PATHS[@]}"; do
    curl -s -o "$DIR/${NAMES[$i]}.json" -H "Authorization: Bearer $TOKEN" \
        -w "  ${NAMES[$i]}: %{http_code}, %{size_download} bytes, %{time_total} s\n" "$BASE${PATHS[$i]}"
done
echo "Warm-up: 10 s on the ward's series"
wrk -t"$THREADS" -c"$CLIENTS" -d10s -H "Authorization: Bearer $TOKEN" "$BASE${PATHS[2]}" >/dev/null

echo "wrk: $THREADS threads, $CLIENTS connections, $DURATION each, on $(nproc) cores shared with the server"
for i in "${!PATHS[@]}"; do
    echo "== ${NAMES[$i]}: GET ${PATHS[$i]}"
    wrk -t"$THREADS" -c"$CLIENTS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$BASE${PATHS[$i]}" \
        | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx|Socket errors|requests in'
done
