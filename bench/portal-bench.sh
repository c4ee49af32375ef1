#!/usr/bin/env bash
# Portal page timings: starts the packaged jar on a generated catalog and times each page with curl.
# Usage: bench/portal-bench.sh CATALOG_DIR [REPEATS]   (CATALOG_DIR from gen_catalog.py, holding catalog-info.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
CAT=$(cd "$1" && pwd); N=${2:-30}; PORT=7091
DATA=$(mktemp -d)
java ${TARMAC_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} -jar tarmac-server/target/tarmac.jar --server.port=$PORT \
  --tarmac.data-dir="$DATA" --tarmac.demo=true \
  --tarmac.catalog.locations[0].type=file --tarmac.catalog.locations[0].target="$CAT/catalog-info.yaml" \
  --tarmac.catalog.rules[0].allow=Component,API,Resource,System,Domain,Group,User,Location,Template \
  > "$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
B=http://127.0.0.1:$PORT
until curl -sf "$B/actuator/health" > /dev/null; do sleep 1; done
want=$(grep -c '^kind:' "$CAT"/*.yaml | awk -F: '{s+=$2} END {print s}')
until [ "$(curl -s "$B/api/catalog/entities/by-query?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])')" -ge "$want" ]; do sleep 2; done
sleep 5  # the search index follows the catalog
echo "catalog holds $(curl -s "$B/api/catalog/entities/by-query?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])') entities"
comp=$(curl -s "$B/api/catalog/entities/by-query?filter=kind=component&limit=1" | python3 -c 'import json,sys; e=json.load(sys.stdin)["items"][0]["metadata"]; print(e.get("namespace","default")+"/component/"+e["name"])')
api=$(curl -s "$B/api/catalog/entities/by-query?filter=kind=api&limit=1" | python3 -c 'import json,sys; e=json.load(sys.stdin)["items"][0]["metadata"]; print(e.get("namespace","default")+"/api/"+e["name"])')
group=$(curl -s "$B/api/catalog/entities/by-query?filter=kind=group&limit=1" | python3 -c 'import json,sys; e=json.load(sys.stdin)["items"][0]["metadata"]; print(e.get("namespace","default")+"/group/"+e["name"])')
for page in "/" "/catalog" "/catalog?filters%5Bkind%5D=component&sort=-owner" "/catalog?q=service" \
    "/catalog?page=360" "/catalog/$comp" "/catalog/$api" "/catalog/$group" "/search?query=service" "/create" \
    "/create/templates/default/spring-boot-rest-service" "/delivery" "/catalog/default/component/nope"; do
  for i in 1 2 3; do curl -s -o /dev/null -H 'Accept: text/html' "$B$page"; done   # warm-up
  for i in $(seq "$N"); do curl -s -o /dev/null -H 'Accept: text/html' -w '%{time_total}\n' "$B$page"; done |
    sort -n | awk -v p="$page" '{a[NR]=$1} END {printf "%-70s p50 %6.1f ms  p90 %6.1f ms\n", p, a[int(NR*0.5)+1]*1000, a[int(NR*0.9)]*1000}'
done
