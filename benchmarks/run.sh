#!/usr/bin/env bash
# End-to-end benchmark of the error paths: builds the same small app in several variants, starts each on
# 127.0.0.1, drives it with wrk in interleaved rounds and prints, per approach, the share of its own success
# path's throughput that each error path keeps, plus server CPU per request, start-up time and heap after GC.
# The last row, "floor", is no approach: the plain app throwing its 404 without a stack trace and answering each
# error with a constant body from the first exception resolver, what Spring MVC itself costs on the typed 404 and
# the invalid body (see benchmarks/variants.sh).
#
# Usage: benchmarks/run.sh            (about 15 minutes on 2 cores)
#        ACTUATOR=1 benchmarks/run.sh (the app with and without the starter, both with Spring Boot's actuator
#        recording http.server.requests, which the starter tags with error.code; about 5 minutes)
# Knobs: DURATION (s per run, 8), ROUNDS (3), WARMUP (s per endpoint, 4), STARTUPS (3), THREADS (2),
#        CONNECTIONS (32), BUILD (1: build the apps first), JAVA_OPTS (-Xms256m -Xmx256m).
# Results: printed and kept under benchmarks/target/results/ (raw.tsv, summary.md, one log per app).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=${DURATION:-8}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-4}
STARTUPS=${STARTUPS:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
BUILD=${BUILD:-1}
ACTUATOR=${ACTUATOR:-0}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m}
OUT=$ROOT/benchmarks/target/results
BASE_PORT=${BASE_PORT:-18180}
CLK_TCK=$(getconf CLK_TCK)

if ! command -v wrk >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "Installing wrk (Debian package)..."
		apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
	else
		echo "wrk is needed: install the Debian/Ubuntu package 'wrk' (sudo apt-get install wrk) or build it from source." >&2
		exit 1
	fi
fi

if [ "$BUILD" = 1 ]; then
	echo "Building the benchmark apps from the reactor (profile 'benchmarks')..."
	if [ "$ACTUATOR" = 1 ]; then
		./mvnw -B -q -Pbenchmarks,benchmarks-actuator -pl benchmarks/app,benchmarks/app-starter -am package -DskipTests
	else
		./mvnw -B -q -Pbenchmarks -pl benchmarks/app,benchmarks/app-starter,benchmarks/app-wimdeblauwe -am package -DskipTests
	fi
fi

# name | jar | extra arguments (benchmarks/variants.sh) | label in the table
source benchmarks/variants.sh
VARIANTS=(boot problem advice wimdeblauwe starter floor)
declare -A LABEL=([boot]="Boot default (\`/error\` forward), also the app without the starter"
	[problem]="Boot ProblemDetails enabled" [advice]="hand-written minimal \`@RestControllerAdvice\`"
	[wimdeblauwe]="wimdeblauwe error-handling starter 5.0.0" [starter]="**api-errors (this starter)**"
	[floor]="floor (no approach): a stackless 404 and constant bytes from the first exception resolver")
declare -A PORT PID
if [ "$ACTUATOR" = 1 ]; then
	# Only the app without and with the starter, both with actuator: does the starter change the success path?
	VARIANTS=(boot starter)
	LABEL[boot]="Boot default with actuator (\`http.server.requests\`), the app without the starter"
	LABEL[starter]="**api-errors (this starter) with actuator** (\`error.code\` on \`http.server.requests\`)"
	OUT=$ROOT/benchmarks/target/results-actuator
fi

ENDPOINTS=(ok notfound invalid noroute)
declare -A PATH_OF=([ok]=/items/1 [notfound]=/items/0 [invalid]=/items [noroute]=/no/such/route)

rm -rf "$OUT"
mkdir -p "$OUT"
cat benchmarks/wrk/summary.lua > "$OUT/get.lua"
cat benchmarks/wrk/summary.lua benchmarks/wrk/invalid-body.lua > "$OUT/post.lua"

cleanup() {
	for name in "${!PID[@]}"; do
		kill "${PID[$name]}" 2>/dev/null || true
	done
}
trap cleanup EXIT

# start NAME PORT LOGFILE: starts the variant in the background and waits until it has started.
start() {
	local name=$1 port=$2 log=$3
	# shellcheck disable=SC2086
	java $JAVA_OPTS -jar "${JAR[$name]}" --server.port="$port" ${ARGS[$name]} >"$log" 2>&1 &
	PID[$name]=$!
	for _ in $(seq 1 600); do
		if grep -q "Started BenchApplication" "$log"; then
			return 0
		fi
		if ! kill -0 "${PID[$name]}" 2>/dev/null; then
			echo "$name failed to start, see $log" >&2
			exit 1
		fi
		sleep 0.2
	done
	echo "$name did not start within 120 s, see $log" >&2
	exit 1
}

stop() {
	local name=$1
	kill "${PID[$name]}" 2>/dev/null || true
	wait "${PID[$name]}" 2>/dev/null || true
	unset "PID[$name]"
}

# Server CPU (user + system) of a process, in clock ticks.
ticks() {
	sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# CPU of the children this shell has waited for (wrk), in clock ticks.
children_ticks() {
	sed 's/^.*) //' "/proc/$BASHPID/stat" | awk '{ print $14 + $15 }'
}

# CPU the whole machine spent busy, in clock ticks.
machine_ticks() {
	awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# drive NAME ENDPOINT SECONDS: prints "rps requests cpu_us_per_request socket_errors other_percent", where
# other_percent is the share of the machine that processes other than this server and wrk used meanwhile.
drive() {
	local name=$1 endpoint=$2 seconds=$3 script=$OUT/get.lua
	[ "$endpoint" = invalid ] && script=$OUT/post.lua
	local before after result wrk_before wrk_after all_before all_after
	before=$(ticks "${PID[$name]}")
	wrk_before=$(children_ticks)
	all_before=$(machine_ticks)
	result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -H 'Accept: application/json' -s "$script" \
		"http://127.0.0.1:${PORT[$name]}${PATH_OF[$endpoint]}" | awk '/^RESULT/ { print $2, $3, $5 }')
	all_after=$(machine_ticks)
	after=$(ticks "${PID[$name]}")
	wrk_after=$(children_ticks)
	echo "$result" | awk -v t=$((after - before)) -v w=$((wrk_after - wrk_before)) -v a=$((all_after - all_before)) \
		-v hz="$CLK_TCK" -v cores="$(nproc)" \
		'{ other = (a - t - w) * 100 / ($2 * hz * cores); if (other < 0) other = 0
		   printf "%.1f %d %.1f %d %.0f\n", $1 / $2, $1, ($1 > 0) ? t * 1e6 / hz / $1 : 0, $3, other }'
}

# What each variant answers per endpoint: the status, with "c" when Tomcat closes the connection after it.
probe() {
	local name=$1 endpoint=$2 url="http://127.0.0.1:${PORT[$name]}${PATH_OF[$endpoint]}" headers
	if [ "$endpoint" = invalid ]; then
		headers=$(curl -s -o /dev/null -D - -H 'Accept: application/json' -H 'Content-Type: application/json' \
			-d '{"name":"","priceCents":-5,"currency":"euro"}' "$url")
	else
		headers=$(curl -s -o /dev/null -D - -H 'Accept: application/json' "$url")
	fi
	local status
	status=$(echo "$headers" | awk 'NR == 1 { print $2 }')
	if echo "$headers" | grep -qi '^connection: *close'; then
		status="${status}c"
	fi
	echo "$status"
}

heap_after_gc() {
	jcmd "$1" GC.run >/dev/null 2>&1 || true
	jcmd "$1" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -n 1 | tr -dc '0-9'
}

median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1)"
echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. Start-up: the app without and with the starter, alternately, nothing else running.
echo "Start-up, $STARTUPS times each..."
for i in $(seq 1 "$STARTUPS"); do
	order="boot starter"
	[ $((i % 2)) = 0 ] && order="starter boot"
	for name in $order; do
		log=$OUT/startup-$name-$i.log
		start "$name" "$BASE_PORT" "$log"
		sed -n 's/.*Started BenchApplication in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' "$log" \
			>>"$OUT/startup-$name.txt"
		stop "$name"
	done
done

# 2. Start every variant once and keep it running; probe what each answers.
i=0
for name in "${VARIANTS[@]}"; do
	PORT[$name]=$((BASE_PORT + 1 + i))
	i=$((i + 1))
	start "$name" "${PORT[$name]}" "$OUT/$name.log"
done
declare -A STATUS
for name in "${VARIANTS[@]}"; do
	for endpoint in "${ENDPOINTS[@]}"; do
		STATUS[$name.$endpoint]=$(probe "$name" "$endpoint")
	done
done

# 3. Warm up every variant and endpoint, then interleaved rounds (the variant order rotates each round).
echo "Warm-up, ${WARMUP} s per variant and endpoint..."
for name in "${VARIANTS[@]}"; do
	for endpoint in "${ENDPOINTS[@]}"; do
		drive "$name" "$endpoint" "$WARMUP" >/dev/null
	done
done
printf "round\tvariant\tendpoint\trps\trequests\tcpu_us\tsocket_errors\tother_cpu_percent\n" >"$OUT/raw.tsv"
for round in $(seq 1 "$ROUNDS"); do
	echo "Round $round of $ROUNDS..."
	count=${#VARIANTS[@]}
	for k in $(seq 0 $((count - 1))); do
		name=${VARIANTS[$(((k + round - 1) % count))]}
		for endpoint in "${ENDPOINTS[@]}"; do
			read -r rps requests cpu errors other < <(drive "$name" "$endpoint" "$DURATION")
			printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$round" "$name" "$endpoint" "$rps" "$requests" "$cpu" \
				"$errors" "$other" >>"$OUT/raw.tsv"
		done
	done
	echo "$round $(heap_after_gc "${PID[starter]}")" >>"$OUT/heap-starter.txt"
done
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

# 4. Summary.
value() { # value ROUND VARIANT ENDPOINT COLUMN(4 rps, 6 cpu)
	awk -F'\t' -v r="$1" -v n="$2" -v e="$3" -v c="$4" '$1 == r && $2 == n && $3 == e { print $c }' "$OUT/raw.tsv"
}
ratios() { # ratios VARIANT ENDPOINT: one ratio per round
	for round in $(seq 1 "$ROUNDS"); do
		awk -v a="$(value "$round" "$1" "$2" 4)" -v b="$(value "$round" "$1" ok 4)" 'BEGIN { printf "%.3f\n", a / b }'
	done
}
cell() { # median [min-max], the status, "c" when the connection is closed after each response
	local list
	list=$(ratios "$1" "$2")
	printf "%.2f [%.2f-%.2f] %s" "$(echo "$list" | median)" "$(echo "$list" | sort -g | head -n 1)" \
		"$(echo "$list" | sort -g | tail -n 1)" "${STATUS[$1.$2]}"
}
cpu() {
	for round in $(seq 1 "$ROUNDS"); do value "$round" "$1" "$2" 6; done | median
}
cpu_cell() { # server CPU per request as a multiple of the same variant's success path: median [min-max] of rounds
	local list
	list=$(for round in $(seq 1 "$ROUNDS"); do
		awk -v a="$(value "$round" "$1" "$2" 6)" -v b="$(value "$round" "$1" ok 6)" 'BEGIN { printf "%.3f\n", a / b }'
	done)
	printf "%.2f× [%.2f-%.2f]" "$(echo "$list" | median)" "$(echo "$list" | sort -g | head -n 1)" \
		"$(echo "$list" | sort -g | tail -n 1)"
}
{
	echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); $(java -version 2>&1 | head -n 1);"
	echo "$(date -u +%Y-%m-%d), wrk -t$THREADS -c$CONNECTIONS, ${DURATION} s per run, median [min-max] of $ROUNDS interleaved rounds;"
	echo "machine noise: CPU used by other processes during the runs, median $(awk -F'\t' 'NR > 1 { print $8 }' "$OUT/raw.tsv" | median) %, max $(awk -F'\t' 'NR > 1 { print $8 }' "$OUT/raw.tsv" | sort -g | tail -n 1) % of the machine."
	echo
	echo "Share of the same app's success-path throughput kept by each error path (status answered; c = Tomcat closed the connection):"
	echo
	echo "| approach | success req/s | domain 404 | \`@Valid\` body error | unknown route |"
	echo "|---|---|---|---|---|"
	for name in "${VARIANTS[@]}"; do
		echo "| ${LABEL[$name]} | $(for r in $(seq 1 "$ROUNDS"); do value "$r" "$name" ok 4; done | median | xargs printf '%.0f') | $(cell "$name" notfound) | $(cell "$name" invalid) | $(cell "$name" noroute) |"
	done
	echo
	echo "Server CPU per request as a multiple of the same app's success path (median [min-max] of the rounds; lower is better):"
	echo
	echo "| approach | typed 404 | \`@Valid\` body | unknown route |"
	echo "|---|---|---|---|"
	for name in "${VARIANTS[@]}"; do
		echo "| ${LABEL[$name]} | $(cpu_cell "$name" notfound) | $(cpu_cell "$name" invalid) | $(cpu_cell "$name" noroute) |"
	done
	echo
	echo "Server CPU per request, µs (median):"
	echo
	echo "| approach | success | domain 404 | \`@Valid\` body error | unknown route |"
	echo "|---|---|---|---|---|"
	for name in "${VARIANTS[@]}"; do
		echo "| ${LABEL[$name]} | $(cpu "$name" ok) | $(cpu "$name" notfound) | $(cpu "$name" invalid) | $(cpu "$name" noroute) |"
	done
	echo
	success=$(for r in $(seq 1 "$ROUNDS"); do
		awk -v a="$(value "$r" starter ok 4)" -v b="$(value "$r" boot ok 4)" 'BEGIN { printf "%.4f\n", a / b }'
	done)
	echo "Success path with the starter vs without: throughput ratio $(echo "$success" | median) [$(echo "$success" | sort -g | head -n 1)-$(echo "$success" | sort -g | tail -n 1)], CPU per request $(cpu starter ok) vs $(cpu boot ok) µs."
	echo "Start-up (median of $STARTUPS, context / whole process, s): without $(awk '{ print $1 }' "$OUT/startup-boot.txt" | median) / $(awk '{ print $2 }' "$OUT/startup-boot.txt" | median), with $(awk '{ print $1 }' "$OUT/startup-starter.txt" | median) / $(awk '{ print $2 }' "$OUT/startup-starter.txt" | median)."
	echo "Starter heap used after a full GC, after each round (KB): $(awk '{ printf "%s%s", sep, $2; sep = ", " }' "$OUT/heap-starter.txt")."
	errors=$(awk -F'\t' 'NR > 1 { s += $7 } END { print s + 0 }' "$OUT/raw.tsv")
	echo "wrk socket errors over all runs: $errors."
} | tee "$OUT/summary.md"
