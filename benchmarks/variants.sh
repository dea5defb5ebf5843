# shellcheck shell=bash
# The MVC variants of the benchmark app, shared by run.sh, pipeline-cost.sh and profile.sh (sourced from the
# repository's root): the jar each approach runs and the arguments it is started with. "off" is the starter's jar
# with api.errors.enabled=false; "floor" is the plain app throwing its 404 without a stack trace and answering every
# error with a constant body from the first exception resolver (ConstantAnswerResolver), the cheapest answer Spring
# MVC allows; "contract" is the floor writing the starter's headers and bodies as constants (the wire contract's own
# cost); with BASELINE_JAR set, "baseline" is that jar, an earlier build of the starter's
# app, started with the starter on. Each script keeps its own labels.
VERSION=0.1.0-SNAPSHOT
PLAIN_JAR=benchmarks/app/target/api-errors-bench-app-$VERSION-exec.jar
STARTER_JAR=benchmarks/app-starter/target/api-errors-bench-app-starter-$VERSION.jar
WIM_JAR=benchmarks/app-wimdeblauwe/target/api-errors-bench-app-wimdeblauwe-$VERSION.jar
# shellcheck disable=SC2034 # used by the scripts that source this file
declare -A JAR=([boot]=$PLAIN_JAR [problem]=$PLAIN_JAR [advice]=$PLAIN_JAR [wimdeblauwe]=$WIM_JAR
	[starter]=$STARTER_JAR [off]=$STARTER_JAR [floor]=$PLAIN_JAR [contract]=$PLAIN_JAR)
# shellcheck disable=SC2034
declare -A ARGS=([boot]="" [problem]="--spring.mvc.problemdetails.enabled=true" [advice]="--spring.profiles.active=advice"
	[wimdeblauwe]="" [starter]="" [off]="--api.errors.enabled=false" [floor]="--spring.profiles.active=floor"
	[contract]="--spring.profiles.active=floor --bench.floor.contract=true")
if [ -n "${BASELINE_JAR:-}" ]; then
	JAR[baseline]=$BASELINE_JAR
	ARGS[baseline]=""
fi
