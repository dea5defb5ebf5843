#!/usr/bin/env bash
# End-to-end benchmark of the error paths on Spring WebFlux (Netty): builds the small reactive app with and without
# the starter, starts Boot's WebFlux default, Boot's WebFlux ProblemDetails and the starter on 127.0.0.1, drives each
# with wrk in interleaved rounds and prints, per approach, the server CPU per request of each error path as a
# multiple of the same app's success path in the same round, the share of the success path's throughput each error
# path keeps, and the starter's success path against the app without it.
#
# Besides GET /items/1 (the success path), the domain 404, the invalid POST /items and an unknown route, it drives a
# valid POST /items (201), so that the validation error can also be set against the success of its own endpoint,
# which decodes and validates the same body.
#
# Usage: benchmarks/webflux.sh   (about 10 minutes on 2 cores, with nothing else running)
#        BASELINE_JAR=path/to/an/earlier/app-webflux-starter.jar benchmarks/webflux.sh: adds that build of the starter
#        app as a fourth variant, for a before/after comparison in the same run (about 11 minutes with
#        DURATION=6 WARMUP=8 ROUNDS=3).
# Knobs: DURATION (s per run, 8), ROUNDS (3), WARMUP (s per endpoint, 10), THREADS (2), CONNECTIONS (32),
#        BUILD (1: build the apps first), JAVA_OPTS (-Xms256m -Xmx256m).
# Server CPU is read from /proc/<pid>/task/*/stat without the JIT compiler threads (JIT=1: the whole process).
# Results: printed and kept under benchmarks/target/results-webflux/ (raw.tsv, summary.md, one log per app).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=${DURATION:-8}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
BUILD=${BUILD:-1}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m}
OUT=$ROOT/benchmarks/target/results-webflux
BASE_PORT=${BASE_PORT:-18280}
CLK_TCK=$(getconf CLK_TCK)

if ! command -v wrk >/dev/null 2>&1; then
	echo "wrk is needed: install the Debian/Ubuntu package 'wrk' (sudo apt-get install wrk) or build it from source." >&2
	exit 1
fi

if [ "$BUILD" = 1 ]; then
	echo "Building the WebFlux benchmark apps from the reactor (profile 'benchmarks')..."
	./mvnw -B -q -Pbenchmarks -pl benchmarks/app-webflux,benchmarks/app-webflux-starter -am package -DskipTests
fi

VERSION=0.1.0-SNAPSHOT
PLAIN_JAR=benchmarks/app-webflux/target/api-errors-bench-app-webflux-$VERSION-exec.jar
STARTER_JAR=benchmarks/app-webflux-starter/target/api-errors-bench-app-webflux-starter-$VERSION.jar

VARIANTS=(boot problem starter)
declare -A JAR=([boot]=$PLAIN_JAR [problem]=$PLAIN_JAR [starter]=$STARTER_JAR)
declare -A ARGS=([boot]="" [problem]="--spring.webflux.problemdetails.enabled=true" [starter]="")
declare -A LABEL=([boot]="Boot WebFlux default (\`DefaultErrorWebExceptionHandler\`), also the app without the starter"
	[problem]="Boot WebFlux ProblemDetails enabled" [starter]="**api-errors (this starter)**")
if [ -n "${BASELINE_JAR:-}" ]; then
	VARIANTS=(boot problem before starter)
	JAR[before]=$BASELINE_JAR
	ARGS[before]=""
	LABEL[before]="api-errors, baseline build (\`$(basename "$BASELINE_JAR")\`)"
fi
declare -A PORT PID

ENDPOINTS=(ok notfound created invalid noroute)
declare -A PATH_OF=([ok]=/items/1 [notfound]=/items/0 [created]=/items [invalid]=/items [noroute]=/no/such/route)

rm -rf "$OUT"
mkdir -p "$OUT"
cat benchmarks/wrk/summary.lua > "$OUT/get.lua"
cat benchmarks/wrk/summary.lua benchmarks/wrk/invalid-body.lua > "$OUT/post.lua"
cat benchmarks/wrk/summary.lua benchmarks/wrk/valid-body.lua > "$OUT/post-valid.lua"

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
		if grep -q "Started ReactiveBenchApplication" "$log"; then
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

# Server CPU (user + system) of a process, in clock ticks: the sum over its threads, leaving out the JIT compiler
# threads unless JIT=1, since a JVM still compiling the reactive call chains in the first rounds would otherwise
# count the compiler's work as the cost of the requests.
ticks() {
	if [ "${JIT:-0}" = 1 ]; then
		sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
		return
	fi
	cat /proc/"$1"/task/*/stat 2>/dev/null | awk '{
		lp = index($0, "("); rp = match($0, /\) [A-Za-z] /)
		if (substr($0, lp + 1, rp - lp - 1) ~ /CompilerThre/) next
		split(substr($0, rp + 2), f, " "); sum += f[12] + f[13]
	} END { print sum + 0 }'
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
	[ "$endpoint" = created ] && script=$OUT/post-valid.lua
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

# What each variant answers per endpoint: the status and content type, with "c" when the server closes the
# connection after it.
probe() {
	local name=$1 endpoint=$2 url="http://127.0.0.1:${PORT[$name]}${PATH_OF[$endpoint]}" headers
	if [ "$endpoint" = invalid ]; then
		headers=$(curl -s -o /dev/null -D - -H 'Accept: application/json' -H 'Content-Type: application/json' \
			-d '{"name":"","priceCents":-5,"currency":"euro"}' "$url")
	elif [ "$endpoint" = created ]; then
		headers=$(curl -s -o /dev/null -D - -H 'Accept: application/json' -H 'Content-Type: application/json' \
			-d '{"name":"Espresso cup","priceCents":1250,"currency":"EUR"}' "$url")
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

median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# spread: "median [min-max]" of the numbers on standard input, with the given printf format.
spread() {
	local list format=$1
	list=$(cat)
	printf "$format [$format-$format]" "$(echo "$list" | median)" "$(echo "$list" | sort -g | head -n 1)" \
		"$(echo "$list" | sort -g | tail -n 1)"
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1)"
echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. Start every variant once and keep it running; probe what each answers and keep one body of each.
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
	{
		for endpoint in notfound noroute; do
			echo "GET ${PATH_OF[$endpoint]}: $(curl -s -H 'Accept: application/json' "http://127.0.0.1:${PORT[$name]}${PATH_OF[$endpoint]}")"
		done
		echo "POST /items: $(curl -s -H 'Accept: application/json' -H 'Content-Type: application/json' \
			-d '{"name":"","priceCents":-5,"currency":"euro"}' "http://127.0.0.1:${PORT[$name]}/items")"
	} >"$OUT/bodies-$name.txt"
done

# 2. Warm up every variant and endpoint, then interleaved rounds (the variant order rotates each round).
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
		# The endpoint order flips every round, so that a machine or JIT still settling favours none of them.
		order=("${ENDPOINTS[@]}")
		[ $((round % 2)) = 0 ] && order=(noroute invalid created notfound ok)
		for endpoint in "${order[@]}"; do
			read -r rps requests cpu errors other < <(drive "$name" "$endpoint" "$DURATION")
			printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$round" "$name" "$endpoint" "$rps" "$requests" "$cpu" \
				"$errors" "$other" >>"$OUT/raw.tsv"
		done
	done
done
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

# 3. Summary.
value() { # value ROUND VARIANT ENDPOINT COLUMN(4 rps, 6 cpu)
	awk -F'\t' -v r="$1" -v n="$2" -v e="$3" -v c="$4" '$1 == r && $2 == n && $3 == e { print $c }' "$OUT/raw.tsv"
}
ratios() { # ratios VARIANT ENDPOINT COLUMN: endpoint / success of the same variant, one per round
	for round in $(seq 1 "$ROUNDS"); do
		awk -v a="$(value "$round" "$1" "$2" "$3")" -v b="$(value "$round" "$1" ok "$3")" 'BEGIN { printf "%.3f\n", a / b }'
	done
}
per_round() { # per_round VARIANT ENDPOINT COLUMN
	for round in $(seq 1 "$ROUNDS"); do value "$round" "$1" "$2" "$3"; done
}
{
	echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); $(java -version 2>&1 | head -n 1);"
	echo "$(date -u +%Y-%m-%d), Spring WebFlux on Netty, wrk -t$THREADS -c$CONNECTIONS, ${DURATION} s per run, median [min-max] of $ROUNDS interleaved rounds;"
	echo "machine noise: CPU used by other processes during the runs, median $(awk -F'\t' 'NR > 1 { print $8 }' "$OUT/raw.tsv" | median) %, max $(awk -F'\t' 'NR > 1 { print $8 }' "$OUT/raw.tsv" | sort -g | tail -n 1) % of the machine."
	echo
	echo "Server CPU per request of each error path as a multiple of the same app's success path in the same round (status answered; c = the server closed the connection):"
	echo
	echo "| approach | success µs/request | domain 404 | valid POST | \`@Valid\` body error | unknown route | \`@Valid\` error / valid POST |"
	echo "|---|---|---|---|---|---|---|"
	for name in "${VARIANTS[@]}"; do
		row="| ${LABEL[$name]} | $(per_round "$name" ok 6 | spread '%.1f')"
		for endpoint in notfound created invalid noroute; do
			row="$row | $(ratios "$name" "$endpoint" 6 | spread '%.2f')× ${STATUS[$name.$endpoint]}"
		done
		row="$row | $(for r in $(seq 1 "$ROUNDS"); do
			awk -v a="$(value "$r" "$name" invalid 6)" -v b="$(value "$r" "$name" created 6)" 'BEGIN { printf "%.3f\n", a / b }'
		done | spread '%.2f')×"
		echo "$row |"
	done
	echo
	echo "Server CPU per request, µs (median [min-max] of the rounds):"
	echo
	echo "| approach | success | domain 404 | valid POST | \`@Valid\` body error | unknown route |"
	echo "|---|---|---|---|---|---|"
	for name in "${VARIANTS[@]}"; do
		row="| ${LABEL[$name]}"
		for endpoint in "${ENDPOINTS[@]}"; do
			row="$row | $(per_round "$name" "$endpoint" 6 | spread '%.1f')"
		done
		echo "$row |"
	done
	echo
	echo "Share of the same app's success-path throughput kept by each error path:"
	echo
	echo "| approach | success req/s | domain 404 | valid POST | \`@Valid\` body error | unknown route |"
	echo "|---|---|---|---|---|---|"
	for name in "${VARIANTS[@]}"; do
		row="| ${LABEL[$name]} | $(per_round "$name" ok 4 | median | xargs printf '%.0f')"
		for endpoint in notfound created invalid noroute; do
			row="$row | $(ratios "$name" "$endpoint" 4 | spread '%.2f')"
		done
		echo "$row |"
	done
	echo
	cpu_ratio=$(for r in $(seq 1 "$ROUNDS"); do
		awk -v a="$(value "$r" starter ok 6)" -v b="$(value "$r" boot ok 6)" 'BEGIN { printf "%.3f\n", a / b }'
	done)
	rps_ratio=$(for r in $(seq 1 "$ROUNDS"); do
		awk -v a="$(value "$r" starter ok 4)" -v b="$(value "$r" boot ok 4)" 'BEGIN { printf "%.3f\n", a / b }'
	done)
	echo "Success path with the starter vs without, per round: CPU per request $(per_round starter ok 6 | paste -sd/) vs $(per_round boot ok 6 | paste -sd/) µs, ratio $(echo "$cpu_ratio" | spread '%.2f'); throughput ratio $(echo "$rps_ratio" | spread '%.2f')."
	errors=$(awk -F'\t' 'NR > 1 { s += $7 } END { print s + 0 }' "$OUT/raw.tsv")
	echo "wrk socket errors over all runs: $errors."
} | tee "$OUT/summary.md"
