#!/usr/bin/env bash
# Unknown-route cost of the starter app against its own GET success path, in three variants started side by side
# and driven in interleaved rounds: the static resource index on (the default), the index off
# (api.errors.static-resources.index=false: Spring searches the class path for every path) and Boot's static
# mapping removed (spring.web.resources.add-mappings=false, the floor). Prints per round and variant the req/s of
# both paths and their ratio, and the server CPU per request of both and its ratio (the steadier figure).
# Usage: benchmarks/static-lookup.sh (after benchmarks/run.sh or a -Pbenchmarks package has built the jar);
# about 2 minutes. Knobs: DURATION (s per run, 6), ROUNDS (3), JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p benchmarks/target
DURATION=${DURATION:-6}
ROUNDS=${ROUNDS:-3}
JAR=${JAR:-benchmarks/app-starter/target/api-errors-bench-app-starter-0.1.0-SNAPSHOT.jar}
HZ=$(getconf CLK_TCK)
NAMES=(index index-off no-mappings)
declare -A PORT=([index]=18901 [index-off]=18902 [no-mappings]=18903)
# The index logs once at debug what it read.
declare -A ARGS=([index]="--logging.level.dev.apierrors.servlet.resource=debug" [index-off]="--api.errors.static-resources.index=false"
	[no-mappings]="--spring.web.resources.add-mappings=false")
declare -A PID
cleanup() { for n in "${!PID[@]}"; do kill "${PID[$n]}" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
for n in "${NAMES[@]}"; do
	# shellcheck disable=SC2086
	java -Xms256m -Xmx256m -jar "$JAR" --server.port="${PORT[$n]}" ${ARGS[$n]} >"benchmarks/target/static-$n.log" 2>&1 &
	PID[$n]=$!
done
for n in "${NAMES[@]}"; do
	for _ in $(seq 1 300); do grep -q "Started" "benchmarks/target/static-$n.log" && break; sleep 0.3; done
done
ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
# drive NAME PATH SECONDS: prints "req/s cpu_us_per_request"
drive() {
	local before after out
	before=$(ticks "${PID[$1]}")
	out=$(wrk -t2 -c32 -d"$3s" -H 'Accept: application/json' "http://127.0.0.1:${PORT[$1]}$2" 2>/dev/null)
	after=$(ticks "${PID[$1]}")
	echo "$out" | awk -v t=$((after - before)) -v hz="$HZ" -v s="$3" '
		/Requests\/sec/ { rps = $2 } / requests in / { n = $1 }
		END { printf "%.0f %.1f\n", rps, (n > 0) ? t * 1e6 / hz / n : 0 }'
}
for n in "${NAMES[@]}"; do
	curl -s -o /dev/null -w "$n: GET /no/such/route -> %{http_code} %{content_type}\n" "http://127.0.0.1:${PORT[$n]}/no/such/route"
	drive "$n" /items/1 4 >/dev/null; drive "$n" /no/such/route 4 >/dev/null
done
for r in $(seq 1 "$ROUNDS"); do
	for n in "${NAMES[@]}"; do
		read -r okr okc < <(drive "$n" /items/1 "$DURATION")
		read -r nrr nrc < <(drive "$n" /no/such/route "$DURATION")
		awk -v r="$r" -v n="$n" -v okr="$okr" -v okc="$okc" -v nrr="$nrr" -v nrc="$nrc" 'BEGIN {
			printf "round %d %-11s ok %6d req/s %6.1f us  noroute %6d req/s %6.1f us  ok/noroute req/s %.2fx  noroute/ok cpu %.2fx\n",
				r, n, okr, okc, nrr, nrc, okr / nrr, nrc / okc }'
	done
done
