#!/usr/bin/env bash
# The error paths' cost against the success path, measured inside each request: every approach's app is started
# with bench.cpu-probe=true (benchmarks/app CpuProbe) and driven by five wrk loads at the same time, one per case
# (GET /items/1 success, the typed 404 of GET /items/0, the invalid POST /items body, an unknown route, and a
# valid POST /items body answered 201), each naming its case in an X-Bench-Case header. The probe adds up, per
# case, the CPU time and the heap that the request's own thread spent between Tomcat's engine and the last byte of
# the response (everything the approaches do differently: the filters, the dispatcher, the error handling, the
# /error forward, the response finished and written). The cases share every second of every run in one JVM, so
# what the machine does meanwhile falls on all of them alike, and each run's ratio of a case to the success path
# is paired.
#
# The table gives each case's pipeline CPU per request as a multiple of the success path's, median [min-max] of
# the runs, and an estimate of the whole process's ratio, the measure of benchmarks/run.sh: the CPU per request
# outside the pipeline (parsing, the poller, GC and compiler threads; from /proc/<pid>/stat over the same runs,
# less the pipeline's share) is added to both sides, taken as the same for every case. The last two columns are
# the valid POST against the success path, and the invalid body against the valid one: the valid POST reads and
# validates the same kind of body, so the second is what the error handling of an invalid body costs over the
# request that passes validation, with the parsing and the validation on both sides.
#
# Usage: benchmarks/pipeline-cost.sh      (nothing else may use the machine meanwhile; about 12 minutes)
# Knobs: VARIANTS (boot problem advice wimdeblauwe starter; also off, floor, contract and baseline, see benchmarks/variants.sh),
#        RUNS (12), SECONDS_RUN (5), WARMUP (60 s per app), CONNECTIONS (2 per case),
#        CASES (ok typed404 invalid unknown valid: the loads to run at once), BUILD (1), JAVA_OPTS (-Xms256m -Xmx256m),
#        BASELINE_JAR (none: with a path, the variant "baseline" is that jar, an
#        earlier build of the starter's app, so that VARIANTS="baseline starter" measures a change against it).
# Results: printed and kept under benchmarks/target/pipeline-cost/ (runs.tsv, summary.md, one log per app).
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a VARIANTS <<<"${VARIANTS:-boot problem advice wimdeblauwe starter}"
RUNS=${RUNS:-12}
SECONDS_RUN=${SECONDS_RUN:-5}
WARMUP=${WARMUP:-60}
CONNECTIONS=${CONNECTIONS:-2}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m}
OUT=benchmarks/target/pipeline-cost
PORT=18197
CLK_TCK=$(getconf CLK_TCK)

if [ "${BUILD:-1}" = 1 ]; then
	./mvnw -B -q -o -Pbenchmarks -pl benchmarks/app,benchmarks/app-starter,benchmarks/app-wimdeblauwe -am package \
		-DskipTests
fi
source benchmarks/variants.sh
declare -A LABEL=([boot]="Boot default" [problem]="Boot ProblemDetails" [advice]="hand-written advice"
	[wimdeblauwe]="wimdeblauwe 5.0.0" [starter]="**api-errors**" [off]="api-errors jar, starter off"
	[floor]="floor: a constant answer"
	[contract]="floor with the starter's headers and bodies")
if [ -n "${BASELINE_JAR:-}" ]; then
	LABEL[baseline]="api-errors, baseline build"
fi
read -r -a CASES <<<"${CASES:-ok typed404 invalid unknown valid}"
declare -A PATH_OF=([ok]=/items/1 [typed404]=/items/0 [invalid]=/items [unknown]=/no/such/route [valid]=/items)

rm -rf "$OUT"
mkdir -p "$OUT"
cat benchmarks/wrk/summary.lua >"$OUT/get.lua"
cat benchmarks/wrk/summary.lua benchmarks/wrk/invalid-body.lua >"$OUT/post.lua"
cat benchmarks/wrk/summary.lua benchmarks/wrk/valid-body.lua >"$OUT/post-valid.lua"
APP=
trap '[ -n "$APP" ] && kill "$APP" 2>/dev/null || true' EXIT

ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
probe() { curl -s "http://127.0.0.1:$PORT/bench/cpu"; }

# load SECONDS: the cases at once, one wrk each, until all are done
load() {
	local pids=() name script
	for name in "${CASES[@]}"; do
		script=$OUT/get.lua
		[ "$name" = invalid ] && script=$OUT/post.lua
		[ "$name" = valid ] && script=$OUT/post-valid.lua
		wrk -t1 -c"$CONNECTIONS" -d"$1s" -H 'Accept: application/json' -H "X-Bench-Case: $name" -s "$script" \
			"http://127.0.0.1:$PORT${PATH_OF[$name]}" >/dev/null &
		pids+=($!)
	done
	wait "${pids[@]}"
}

printf "variant\trun\tcase\tpipeline_us\tbytes\trequests\tprocess_us\n" >"$OUT/runs.tsv"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | head -n 1)"
for variant in "${VARIANTS[@]}"; do
	# shellcheck disable=SC2086
	java $JAVA_OPTS -jar "${JAR[$variant]}" --server.port=$PORT --bench.cpu-probe=true ${ARGS[$variant]} \
		>"$OUT/$variant.log" 2>&1 &
	APP=$!
	for _ in $(seq 1 600); do
		grep -q "Started BenchApplication" "$OUT/$variant.log" && break
		sleep 0.2
	done
	echo "$variant: warm-up $WARMUP s, then $RUNS runs of $SECONDS_RUN s..."
	load "$WARMUP"
	for run in $(seq 1 "$RUNS"); do
		before=$(probe)
		ticks_before=$(ticks "$APP")
		load "$SECONDS_RUN"
		ticks_after=$(ticks "$APP")
		after=$(probe)
		# One line per case: the pipeline's µs and bytes per request, and the whole process's µs per request of
		# all cases together (the same value on each line of the run).
		awk -v v="$variant" -v r="$run" -v list="${CASES[*]}" -v t=$((ticks_after - ticks_before)) -v hz="$CLK_TCK" \
			-v before="$before" -v after="$after" 'BEGIN {
				n = split(before, b, "\n"); split(after, a, "\n")
				for (i = 1; i <= n; i++) {
					split(b[i], x, " "); split(a[i], y, " ")
					requests[x[1]] = y[4] - x[4]; nanos[x[1]] = y[2] - x[2]; bytes[x[1]] = y[3] - x[3]
				}
				process = t * 1e6 / hz / requests["all"]
				count = split(list, cases, " ")
				for (i = 1; i <= count; i++) {
					c = cases[i]; m = (requests[c] > 0) ? requests[c] : 1
					printf "%s\t%d\t%s\t%.3f\t%.0f\t%d\t%.3f\n", v, r, c, nanos[c] / 1e3 / m, bytes[c] / m, requests[c], process
				}
				m = (requests["all"] > 0) ? requests["all"] : 1
				printf "%s\t%d\tall\t%.3f\t%.0f\t%d\t%.3f\n", v, r, nanos["all"] / 1e3 / m, bytes["all"] / m, requests["all"], process
			}' >>"$OUT/runs.tsv"
	done
	kill "$APP" 2>/dev/null || true
	wait "$APP" 2>/dev/null || true
	APP=
done

# Per variant and case: median [min-max] over the runs of the case's pipeline CPU / the success path's, in the same
# run; and the estimate of the whole process's ratio, (outside + case) / (outside + ok), where outside is the
# process's CPU per request less the pipeline's, both over all cases of the run.
{
	echo "$(date -u +%Y-%m-%d), $RUNS runs of $SECONDS_RUN s per app, ${#CASES[@]} wrk -t1 -c$CONNECTIONS loads at once (${CASES[*]});"
	echo "pipeline thread CPU per request as a multiple of the success path's in the same run, median [min-max];"
	echo "in brackets after it the estimated whole-process ratio (the CPU outside the pipeline added to both sides)."
	echo
	echo "| approach | success, pipeline µs (process µs) | typed 404 | \`@Valid\` body | unknown route | valid POST | \`@Valid\` / valid POST |"
	echo "|---|---|---|---|---|---|---|"
	awk -F'\t' -v labels="$(for v in "${VARIANTS[@]}"; do printf '%s=%s;' "$v" "${LABEL[$v]}"; done)" '
		function median(list,   n, i, j, t, s, tmp) {
			split(list, s, " "); n = 0
			for (i in s) { n++; t[n] = s[i] + 0 }
			for (i = 2; i <= n; i++) for (j = i; j > 1 && t[j - 1] > t[j]; j--) { tmp = t[j]; t[j] = t[j - 1]; t[j - 1] = tmp }
			lo = t[1]; hi = t[n]
			return (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
		}
		NR == 1 { next }
		{ us[$1, $2, $3] = $4; have[$3] = 1; process[$1, $2] = $7; if (!($1 in seen)) { seen[$1] = 1; order[++count] = $1 } runs[$1] = $2 }
		END {
			split(labels, l, ";"); for (i in l) { split(l[i], kv, "="); label[kv[1]] = kv[2] }
			for (k = 1; k <= count; k++) {
				v = order[k]; okl = ""; pl = ""
				for (r = 1; r <= runs[v]; r++) { okl = okl " " us[v, r, "ok"]; pl = pl " " process[v, r] }
				line = sprintf("| %s | %.1f (%.1f) |", label[v], median(okl), median(pl))
				split("typed404 invalid unknown valid invalid", cases, " ")
				split("ok ok ok ok valid", bases, " ")
				for (c = 1; c <= 5; c++) {
					if (!(cases[c] in have) || !(bases[c] in have)) { line = line " – |"; continue }
					ratios = ""; estimates = ""
					for (r = 1; r <= runs[v]; r++) {
						outside = process[v, r] - us[v, r, "all"]
						ratios = ratios " " us[v, r, cases[c]] / us[v, r, bases[c]]
						estimates = estimates " " (outside + us[v, r, cases[c]]) / (outside + us[v, r, bases[c]])
					}
					m = median(ratios); mlo = lo; mhi = hi
					line = line sprintf(" %.2f× [%.2f-%.2f] (%.2f×) |", m, mlo, mhi, median(estimates))
				}
				print line
			}
		}' "$OUT/runs.tsv"
} | tee "$OUT/summary.md"
