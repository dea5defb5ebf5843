#!/usr/bin/env bash
# Unknown-route ratio of the starter app with and without Boot's static resource mapping, interleaved.
# Usage: benchmarks/static-lookup.sh (after benchmarks/run.sh has built the jars); about 1 minute.
cd "$(dirname "$0")/.."
mkdir -p benchmarks/target
B=benchmarks/app-starter/target/api-errors-bench-app-starter-0.1.0-SNAPSHOT.jar
run() { wrk -t2 -c32 -d6s "http://127.0.0.1:$1$2" 2>/dev/null | awk '/Requests\/sec/ {print $2}'; }
java -Xms256m -Xmx256m -jar $B --server.port=18901 > benchmarks/target/nr1.log 2>&1 & P1=$!
java -Xms256m -Xmx256m -jar $B --server.port=18902 --spring.web.resources.add-mappings=false > benchmarks/target/nr2.log 2>&1 & P2=$!
for t in $(seq 1 100); do grep -q "Started" benchmarks/target/nr1.log && grep -q "Started" benchmarks/target/nr2.log && break; sleep 0.3; done
for p in 18901 18902; do run $p /items/1 >/dev/null; run $p /no/such/route > /dev/null; done
for r in 1 2 3; do
  for p in 18901 18902; do
    ok=$(run $p /items/1); nr=$(run $p /no/such/route)
    echo "port=$p ok=$ok noroute=$nr ratio=$(python3 -c "print(round($nr/$ok,2))")"
  done
done
kill $P1 $P2; wait 2>/dev/null
