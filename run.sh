#!/usr/bin/env bash
# Builds Tarmac if needed and starts it on the embedded default: H2 in ./data, port 7007, the demo
# organisation loaded. Any Spring Boot setting can follow, e.g. ./run.sh --tarmac.demo=false
set -euo pipefail
cd "$(dirname "$0")"
# The JVM: TARMAC_JAVA, else $JAVA_HOME/bin/java, else the newest JDK of version 25 or later installed
# under /usr/lib/jvm (where Debian and Ubuntu keep them), else java on the PATH. Java 25 starts
# Tarmac and ingests a cold catalog faster than 17 (AOT cache, compact object headers; ADR 0003).
java=${TARMAC_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
if [ -z "$java" ]; then
  java=java best=24
  for home in /usr/lib/jvm/*; do
    # A release build only ("25.0.3"), not an early-access one ("26-ea").
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\)[0-9.]*"$/\1/p' "$home/release" 2>/dev/null || true)
    if [ -n "$major" ] && [ "$major" -gt "$best" ] && [ -x "$home/bin/java" ]; then
      java=$home/bin/java best=$major
    fi
  done
fi
version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
# Options that depend on the JVM and that the class-data archive must be trained with as well: from
# Java 25 compact object headers (8-byte headers: a smaller heap to collect), from 22 native access
# for Lucene's memory-mapped index without a warning on every start.
vm=
if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
  vm="-XX:+UseCompactObjectHeaders --enable-native-access=ALL-UNNAMED"
elif [ "${version%%.*}" -ge 22 ] 2>/dev/null; then
  vm="--enable-native-access=ALL-UNNAMED"
fi
# The benchmark (bench/CatalogBench.java) asks which JVM this script would start, to start the same.
if [ -n "${TARMAC_PRINT_JVM:-}" ]; then
  printf '%s\n%s\n' "$java" "$vm"
  exit 0
fi
jar=tarmac-server/target/tarmac.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building Tarmac (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi
# Start-up is mostly class loading: a class-data archive, trained once per build (~15 s), halves it.
# On Java 25 or later that is an AOT cache (classes loaded and linked, method profiles), on older
# JVMs an AppCDS archive. TARMAC_CDS=off skips it. See docs/adr/0003-startup-and-memory.md.
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
  "$java" $vm $jit "$train" -Dspring.context.exit=onRefresh \
    -jar "$cds/tarmac.jar" --tarmac.data-dir="$data" --server.port=0 >/dev/null 2>&1 || true
  rm -rf "$data"
fi
# The benchmark has the build and the archive brought up to date this way before it starts Tarmac.
if [ -n "${TARMAC_PREPARE_ONLY:-}" ]; then
  exit 0
fi
# TARMAC_JAVA_OPTS overrides the JVM options; the benchmark (bench/CatalogBench.java) uses the same.
# The parallel collector pauses on both cores where the serial one leaves one idle (ADR 0003).
opts=${TARMAC_JAVA_OPTS:--Xmx256m -XX:+UseParallelGC}
echo "Starting Tarmac on Java $version ($java)"
if [ -f "$archive" ] && [ "${TARMAC_CDS:-on}" != off ]; then
  exec "$java" $opts $vm $jit "$use" -jar "$cds/tarmac.jar" "$@"
fi
exec "$java" $opts $vm $jit -jar "$jar" "$@"
