#!/usr/bin/env bash
# The starter's cost on the success path: the benchmark app with the starter, started twice (once as it is, once
# with api.errors.enabled=false, the same jar), both kept running, driven alternately by the same wrk load on
# GET /items/1 in short runs (A B B A A B ..., so that a drift of the machine falls on both equally). Each pair of
# neighbouring runs gives one ratio of server CPU ticks per request (from /proc/<pid>/stat, user + system);
# prints the median ratio, its 95 % confidence interval (order statistics of the pairs) and the quartiles.
#
# Usage: benchmarks/success-cost.sh      (run it under /work/mvnl or anything that keeps builds away; ~6 minutes)
# Knobs: PAIRS (24), SECONDS_RUN (5 s per run), WARMUP (20 s each), THREADS (2), CONNECTIONS (16), BUILD (0),
#        JAVA_OPTS (-Xms256m -Xmx256m), URL_PATH (/items/1).
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-24}
SECONDS_RUN=${SECONDS_RUN:-5}
WARMUP=${WARMUP:-20}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m}
URL_PATH=${URL_PATH:-/items/1}
OUT=benchmarks/target/success-cost
JAR=benchmarks/app-starter/target/api-errors-bench-app-starter-0.1.0-SNAPSHOT.jar
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$OUT"

if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
	./mvnw -B -q -o -Pbenchmarks -pl benchmarks/app,benchmarks/app-starter -am package -DskipTests
fi

declare -A PID PORT=([on]=18191 [off]=18192)
declare -A ARGS=([on]="" [off]="--api.errors.enabled=false")
trap 'for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for name in on off; do
	# shellcheck disable=SC2086
	java $JAVA_OPTS -jar "$JAR" --server.port="${PORT[$name]}" ${ARGS[$name]} >"$OUT/$name.log" 2>&1 &
	PID[$name]=$!
done
for name in on off; do
	for _ in $(seq 1 600); do
		grep -q "Started BenchApplication" "$OUT/$name.log" && break
		sleep 0.2
	done
done
# The two must differ only in the starter: the request id header is there with it and missing without it.
curl -s -D - -o /dev/null "http://127.0.0.1:${PORT[on]}$URL_PATH" | grep -qi '^x-request-id' \
	|| { echo "the starter is not active on ${PORT[on]}" >&2; exit 1; }
if curl -s -D - -o /dev/null "http://127.0.0.1:${PORT[off]}$URL_PATH" | grep -qi '^x-request-id'; then
	echo "the starter is still active with api.errors.enabled=false" >&2
	exit 1
fi

ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

# run NAME SECONDS: prints server CPU microseconds per request
run() {
	local before after requests
	before=$(ticks "${PID[$1]}")
	requests=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" -H 'Accept: application/json' -s benchmarks/wrk/summary.lua \
		"http://127.0.0.1:${PORT[$1]}$URL_PATH" | awk '/^RESULT/ { print $2 }')
	after=$(ticks "${PID[$1]}")
	awk -v t=$((after - before)) -v n="$requests" -v hz="$CLK_TCK" 'BEGIN { printf "%.3f %d\n", t * 1e6 / hz / n, n }'
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1)"
echo "Warm-up, $WARMUP s each..."
for _ in 1 2; do
	run on $((WARMUP / 2)) >/dev/null
	run off $((WARMUP / 2)) >/dev/null
done
printf "pair\ton_us\toff_us\tratio\n" >"$OUT/pairs.tsv"
for pair in $(seq 1 "$PAIRS"); do
	if [ $((pair % 2)) = 1 ]; then
		read -r on _ < <(run on "$SECONDS_RUN")
		read -r off _ < <(run off "$SECONDS_RUN")
	else
		read -r off _ < <(run off "$SECONDS_RUN")
		read -r on _ < <(run on "$SECONDS_RUN")
	fi
	awk -v p="$pair" -v a="$on" -v b="$off" 'BEGIN { printf "%d\t%s\t%s\t%.4f\n", p, a, b, a / b }' >>"$OUT/pairs.tsv"
done

awk -F'\t' 'NR > 1 { print $4 }' "$OUT/pairs.tsv" | sort -g | awk -v pairs="$PAIRS" '
	{ v[NR] = $1 }
	END {
		n = NR
		med = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
		# 95 % interval of the median from order statistics: ranks n/2 -/+ 0.98 sqrt(n), rounded outwards.
		lo = int(n / 2 - 0.98 * sqrt(n)); if (lo < 1) lo = 1
		hi = int(n / 2 + 1 + 0.98 * sqrt(n) + 0.999); if (hi > n) hi = n
		q1 = v[int((n + 3) / 4)]; q3 = v[int((3 * n + 1) / 4 + 0.5)]
		printf "Server CPU per GET success, starter / same jar with api.errors.enabled=false, %d pairs:\n", n
		printf "median %+.1f %% (95 %% CI %+.1f .. %+.1f %%), quartiles %+.1f .. %+.1f %%, min %+.1f, max %+.1f %%\n",
			(med - 1) * 100, (v[lo] - 1) * 100, (v[hi] - 1) * 100, (q1 - 1) * 100, (q3 - 1) * 100,
			(v[1] - 1) * 100, (v[n] - 1) * 100
	}' | tee "$OUT/summary.txt"
awk -F'\t' 'NR > 1 { a += $2; b += $3 } END { printf "Mean CPU per request: with %.1f µs, without %.1f µs.\n", a / (NR - 1), b / (NR - 1) }' \
	"$OUT/pairs.tsv" | tee -a "$OUT/summary.txt"
