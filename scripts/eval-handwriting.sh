#!/usr/bin/env bash
# Measures a model on every set of "any handwriting at any size" in one run, each through the same
# preparation as classify: MNIST test (IDX, as it is), MNIST test digits rescaled x1 ... x10
# (bilinear and bicubic, both polarities, sharp and blurred), thin and thick pens, held-out
# handwriting and printed fonts, optdigits (13 writers, 8x8 counts drawn back), MNIST test digits
# scanned as optdigits was (8x8 blocks, drawn back the same way) and a hand-held
# camera clip with blank frames; then finetune on 10 pictures per digit of one held-out font
# (Because We Learn) and measure that font's other pictures and MNIST test with the result. Sets
# are generated from SEED; results/handwriting-SEED.txt keeps the lines printed.
#   scripts/eval-handwriting.sh [SEED] [MODEL]      (defaults: 20261202, the embedded model)
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-20261202}"
model="${2:-}"
# shellcheck source=scripts/env.sh
source scripts/env.sh
bash scripts/fetch-mnist.sh
bash scripts/fetch-fonts.sh
bash scripts/fetch-optdigits.sh
mvn -B -ntp -q -Dstyle.color=never -pl testkit,edge-runtime,exporter -am package -DskipTests
sets="target/handwriting-$seed"
rm -rf "$sets"
kit() { java -jar testkit/target/testkit.jar "$@"; }
kit scaled --mnist data/mnist --count 1000 --seed "$seed" --out "$sets/scaled"
kit pens --mnist data/mnist --count 300 --seed "$seed" --out "$sets/pens"
kit fonts --fonts data/fonts --role handwriting-held-out --per-digit 40 --seed "$seed" --out "$sets/handwriting-fonts"
kit fonts --fonts data/fonts --role printed-held-out --per-digit 40 --seed "$seed" --out "$sets/printed-fonts"
if [ -f data/optdigits/digits.csv.gz ]; then
  kit optdigits --file data/optdigits/digits.csv.gz --out "$sets/optdigits"
fi
kit scans --mnist data/mnist --count 10000 --out "$sets/scans"
kit camera --mnist data/mnist --frames 300 --seed "$seed" --out "$sets/camera"
# the user's hand: 10 pictures per digit of one held-out font to learn from, its others to test
kit fonts --fonts data/fonts --role handwriting-held-out --per-digit 200 --seed "$seed" --out "$sets/font-all"
font=BecauseWeLearn-Regular
for d in 0 1 2 3 4 5 6 7 8 9; do
  mkdir -p "$sets/finetune-train/$d" "$sets/finetune-test/$d"
  mapfile -t pics < <(find "$sets/font-all/$d" -name "$font-*" | sort)
  cp "${pics[@]:0:10}" "$sets/finetune-train/$d/"
  cp "${pics[@]:10}" "$sets/finetune-test/$d/"
done
args=()
if [ -n "$model" ]; then
  args=(--model "$model")
fi
run_eval() { java -jar edge-runtime/target/edge-runtime.jar eval "${args[@]}" "$@"; }
mkdir -p results
out="results/handwriting-$seed.txt"
{
  echo "# scripts/eval-handwriting.sh $seed ${model:-(embedded model)}, $(date -u +%Y-%m-%d)"
  run_eval --images data/mnist/t10k-images-idx3-ubyte --labels data/mnist/t10k-labels-idx1-ubyte | grep '^accuracy'
  run_eval --images "$sets/scaled" | grep '^accuracy'
  for s in pens handwriting-fonts printed-fonts optdigits scans camera finetune-test; do
    if [ -d "$sets/$s" ]; then
      run_eval --images "$sets/$s" | grep '^accuracy'
    fi
  done
  if [ -z "$model" ] && [ -f runs/default/checkpoint.json ]; then
    start=$(date +%s%N)
    java -jar trainer/target/trainer.jar finetune --from runs/default --extra "$sets/finetune-train" \
      --out "$sets/finetuned" --force --no-progress > /dev/null
    echo "finetune on $font, 10 per digit: $(( ($(date +%s%N) - start) / 1000000 )) ms"
    java -jar exporter/target/exporter.jar --checkpoint "$sets/finetuned" --out "$sets/finetuned.onnx" \
      2>&1 | grep '^wrote'
    args=(--model "$sets/finetuned.onnx")
    run_eval --images "$sets/finetune-test" | grep '^accuracy' | sed 's/^/finetuned: /'
    run_eval --images data/mnist/t10k-images-idx3-ubyte --labels data/mnist/t10k-labels-idx1-ubyte \
      | grep '^accuracy' | sed 's/^/finetuned: /'
  fi
} | tee "$out"
