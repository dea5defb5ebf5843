#!/usr/bin/env bash
# JMH micro-benchmarks of the per-request pieces (resolving, the body against Jackson, the request-id filter) with allocation
# figures from the GC profiler. Extra arguments go to JMH, for example a benchmark name pattern: JsonBody
# Usage: benchmarks/jmh.sh [JMH options] [pattern]     (about 6 minutes for all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BUILD:-1}" = 1 ]; then
	./mvnw -B -q -Pbenchmarks -pl benchmarks/jmh -am package -DskipTests
fi
mkdir -p benchmarks/target
java -jar benchmarks/jmh/target/benchmarks.jar -prof gc -rf text -rff benchmarks/target/jmh-results.txt "$@"
