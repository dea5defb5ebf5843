#!/usr/bin/env bash
# Floods that vary what they send, against the benchmark app with the starter: random Accept-Language values,
# random unknown paths, random bad X-Request-Id values and random invalid JSON bodies, each alternated with the
# same flood sending one fixed value. Prints, per flood, server CPU per request of the random flood as a multiple
# of the fixed one (median of the rounds, from /proc/<pid>/stat) and the heap used after a full GC
# (jcmd GC.run, GC.heap_info) after every round: a cache keyed by what clients send shows as a rising heap. The
# app runs with -XX:SoftRefLRUPolicyMSPerMB=0, so that a full GC also clears softly reachable objects (the JDK's
# Locale cache, Spring's ConcurrentReferenceHashMap caches), which the JVM would drop under memory pressure anyway;
# what stays is strongly held. The largest classes of the heap after each flood go to target/floods/histo-*.txt.
# BASELINE=1 also runs every flood against the same jar with api.errors.enabled=false, started beside it, and prints
# its random / fixed ratio too: what the platform (Tomcat, Spring MVC) costs on that flood without the starter.
#
# Usage: benchmarks/floods.sh     (run it under /work/mvnl or anything that keeps builds away; ~5 minutes)
# Knobs: ROUNDS (4), SECONDS_RUN (6), WARMUP (5), THREADS (2), CONNECTIONS (16), BUILD (0), BASELINE (0),
#        JAVA_OPTS (-Xms256m -Xmx256m -XX:SoftRefLRUPolicyMSPerMB=0),
#        FLOODS ("accept-language paths request-id truncated-json invalid-json").
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-4}
SECONDS_RUN=${SECONDS_RUN:-6}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:SoftRefLRUPolicyMSPerMB=0}
FLOODS=${FLOODS:-accept-language paths request-id truncated-json invalid-json}
BASELINE=${BASELINE:-0}
OUT=benchmarks/target/floods
JAR=benchmarks/app-starter/target/api-errors-bench-app-starter-0.1.0-SNAPSHOT.jar
PORT=${PORT:-18193}
CLK_TCK=$(getconf CLK_TCK)
rm -rf "$OUT"
mkdir -p "$OUT"

if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
	./mvnw -B -q -o -Pbenchmarks -pl benchmarks/app,benchmarks/app-starter -am package -DskipTests
fi
declare -A URL=([accept-language]=/items/0 [paths]=/ [request-id]=/items/0 [truncated-json]=/items [invalid-json]=/items)
declare -A PID PORTS=([on]=$PORT [off]=$((PORT + 1)))
declare -A ARGS=([on]="" [off]="--api.errors.enabled=false")
APPS=(on)
[ "$BASELINE" = 1 ] && APPS=(on off)

trap 'for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for app in "${APPS[@]}"; do
	# shellcheck disable=SC2086
	java $JAVA_OPTS -jar "$JAR" --server.port="${PORTS[$app]}" ${ARGS[$app]} >"$OUT/app-$app.log" 2>&1 &
	PID[$app]=$!
done
for app in "${APPS[@]}"; do
	for _ in $(seq 1 600); do
		grep -q "Started BenchApplication" "$OUT/app-$app.log" && break
		sleep 0.2
	done
done

ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

heap_after_gc() {
	jcmd "${PID[on]}" GC.run >/dev/null 2>&1 || true
	jcmd "${PID[on]}" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -n 1 | tr -dc '0-9'
}

# run FLOOD random|fixed SECONDS [APP]: prints server CPU microseconds per request and the statuses seen
run() {
	local script=$OUT/$1.lua app=${4:-on} before after result
	[ -f "$script" ] || cat benchmarks/wrk/summary.lua "benchmarks/wrk/flood-$1.lua" >"$script"
	before=$(ticks "${PID[$app]}")
	result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" -H 'Accept: application/json' -s "$script" \
		"http://127.0.0.1:${PORTS[$app]}${URL[$1]}" -- "$2" | awk '/^RESULT/ { print $2, $5 }')
	after=$(ticks "${PID[$app]}")
	echo "$result" | awk -v t=$((after - before)) -v hz="$CLK_TCK" '{ printf "%.2f %d %d\n", t * 1e6 / hz / $1, $1, $2 }'
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1)"
echo "Heap used after a full GC at start: $(heap_after_gc) KB"
printf "flood\tround\trandom_us\tfixed_us\tratio\theap_kb\tbaseline_ratio\n" >"$OUT/rounds.tsv"
for flood in $FLOODS; do
	for app in "${APPS[@]}"; do
		run "$flood" random "$WARMUP" "$app" >/dev/null
		run "$flood" fixed "$WARMUP" "$app" >/dev/null
	done
	for round in $(seq 1 "$ROUNDS"); do
		baseline=-
		if [ "$BASELINE" = 1 ]; then
			read -r off_random _ _ < <(run "$flood" random "$SECONDS_RUN" off)
			read -r off_fixed _ _ < <(run "$flood" fixed "$SECONDS_RUN" off)
			baseline=$(awk -v a="$off_random" -v b="$off_fixed" 'BEGIN { printf "%.3f", a / b }')
		fi
		if [ $((round % 2)) = 1 ]; then
			read -r random _ errors < <(run "$flood" random "$SECONDS_RUN")
			read -r fixed _ _ < <(run "$flood" fixed "$SECONDS_RUN")
		else
			read -r fixed _ _ < <(run "$flood" fixed "$SECONDS_RUN")
			read -r random _ errors < <(run "$flood" random "$SECONDS_RUN")
		fi
		[ "$errors" = 0 ] || echo "  $flood round $round: $errors socket errors" >&2
		heap=$(heap_after_gc)
		awk -v f="$flood" -v r="$round" -v a="$random" -v b="$fixed" -v h="$heap" -v o="$baseline" \
			'BEGIN { printf "%s\t%d\t%s\t%s\t%.3f\t%s\t%s\n", f, r, a, b, a / b, h, o }' >>"$OUT/rounds.tsv"
	done
	jcmd "${PID[on]}" GC.class_histogram 2>/dev/null | head -n 25 >"$OUT/histo-$flood.txt" || true
done

{
	echo
	echo "| flood (random vs fixed value) | CPU per request, random / fixed (median [min-max]) | µs random / fixed | heap after full GC per round (KB) | without the starter, random / fixed |"
	echo "|---|---|---|---|---|"
	for flood in $FLOODS; do
		awk -F'\t' -v f="$flood" '
			function median(v, n,   i, j, t) {
				for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
				return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
			}
			$1 == f { n++; r[n] = $5; a += $3; b += $4; h = h sep $6; sep = ", "; if ($7 != "-") { m++; o[m] = $7 } }
			END {
				med = median(r, n)
				base = (m > 0) ? sprintf("%.2f [%.2f-%.2f]", median(o, m), o[1], o[m]) : "not run"
				printf "| %s | %.2f [%.2f-%.2f] | %.1f / %.1f | %s | %s |\n", f, med, r[1], r[n], a / n, b / n, h, base
			}' "$OUT/rounds.tsv"
	done
} | tee "$OUT/summary.md"
