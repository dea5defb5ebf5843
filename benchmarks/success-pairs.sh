#!/usr/bin/env bash
# The starter's cost on the success path over many pairs of processes. One pair of processes carries an offset of
# its own (each JVM compiles the hot path its own way), and more runs of that pair do not shrink it: the A/A runs
# of success-cost.sh showed up to 0.56 µs (1.35 %) between two processes of the same jar. So this script starts
# PROCESSES pairs of processes of each kind, one after the other, each for RUNS paired runs of
# `PROBE=1 benchmarks/success-cost.sh`:
#   starter  the benchmark app with the starter against the same jar with api.errors.enabled=false;
#   control  the starter's jar against itself (an A/A pair: what an offset between processes alone looks like).
# The kinds take turns (starter, control, starter, control, ...), so a drift of the machine over the half hour
# falls on both, and every other pair of each kind is started the other way round (SWAP=1: the app without the
# starter first, on the other port).
# From each pair of processes it keeps the median over its runs of the request thread's CPU per request inside the
# request (starter side minus the other side, in µs and as a share of the other side's whole-process CPU per
# request). Across the pairs of one kind it prints the mean with its 95 % confidence interval (Student's t over
# the pairs, each pair one sample), the median and the range. The starter's cost is the starter pairs' mean; the
# control pairs' mean shows what the method reads when there is nothing to find, and their spread the offsets.
#
# Usage: benchmarks/success-pairs.sh      (nothing else may use the machine meanwhile; about 55 minutes)
# Knobs: PROCESSES (8 pairs of each kind), RUNS (10 runs of 5 s per pair), WARMUP (60 s per pair), BUILD (0),
#        KINDS (starter control).
# Results: printed and kept under benchmarks/target/success-pairs/ (processes.tsv, summary.txt, one log per pair).
set -euo pipefail
cd "$(dirname "$0")/.."
PROCESSES=${PROCESSES:-8}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-60}
read -r -a KINDS <<<"${KINDS:-starter control}"
OUT=benchmarks/target/success-pairs
PAIRS_TSV=benchmarks/target/success-cost/pairs.tsv
rm -rf "$OUT"
mkdir -p "$OUT"
if [ "${BUILD:-0}" = 1 ]; then
	./mvnw -B -q -o -Pbenchmarks -pl benchmarks/app,benchmarks/app-starter -am package -DskipTests
fi

# median COLUMN-EXPRESSION: the median over the runs of the last success-cost.sh call
median() {
	awk -F'\t' "NR > 1 { print $1 }" "$PAIRS_TSV" | sort -g | awk '{ v[NR] = $1 }
		END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

printf "kind\tprocess_pair\tswap\tinside_us\tinside_share_pct\twhole_process_pct\tstarter_side_us\n" >"$OUT/processes.tsv"
echo "$PROCESSES pairs of processes of each kind (${KINDS[*]}), $RUNS runs of 5 s each after $WARMUP s of warm-up..."
for i in $(seq 1 "$PROCESSES"); do
	swap=$(((i + 1) % 2))
	for kind in "${KINDS[@]}"; do
		control=0
		[ "$kind" = control ] && control=1
		PROBE=1 SWAP=$swap CONTROL=$control PAIRS=$RUNS WARMUP=$WARMUP BUILD=0 benchmarks/success-cost.sh \
			>"$OUT/$kind-$i.txt" 2>&1 || { cat "$OUT/$kind-$i.txt" >&2; exit 1; }
		printf "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\n" "$kind" "$i" "$swap" "$(median '$5 - $7')" \
			"$(median '100 * ($5 - $7) / $3')" "$(median '100 * ($4 - 1)')" "$(median '$5')" >>"$OUT/processes.tsv"
		tail -n 1 "$OUT/processes.tsv"
	done
done

# Per kind: mean, 95 % CI of the mean (Student's t with n - 1 degrees of freedom), median and range over the pairs.
awk -F'\t' '
	function t975(df) {
		split("12.71 4.30 3.18 2.78 2.57 2.45 2.36 2.31 2.26 2.23 2.20 2.18 2.16 2.14 2.13 2.12 2.11 2.10 2.09 2.09", t, " ")
		return (df <= 20) ? t[df] : 2.04
	}
	function report(kind, column, unit, title,   n, i, j, s, ss, mean, sd, half, tmp, v) {
		n = count[kind]
		for (i = 1; i <= n; i++) { v[i] = value[kind, i, column]; s += v[i] }
		mean = s / n
		for (i = 1; i <= n; i++) ss += (v[i] - mean) ^ 2
		sd = (n > 1) ? sqrt(ss / (n - 1)) : 0
		half = (n > 1) ? t975(n - 1) * sd / sqrt(n) : 0
		for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { tmp = v[j]; v[j] = v[j - 1]; v[j - 1] = tmp }
		printf "  %s: mean %+.2f %s (95 %% CI %+.2f .. %+.2f), median %+.2f, range %+.2f .. %+.2f, sd %.2f\n",
			title, mean, unit, mean - half, mean + half, (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2,
			v[1], v[n], sd
	}
	NR == 1 { next }
	{ n = ++count[$1]; value[$1, n, 4] = $4; value[$1, n, 5] = $5; value[$1, n, 6] = $6; side[$1] += $7
		if (!($1 in seen)) { seen[$1] = 1; kinds[++k] = $1 } }
	END {
		for (i = 1; i <= k; i++) {
			kind = kinds[i]
			label = (kind == "control") ? "A/A control (the starter against itself)" : "the starter against the same jar with api.errors.enabled=false"
			printf "%s, %d pairs of processes (first side %.2f µs inside the request on average):\n", label, count[kind], side[kind] / count[kind]
			report(kind, 4, "µs", "inside the request, first side minus second")
			report(kind, 5, "%", "the same as a share of the request'"'"'s whole-process CPU")
			report(kind, 6, "%", "whole process, paired ratio")
		}
	}' "$OUT/processes.tsv" | tee "$OUT/summary.txt"
