#!/usr/bin/env bash
# Reads generated pages of handwritten numbers three ways in one run and prints them side by side:
# this runtime (--read number), the textbook way (flattened light, Otsu, connected components, the
# same model) and Tesseract 5 (digits whitelist, --psm 6); then the runtime's own eval of the same
# pages and of generated meter strips.
#   scripts/compare-number-readers.sh [SEED] [PAGES]      (defaults: 20261201, 250)
# Installs Debian's tesseract-ocr when it is missing and this shell may (root); compares without it
# otherwise. Results: results/number-readers-SEED.json.
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-20261201}"
count="${2:-250}"
# shellcheck source=scripts/env.sh
source scripts/env.sh
bash scripts/fetch-mnist.sh
if ! command -v tesseract >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tesseract-ocr
  else
    echo "notice: tesseract-ocr is not installed (sudo apt-get install tesseract-ocr); comparing without it" >&2
  fi
fi
mvn -B -ntp -q -Dstyle.color=never -Pbench -pl testkit,benchmarks -am package -DskipTests
pages="target/number-pages-$seed"
meter="target/meter-strips-$seed"
rm -rf "$pages" "$meter"
java -jar testkit/target/testkit.jar pages --mnist data/mnist --count "$count" --seed "$seed" --out "$pages"
java -jar testkit/target/testkit.jar meter --mnist data/mnist --strips 6 --frames 60 --seed "$seed" --out "$meter"
mkdir -p results
java "$LENET_JAVA_OPTS" -cp benchmarks/target/benchmarks.jar io.lenetedge.benchmarks.NumberReaders \
  --pages "$pages" --json "results/number-readers-$seed.json"
java -jar edge-runtime/target/edge-runtime.jar eval --pages "$pages"
java -jar edge-runtime/target/edge-runtime.jar eval --meter "$meter"
