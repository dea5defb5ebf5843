#!/usr/bin/env bash
# Where the starter's cost on the success path goes: the benchmark app with the starter and the same jar with
# api.errors.enabled=false, started side by side, warmed up and driven at the same time by two identical wrk loads
# on GET /items/1 while async-profiler samples both on CPU time (its ctimer mode, which needs no perf events).
# Prints both processes' CPU per request (from /proc/<pid>/stat) and, from the samples, the share of the starter's
# own code: samples whose innermost frame of the starter (dev.apierrors, not the benchmark app) is not calling on
# into the rest of the filter chain, grouped by that frame, and the frames that differ most between the two apps.
# EVENT=alloc profiles the heap allocated instead (async-profiler's alloc mode, one sample per ALLOC_INTERVAL
# bytes, weighted by size), so every figure is bytes, and also prints the allocated types whose bytes per request
# differ most between the two apps.
#
# BASELINE_JAR=path compares two builds instead: the "off" side runs that jar with the starter on, so that a change
# to the starter can be profiled against the build before it (copy the benchmark jar aside before rebuilding).
# BASELINE_ARGS gives that side its arguments: with the plain app's jar and --spring.profiles.active=floor it is the
# floor of benchmarks/variants.sh, so that URL_PATH=/items/0 profiles the starter's typed 404 against the cheapest
# answer Spring MVC allows.
#
# Usage: benchmarks/success-profile.sh      (nothing else may use the machine meanwhile; about 2 minutes)
# Knobs: SECONDS_RUN (30), WARMUP (40), CONNECTIONS (4 per wrk), INTERVAL (1ms), BUILD (0), TOP (15),
#        JAVA_OPTS (-Xms256m -Xmx256m), URL_PATH (/items/1), EVENT (ctimer or alloc), ALLOC_INTERVAL (64k),
#        BASELINE_JAR (none), BASELINE_ARGS (none).
# async-profiler (tools.profiler:async-profiler:4.1, linux-x64) is fetched from Maven Central on the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${SECONDS_RUN:-30}
WARMUP=${WARMUP:-40}
CONNECTIONS=${CONNECTIONS:-4}
INTERVAL=${INTERVAL:-1ms}
EVENT=${EVENT:-ctimer}
ALLOC_INTERVAL=${ALLOC_INTERVAL:-64k}
TOP=${TOP:-15}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m}
URL_PATH=${URL_PATH:-/items/1}
OUT=benchmarks/target/success-profile
JAR=benchmarks/app-starter/target/api-errors-bench-app-starter-0.1.0-SNAPSHOT.jar
PROFILER=benchmarks/target/async-profiler
LIB=$(pwd)/$PROFILER/linux-x64/libasyncProfiler.so
mkdir -p "$OUT"

if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
	./mvnw -B -q -o -Pbenchmarks -pl benchmarks/app,benchmarks/app-starter -am package -DskipTests
fi
if [ ! -f "$LIB" ]; then
	./mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 \
		-DoutputDirectory="$PROFILER"
	(cd "$PROFILER" && unzip -oq async-profiler-4.1-linux-x64.jar 'linux-x64/*')
fi

declare -A PID PORT=([on]=18194 [off]=18195)
declare -A ARGS=([on]="" [off]="--api.errors.enabled=false") JARS=([on]="$JAR" [off]="$JAR")
if [ -n "${BASELINE_JAR:-}" ]; then
	ARGS[off]=${BASELINE_ARGS:-} JARS[off]=$BASELINE_JAR
	echo "off: $BASELINE_JAR ${BASELINE_ARGS:-with the starter on}"
fi
trap 'for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for name in on off; do
	# shellcheck disable=SC2086
	java $JAVA_OPTS -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar "${JARS[$name]}" \
		--server.port="${PORT[$name]}" ${ARGS[$name]} >"$OUT/$name.log" 2>&1 &
	PID[$name]=$!
done
for name in on off; do
	for _ in $(seq 1 600); do
		grep -q "Started BenchApplication" "$OUT/$name.log" && break
		sleep 0.2
	done
done

ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
drive() { # drive NAME SECONDS: wrk against one app, its request count into $OUT/requests-NAME
	wrk -t1 -c"$CONNECTIONS" -d"$2s" -H 'Accept: application/json' -s benchmarks/wrk/summary.lua \
		"http://127.0.0.1:${PORT[$1]}$URL_PATH" | awk '/^RESULT/ { print $2 }' >"$OUT/requests-$1"
}
both() {
	local a b
	drive on "$1" &
	a=$!
	drive off "$1" &
	b=$!
	wait "$a" "$b"
}
# jcmd reads key=value arguments as its own: the agent's options go in quotes.
agent() { jcmd "${PID[$1]}" JVMTI.agent_load "$LIB" "\"$2\"" >/dev/null; }

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1)"
START="start,event=ctimer,interval=$INTERVAL" STOP=collapsed UNIT=samples PER=1000 PER_LABEL="1,000 requests"
if [ "$EVENT" = alloc ]; then
	START="start,event=alloc,alloc=$ALLOC_INTERVAL,total" STOP=collapsed,total UNIT=bytes PER=1 PER_LABEL=request
fi
echo "Warm-up $WARMUP s, then $SECONDS_RUN s profiled ($START), wrk -t1 -c$CONNECTIONS per app..."
both "$WARMUP"
for name in on off; do agent "$name" "$START"; done
declare -A BEFORE AFTER
for name in on off; do BEFORE[$name]=$(ticks "${PID[$name]}"); done
both "$SECONDS_RUN"
for name in on off; do AFTER[$name]=$(ticks "${PID[$name]}"); done
for name in on off; do agent "$name" "stop,file=$(pwd)/$OUT/$name.collapsed,$STOP"; done

CLK_TCK=$(getconf CLK_TCK)
for name in on off; do
	awk -v t=$((AFTER[$name] - BEFORE[$name])) -v n="$(cat "$OUT/requests-$name")" -v hz="$CLK_TCK" -v app="$name" \
		'BEGIN { printf "%-3s %d requests, %.1f µs CPU per request\n", app, n, t * 1e6 / hz / n }'
done | tee "$OUT/summary.txt"

# The starter's own samples: innermost starter frame, unless what it calls is the rest of the chain or Tomcat's
# output stream (writing a body and committing the response is the platform's work, whoever writes).
awk -v top="$TOP" -v unit="$UNIT" '
	{
		n = $NF; total += n
		frames = substr($0, 1, length($0) - length(n) - 1)
		k = split(frames, f, ";")
		deepest = 0
		for (i = 1; i <= k; i++) if (f[i] ~ /^dev\/apierrors\// && f[i] !~ /^dev\/apierrors\/bench\//) deepest = i
		if (!deepest) next
		for (i = deepest + 1; i <= k; i++) if (f[i] ~ /FilterChain\.doFilter|HttpServlet\.service|CoyoteOutputStream\.write/) next
		own += n; by[f[deepest]] += n
	}
	END {
		printf "starter: %.0f of %.0f %s (%.2f %%) in its own code\n", own, total, unit, 100 * own / total
		for (m in by) printf "%8.0f %6.2f %%  %s\n", by[m], 100 * by[m] / total, m | "sort -rn | awk \"NR <= " top "\""
	}' "$OUT/on.collapsed" | tee -a "$OUT/summary.txt"

# Inclusive samples per frame and request, with the starter against without: where the two differ most.
echo "frames with the largest difference in $UNIT per $PER_LABEL (with, without, difference):" | tee -a "$OUT/summary.txt"
awk -v ron="$(cat "$OUT/requests-on")" -v roff="$(cat "$OUT/requests-off")" -v per="$PER" '
	FNR == 1 { side = (FILENAME ~ /on\.collapsed$/) ? "on" : "off" }
	{
		n = $NF
		frames = substr($0, 1, length($0) - length(n) - 1)
		k = split(frames, f, ";")
		delete seen
		for (i = 1; i <= k; i++) if (!(f[i] in seen)) { seen[f[i]] = 1; inc[side, f[i]] += n; names[f[i]] = 1 }
	}
	END {
		for (m in names) {
			a = inc["on", m] * per / ron; b = inc["off", m] * per / roff
			d = a - b; printf "%9.2f %9.2f %+9.2f  %s\n", a, b, d, m
		}
	}' "$OUT/on.collapsed" "$OUT/off.collapsed" | sort -k3,3gr | awk -v top="$TOP" 'NR <= top' | tee -a "$OUT/summary.txt"

if [ "$EVENT" = alloc ]; then
	# The allocated type is the innermost frame of each stack.
	echo "allocated types with the largest difference in bytes per request (with, without, difference):" | tee -a "$OUT/summary.txt"
	awk -v ron="$(cat "$OUT/requests-on")" -v roff="$(cat "$OUT/requests-off")" -v top="$TOP" '
		FNR == 1 { side = (FILENAME ~ /on\.collapsed$/) ? "on" : "off" }
		{
			n = $NF
			k = split(substr($0, 1, length($0) - length(n) - 1), f, ";")
			bytes[side, f[k]] += n; names[f[k]] = 1; total[side] += n
		}
		END {
			printf "%9.1f %9.1f %+9.1f  all types\n", total["on"] / ron, total["off"] / roff, total["on"] / ron - total["off"] / roff
			for (m in names) {
				a = bytes["on", m] / ron; b = bytes["off", m] / roff
				printf "%9.1f %9.1f %+9.1f  %s\n", a, b, a - b, m | "sort -k3,3gr | awk \"NR <= " top "\""
			}
		}' "$OUT/on.collapsed" "$OUT/off.collapsed" | tee -a "$OUT/summary.txt"
fi
