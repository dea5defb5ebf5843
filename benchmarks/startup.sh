#!/usr/bin/env bash
# Alternating start-up timings of the benchmark app without and with the starter (context seconds).
# Usage: benchmarks/startup.sh (after benchmarks/run.sh or BUILD=1 has built the jars); about 1 minute.
cd "$(dirname "$0")/.."
mkdir -p benchmarks/target
A=benchmarks/app/target/api-errors-bench-app-0.1.0-SNAPSHOT-exec.jar
B=benchmarks/app-starter/target/api-errors-bench-app-starter-0.1.0-SNAPSHOT.jar
for i in 1 2 3 4 5 6; do
  for v in A B; do
    jar=${!v}
    java -Xms256m -Xmx256m -jar $jar --server.port=18999 > benchmarks/target/st-$v.log 2>&1 &
    pid=$!
    for t in $(seq 1 100); do grep -q "Started BenchApplication" benchmarks/target/st-$v.log && break; sleep 0.2; done
    echo "$v $(sed -n 's/.*Started BenchApplication in \([0-9.]*\) seconds.*/\1/p' benchmarks/target/st-$v.log)"
    kill $pid; wait $pid 2>/dev/null
  done
done
