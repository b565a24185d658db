#!/usr/bin/env bash
# Sets up (JDK >= 21, MNIST, fonts), builds, and trains the default recipe:
#   scripts/train.sh [NAME [trainer train options...]]   -> runs/NAME (default: runs/default)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/fetch-mnist.sh
bash scripts/fetch-fonts.sh   # the default recipe also trains on digits drawn from fonts
mvn -B -ntp -q package -DskipTests
name=${1:-default}
shift || true
exec java $LENET_JAVA_OPTS -jar trainer/target/trainer.jar train --data data/mnist --out "runs/$name" "$@"
