#!/usr/bin/env bash
# The starter's cost on the success path: the benchmark app with the starter, started twice (once as it is, once
# with api.errors.enabled=false, the same jar), both kept running and driven by the same wrk load on
# GET /items/1 in short runs. Each run gives one ratio of server CPU ticks per request (from /proc/<pid>/stat,
# user + system), starter / baseline. MODE=together (the default) drives both apps at the same time with two
# identical wrk processes, so that whatever else the machine does in those seconds falls on both; MODE=alternate
# runs them one after the other (A B B A ...), so a drift between neighbouring runs falls on the ratio.
# Prints the median ratio, its 95 % confidence interval (order statistics of the runs) and the quartiles.
# DELAY_MS paces each connection (a pause before every request, benchmarks/wrk/paced.lua), so that both apps get
# the same light load instead of as many requests as each can take: at saturation the slower app also loses the
# batching of a busy poller, which a closed loop adds to its cost per request. CONTROL=1 starts the starter's jar
# twice as it is (an A/A run): its ratio is what the method itself shows when there is no difference to find.
# PROBE=1 (together mode) also starts both with bench.cpu-probe=true and reads, per run, the CPU time and the heap
# that each request's own thread spent from Tomcat's engine to the response's last byte (benchmarks/app CpuProbe).
# That leaves out the threads and the work both apps share, where most of the ticks' noise comes from. A pair of
# processes can still differ by an offset of its own (each JIT compiles the path its own way), so compare several
# pairs of processes (SWAP=1 for every other one), not only more runs of one pair.
#
# Usage: benchmarks/success-cost.sh      (nothing else may use the machine meanwhile; about 5 minutes)
# Knobs: MODE (together), PAIRS (30), SECONDS_RUN (5 s per run), WARMUP (60 s each), THREADS (1 per wrk),
#        CONNECTIONS (8 per wrk), DELAY_MS (0), CONTROL (0), BUILD (0), JAVA_OPTS (-Xms256m -Xmx256m),
#        URL_PATH (/items/1), PROBE (0), SWAP (0: 1 starts the app without the starter first, on the other port).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${MODE:-together}
PAIRS=${PAIRS:-30}
SECONDS_RUN=${SECONDS_RUN:-5}
WARMUP=${WARMUP:-60}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-8}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m}
URL_PATH=${URL_PATH:-/items/1}
DELAY_MS=${DELAY_MS:-0}
CONTROL=${CONTROL:-0}
PROBE=${PROBE:-0}
OUT=benchmarks/target/success-cost
JAR=benchmarks/app-starter/target/api-errors-bench-app-starter-0.1.0-SNAPSHOT.jar
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$OUT"

if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
	./mvnw -B -q -o -Pbenchmarks -pl benchmarks/app,benchmarks/app-starter -am package -DskipTests
fi

declare -A PID PORT=([on]=18191 [off]=18192)
ORDER=(on off)
if [ "${SWAP:-0}" = 1 ]; then
	# The other app first and on the other port: a fixed offset between two processes then falls the other way.
	PORT=([on]=18192 [off]=18191)
	ORDER=(off on)
fi
declare -A ARGS=([on]="" [off]="--api.errors.enabled=false")
if [ "$CONTROL" = 1 ]; then
	ARGS[off]=""
fi
if [ "$PROBE" = 1 ]; then
	ARGS[on]+=" --bench.cpu-probe=true"
	ARGS[off]+=" --bench.cpu-probe=true"
fi
cat benchmarks/wrk/summary.lua benchmarks/wrk/paced.lua >"$OUT/load.lua"
export WRK_DELAY_MS=$DELAY_MS
trap 'for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for name in "${ORDER[@]}"; do
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
if [ "$CONTROL" != 1 ] && curl -s -D - -o /dev/null "http://127.0.0.1:${PORT[off]}$URL_PATH" | grep -qi '^x-request-id'; then
	echo "the starter is still active with api.errors.enabled=false" >&2
	exit 1
fi

ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

# probe NAME: the app's pipeline totals "<thread CPU ns> <bytes allocated> <requests>", zeros without PROBE=1
probe() {
	if [ "$PROBE" = 1 ]; then curl -s "http://127.0.0.1:${PORT[$1]}/bench/cpu" | awk '$1 == "all" { print $2, $3, $4 }'; else echo 0 0 0; fi
}

# inside BEFORE AFTER: µs of thread CPU and bytes allocated per request in the pipeline between two probe readings
inside() {
	awk -v b="$1" -v a="$2" 'BEGIN { split(b, x, " "); split(a, y, " "); n = y[3] - x[3]; if (n < 1) n = 1
		printf "%.3f %.0f", (y[1] - x[1]) / 1e3 / n, (y[2] - x[2]) / n }'
}

drive() { # drive NAME SECONDS FILE: wrk against one app, its request count into FILE
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" -H 'Accept: application/json' -s "$OUT/load.lua" \
		"http://127.0.0.1:${PORT[$1]}$URL_PATH" | awk '/^RESULT/ { print $2 }' >"$3"
}

# run NAME SECONDS: prints server CPU microseconds per request
run() {
	local before after
	before=$(ticks "${PID[$1]}")
	drive "$1" "$2" "$OUT/requests-$1"
	after=$(ticks "${PID[$1]}")
	awk -v t=$((after - before)) -v n="$(cat "$OUT/requests-$1")" -v hz="$CLK_TCK" \
		'BEGIN { printf "%.3f %d\n", t * 1e6 / hz / n, n }'
}

# together SECONDS: drives both at once, prints both apps' CPU microseconds per request ("on off"), then with
# PROBE=1 each app's pipeline thread CPU in µs and bytes allocated per request ("on_us on_bytes off_us off_bytes")
together() {
	local on_before off_before on_after off_after on_wrk off_wrk on_probe off_probe
	on_probe=$(probe on)
	off_probe=$(probe off)
	on_before=$(ticks "${PID[on]}")
	off_before=$(ticks "${PID[off]}")
	drive on "$1" "$OUT/requests-on" &
	on_wrk=$!
	drive off "$1" "$OUT/requests-off" &
	off_wrk=$!
	# Wait for the two loads only: a bare wait would also wait for the two apps, which are children of this shell.
	wait "$on_wrk" "$off_wrk"
	on_after=$(ticks "${PID[on]}")
	off_after=$(ticks "${PID[off]}")
	awk -v a=$((on_after - on_before)) -v b=$((off_after - off_before)) -v na="$(cat "$OUT/requests-on")" \
		-v nb="$(cat "$OUT/requests-off")" -v hz="$CLK_TCK" -v probes="$(inside "$on_probe" "$(probe on)") $(inside "$off_probe" "$(probe off)")" \
		'BEGIN { printf "%.3f %.3f %s\n", a * 1e6 / hz / na, b * 1e6 / hz / nb, probes }'
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1)"
echo "Warm-up, $WARMUP s each; mode $MODE, $PAIRS runs of $SECONDS_RUN s, wrk -t$THREADS -c$CONNECTIONS per app," \
	"pause $DELAY_MS ms per request$([ "$CONTROL" = 1 ] && echo ', A/A control: the starter on both sides')..."
together "$WARMUP" >/dev/null
printf "pair\ton_us\toff_us\tratio\ton_pipeline_us\ton_bytes\toff_pipeline_us\toff_bytes\n" >"$OUT/pairs.tsv"
for pair in $(seq 1 "$PAIRS"); do
	on_in=0 on_bytes=0 off_in=0 off_bytes=0
	if [ "$MODE" = together ]; then
		read -r on off on_in on_bytes off_in off_bytes < <(together "$SECONDS_RUN")
	elif [ $((pair % 2)) = 1 ]; then
		read -r on _ < <(run on "$SECONDS_RUN")
		read -r off _ < <(run off "$SECONDS_RUN")
	else
		read -r off _ < <(run off "$SECONDS_RUN")
		read -r on _ < <(run on "$SECONDS_RUN")
	fi
	awk -v p="$pair" -v a="$on" -v b="$off" -v rest="$on_in	$on_bytes	$off_in	$off_bytes" \
		'BEGIN { printf "%d\t%s\t%s\t%.4f\t%s\n", p, a, b, a / b, rest }' >>"$OUT/pairs.tsv"
done

LABEL="starter / same jar with api.errors.enabled=false"
[ "$CONTROL" = 1 ] && LABEL="A/A control, starter / starter"

# summarise TITLE FORMAT SCALE OFFSET: median of the values on stdin with the 95 % interval of the median (order
# statistics: ranks n/2 -/+ 0.98 sqrt(n), rounded outwards), quartiles and extremes, each printed as
# (value + OFFSET) * SCALE with FORMAT
summarise() {
	sort -g | awk -v title="$1" -v f="$2" -v scale="$3" -v offset="$4" '
		function x(v) { return sprintf(f, (v + offset) * scale) }
		{ v[NR] = $1 }
		END {
			n = NR
			med = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
			lo = int(n / 2 - 0.98 * sqrt(n)); if (lo < 1) lo = 1
			hi = int(n / 2 + 1 + 0.98 * sqrt(n) + 0.999); if (hi > n) hi = n
			q1 = v[int((n + 3) / 4)]; q3 = v[int((3 * n + 1) / 4 + 0.5)]
			printf "%s, %d runs:\n  median %s (95 %% CI %s .. %s), quartiles %s .. %s, min %s, max %s\n",
				title, n, x(med), x(v[lo]), x(v[hi]), x(q1), x(q3), x(v[1]), x(v[n])
		}'
}

columns() { awk -F'\t' "NR > 1 { print $1 }" "$OUT/pairs.tsv"; }

columns '$4' | summarise "Server CPU per GET success (whole process), $LABEL" '%+.1f %%' 100 -1 | tee "$OUT/summary.txt"
awk -F'\t' -v req="$(cat "$OUT/requests-on") $(cat "$OUT/requests-off")" 'NR > 1 { a += $2; b += $3 }
	END { printf "Mean CPU per request: first %.1f µs, second %.1f µs (requests in the last run: %s).\n", a / (NR - 1), b / (NR - 1), req }' \
	"$OUT/pairs.tsv" | tee -a "$OUT/summary.txt"
if [ "$PROBE" = 1 ]; then
	{
		columns '$5 - $7' | summarise "Pipeline thread CPU per request, first minus second" '%+.2f µs' 1 0
		columns '($5 - $7) / $3' | summarise "  the same as a share of the second's whole-process CPU per request" '%+.2f %%' 100 0
		columns '$5 / $7' | summarise "Pipeline thread CPU per request, first / second" '%+.1f %%' 100 -1
		columns '$6 - $8' | summarise "Heap allocated per request in the pipeline, first minus second" '%+.0f bytes' 1 0
		awk -F'\t' 'NR > 1 { a += $5; b += $7; c += $6; d += $8 }
			END { printf "Mean pipeline thread CPU per request: first %.2f µs, second %.2f µs; allocated %.0f and %.0f bytes.\n",
				a / (NR - 1), b / (NR - 1), c / (NR - 1), d / (NR - 1) }' "$OUT/pairs.tsv"
	} | tee -a "$OUT/summary.txt"
fi
