#!/usr/bin/env bash
# Builds Tarmac if needed and starts it on the embedded default: H2 in ./data, port 7007, the demo
# organisation loaded. Any Spring Boot setting can follow, e.g. ./run.sh --tarmac.demo=false
set -euo pipefail
cd "$(dirname "$0")"
jar=tarmac-server/target/tarmac.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building Tarmac (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi
# Start-up is mostly class loading: an AppCDS archive, trained once per build (~15 s), halves it.
# TARMAC_CDS=off skips it. See docs/adr/0003-startup-and-memory.md.
cds=tarmac-server/target/cds
if [ "${TARMAC_CDS:-on}" != off ] && { [ ! -f "$cds/tarmac.jsa" ] || [ "$jar" -nt "$cds/tarmac.jsa" ]; }; then
  echo "Preparing the class-data archive for fast start-up (once per build)..."
  rm -rf "$cds" && java -Djarmode=tools -jar "$jar" extract --destination "$cds" >/dev/null
  train=$(mktemp -d)
  java -XX:ArchiveClassesAtExit="$cds/tarmac.jsa" -Dspring.context.exit=onRefresh \
    -jar "$cds/tarmac.jar" --tarmac.data-dir="$train" --server.port=0 >/dev/null 2>&1 || true
  rm -rf "$train"
fi
# TARMAC_JAVA_OPTS overrides the JVM options; the benchmark (bench/CatalogBench.java) uses the same.
opts=${TARMAC_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
if [ -f "$cds/tarmac.jsa" ] && [ "${TARMAC_CDS:-on}" != off ]; then
  exec java $opts -XX:SharedArchiveFile="$cds/tarmac.jsa" -jar "$cds/tarmac.jar" "$@"
fi
exec java $opts -jar "$jar" "$@"
