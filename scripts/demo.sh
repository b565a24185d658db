#!/usr/bin/env bash
# Sets up (JDK >= 21), builds the edge runtime with the embedded model, and runs the camera loop
# on the bundled demo clip: scripts/demo.sh [more `run` options, e.g. --smooth 3]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mvn -B -ntp -q -Dstyle.color=never -pl edge-runtime -am package -DskipTests
exec java -jar edge-runtime/target/edge-runtime.jar run --source demo "$@"
