#!/usr/bin/env bash
# Where the server's time goes on one endpoint: starts a benchmark variant with Java Flight Recorder, drives the
# endpoint with wrk and prints the hottest methods from the execution samples, by self time and inclusive.
#
# Usage: benchmarks/profile.sh [ok|notfound|invalid|noroute] [starter|off|boot|...]  (off: the starter's jar with
#        api.errors.enabled=false; baseline: BASELINE_JAR, an earlier build; the MVC variants are those of
#        benchmarks/variants.sh; run benchmarks/run.sh once first, or BUILD=1, so that the jars exist).
#        WebFlux variants: webflux-starter, webflux-boot, webflux-problem (run benchmarks/webflux.sh once first).
#        Knobs: SECONDS_RUN (20), TOP (25).
set -euo pipefail
cd "$(dirname "$0")/.."
ENDPOINT=${1:-notfound}
VARIANT=${2:-starter}
SECONDS_RUN=${SECONDS_RUN:-20}
TOP=${TOP:-25}
PORT=${PORT:-18199}
OUT=benchmarks/target/profile
mkdir -p "$OUT"

if [ "${BUILD:-0}" = 1 ]; then
	./mvnw -B -q -Pbenchmarks -pl benchmarks/app,benchmarks/app-starter,benchmarks/app-wimdeblauwe,benchmarks/app-webflux,benchmarks/app-webflux-starter -am package -DskipTests
fi
source benchmarks/variants.sh
case "$VARIANT" in
	webflux-starter) APP_JAR=benchmarks/app-webflux-starter/target/api-errors-bench-app-webflux-starter-$VERSION.jar APP_ARGS="" ;;
	webflux-boot) APP_JAR=benchmarks/app-webflux/target/api-errors-bench-app-webflux-$VERSION-exec.jar APP_ARGS="" ;;
	webflux-problem) APP_JAR=benchmarks/app-webflux/target/api-errors-bench-app-webflux-$VERSION-exec.jar APP_ARGS="--spring.webflux.problemdetails.enabled=true" ;;
	*)
		[ -n "${JAR[$VARIANT]:-}" ] || { echo "unknown variant $VARIANT" >&2; exit 1; }
		APP_JAR=${JAR[$VARIANT]} APP_ARGS=${ARGS[$VARIANT]} ;;
esac
case "$ENDPOINT" in
	ok) URL=/items/1 ;;
	notfound) URL=/items/0 ;;
	invalid) URL=/items ;;
	noroute) URL=/no/such/route ;;
	*) echo "unknown endpoint $ENDPOINT" >&2; exit 1 ;;
esac
SCRIPT=()
if [ "$ENDPOINT" = invalid ]; then
	SCRIPT=(-s benchmarks/wrk/invalid-body.lua)
fi

LOG=$OUT/$VARIANT-$ENDPOINT.log
# shellcheck disable=SC2086
java -Xms256m -Xmx256m -XX:FlightRecorderOptions=stackdepth=256 -jar "$APP_JAR" --server.port="$PORT" $APP_ARGS >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
	grep -q "Started [A-Za-z]*BenchApplication" "$LOG" && break
	sleep 0.2
done
wrk -t2 -c32 -d10s -H 'Accept: application/json' "${SCRIPT[@]}" "http://127.0.0.1:$PORT$URL" >/dev/null
jcmd "$APP" JFR.start name=errors settings=profile >/dev/null
wrk -t2 -c32 -d"${SECONDS_RUN}s" -H 'Accept: application/json' "${SCRIPT[@]}" "http://127.0.0.1:$PORT$URL" | grep Requests/sec
RECORDING=$OUT/$VARIANT-$ENDPOINT.jfr
jcmd "$APP" JFR.stop name=errors filename="$(pwd)/$RECORDING" >/dev/null

jfr print --stack-depth 256 --events jdk.ExecutionSample "$RECORDING" | awk -v top="$TOP" '
	/stackTrace = \[/ { inStack = 1; depth = 0; delete seen; samples++; next }
	inStack && /^[ \t]*\]/ { inStack = 0; next }
	inStack {
		frame = $0
		sub(/^[ \t]+/, "", frame); sub(/[ \t]+line:.*$/, "", frame); sub(/\(.*$/, "", frame)
		if (frame == "...") next
		if (depth == 0) self[frame]++
		if (!(frame in seen)) { inclusive[frame]++; seen[frame] = 1 }
		depth++
	}
	END {
		printf "%d samples\n\nSelf (top of stack):\n", samples
		n = 0; for (f in self) rows[++n] = sprintf("%6.1f%%  %s", self[f] * 100 / samples, f)
		sortPrint(rows, n, top)
		printf "\nInclusive:\n"
		delete rows; n = 0; for (f in inclusive) rows[++n] = sprintf("%6.1f%%  %s", inclusive[f] * 100 / samples, f)
		sortPrint(rows, n, top * 2)
	}
	function sortPrint(rows, n, limit,    i, j, t) {
		for (i = 2; i <= n; i++) { t = rows[i]; for (j = i - 1; j >= 1 && rows[j] + 0 < t + 0; j--) rows[j + 1] = rows[j]; rows[j + 1] = t }
		for (i = 1; i <= n && i <= limit; i++) print rows[i]
	}' | tee "$OUT/$VARIANT-$ENDPOINT.txt"
