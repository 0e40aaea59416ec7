#!/usr/bin/env bash
# Start-up time and resident memory of the packaged service, with the JVM defaults and with the options
# docs/deploy.md recommends (docs/performance.md, "Start-up and memory").
#   scripts/measure-startup.sh [runs] [seconds of load] [restart]
# Builds target/medaudit.jar (and the harness in target/test-classes) if missing, creates the class-data archive
# target/medaudit.jsa from one training run, then prints the median of `runs` starts for each set of options.
# restart=true measures restarts of an installed service (its database and cache of compiled rules kept) instead of
# first starts on a new database.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
load=${2:-20}
restart=${3:-false}
if ! [ -f target/medaudit.jar ] || ! [ -f target/test-classes/org/medaudit/bench/StartupHarness.class ]; then
  mvn -q -DskipTests package
fi
classpath=target/medaudit.jar:target/test-classes
harness() {
  uptime
  java -Druns="$1" -Dload="$2" -Djvm="$3" -Drestart="$restart" -cp "$classpath" org.medaudit.bench.StartupHarness
}

# The recommended options (docs/deploy.md): a bounded heap, the serial collector (one core's worth of work at
# start-up, no parallel GC threads), and application class-data sharing.
recommended="${MEDAUDIT_JVM_OPTIONS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:SharedArchiveFile=target/medaudit.jsa -Xshare:auto}"

echo "== JVM defaults"
harness "$runs" "$load" ""
echo "== Training run that writes the class-data archive target/medaudit.jsa (at exit)"
rm -f target/medaudit.jsa
harness 1 0 "-XX:ArchiveClassesAtExit=target/medaudit.jsa" >/dev/null
ls -l target/medaudit.jsa
echo "== Recommended: $recommended"
harness "$runs" "$load" "$recommended"
