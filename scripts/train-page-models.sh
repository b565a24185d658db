#!/usr/bin/env bash
# Makes the number reader's two page models (models/README.md) from pages of MNIST training
# digits, as the runtime prepares them, and exports them next to the digit model:
#   scripts/train-page-models.sh [OUT_DIR]   (default: models; about 25 minutes on 2 cores)
# the piece verifier: is a piece of a glyph one digit, a fragment or several merged?
# the page digit model: which digit is a whole piece, seen at its line's scale?
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh
out=${1:-models}
bash scripts/fetch-mnist.sh
mvn -B -ntp -q package -DskipTests
train=(--no-augment --no-styles --no-fonts --no-distort --epochs 20 --val-size 10000 --no-progress --force)
page_model() { # NAME KIND SEED [extra trainer options]
  local name=$1 kind=$2 seed=$3
  shift 3
  java "$LENET_JAVA_OPTS" -jar testkit/target/testkit.jar pieces --mnist data/mnist --kind "$kind" \
    --pages 12000 --seed "$seed" --out "data/pieces-$kind"
  java "$LENET_JAVA_OPTS" -jar trainer/target/trainer.jar train --data "data/pieces-$kind" \
    --out "runs/$name" "${train[@]}" "$@"
  java "$LENET_JAVA_OPTS" -jar exporter/target/exporter.jar --checkpoint "runs/$name" \
    --data "data/pieces-$kind" --out "$out/$name.onnx"
}
page_model piece-verifier verifier 31
page_model page-digits digits 41
