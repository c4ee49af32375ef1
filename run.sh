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
# TARMAC_JAVA_OPTS overrides the JVM options; the benchmark (bench/CatalogBench.java) uses the same.
exec java ${TARMAC_JAVA_OPTS:--Xmx1g} -jar "$jar" "$@"
