#!/usr/bin/env bash
# Sets up (JDK >= 21, MNIST) and runs every test: `scripts/test.sh [extra mvn args]`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bash scripts/fetch-mnist.sh
bash scripts/fetch-optdigits.sh   # optional (non-MNIST handwriting test); warns and goes on without it
bash scripts/fetch-fonts.sh       # the fonts the default recipe trains on and the font tests draw
mvn -B -ntp -Dstyle.color=never verify "$@"
