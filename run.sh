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
# Start-up is mostly class loading: a class-data archive, trained once per build (~15 s), halves it.
# On Java 25 or later that is an AOT cache (classes loaded and linked, method profiles), on older
# JVMs an AppCDS archive. TARMAC_CDS=off skips it. See docs/adr/0003-startup-and-memory.md.
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
cds=tarmac-server/target/cds
# Smaller inlining budgets cut the JIT compilers' work on a cold catalog by a third to 60 % at no
# cost to steady-state latency (ADR 0003). TARMAC_JIT_OPTS replaces them; empty turns them off.
jit=${TARMAC_JIT_OPTS--XX:MaxInlineSize=20 -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 -XX:C1MaxInlineSize=20}
if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
  archive=$cds/tarmac.aot train=-XX:AOTCacheOutput=$archive use=-XX:AOTCache=$archive
else
  archive=$cds/tarmac.jsa train=-XX:ArchiveClassesAtExit=$archive use=-XX:SharedArchiveFile=$archive
fi
if [ "${TARMAC_CDS:-on}" != off ] && { [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; }; then
  echo "Preparing the class-data archive for fast start-up (once per build)..."
  rm -rf "$cds" && "$java" -Djarmode=tools -jar "$jar" extract --destination "$cds" >/dev/null
  data=$(mktemp -d)
  "$java" $jit "$train" -Dspring.context.exit=onRefresh \
    -jar "$cds/tarmac.jar" --tarmac.data-dir="$data" --server.port=0 >/dev/null 2>&1 || true
  rm -rf "$data"
fi
# TARMAC_JAVA_OPTS overrides the JVM options; the benchmark (bench/CatalogBench.java) uses the same.
opts=${TARMAC_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
if [ -f "$archive" ] && [ "${TARMAC_CDS:-on}" != off ]; then
  exec "$java" $opts $jit "$use" -jar "$cds/tarmac.jar" "$@"
fi
exec "$java" $opts $jit -jar "$jar" "$@"
