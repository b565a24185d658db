#!/usr/bin/env bash
# What each data source of the training recipe costs in epoch time, as ratios to MNIST alone in
# one run: the six recipes are trained in turn, ROUNDS times interleaved, EPOCHS epochs each, and
# each recipe's median epoch time is set against MNIST alone's.
#   scripts/recipe-costs.sh [ROUNDS [EPOCHS]]      (default 2 rounds of 2 epochs: about 6 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh > /dev/null
ROUNDS=${1:-2}
EPOCHS=${2:-2}
JAR=trainer/target/trainer.jar
[[ -f $JAR ]] || mvn -B -q package -DskipTests -Dstyle.color=never -pl trainer -am
bash scripts/fetch-mnist.sh > /dev/null
bash scripts/fetch-fonts.sh > /dev/null
OUT=target/recipe-costs
rm -rf "$OUT"
mkdir -p "$OUT"
names=(mnist distort styles fonts scans enlarged)
declare -A flags=(
  [mnist]="--no-distort --no-styles --no-fonts --scan-share 0"
  [distort]="--no-styles --no-fonts --scan-share 0"
  [styles]="--no-fonts --scan-share 0"
  [fonts]="--scan-share 0"
  [scans]=""
  [enlarged]="--enlarged-share 0.1"
)
for round in $(seq 1 "$ROUNDS"); do
  for name in "${names[@]}"; do
    # shellcheck disable=SC2086
    java $LENET_JAVA_OPTS -jar "$JAR" train --data data/mnist --out "$OUT/$name-$round" --no-progress \
      --epochs "$EPOCHS" ${flags[$name]} 2> /dev/null | awk '$1 ~ /^[0-9]+$/ {print $6}' >> "$OUT/$name.seconds"
  done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
base=$(median "$OUT/mnist.seconds")
printf '%-44s %8s %6s\n' recipe "epoch s" ratio
for name in "${names[@]}"; do
  m=$(median "$OUT/$name.seconds")
  case $name in
    mnist) label="MNIST (shifts, rotations, scaling)" ;;
    distort) label="+ elastic, slant, stroke width, coarse" ;;
    styles) label="+ style variants" ;;
    fonts) label="+ font digits" ;;
    scans) label="+ scanned digits (the default recipe)" ;;
    enlarged) label="+ enlarged digits (--enlarged-share 0.1)" ;;
  esac
  printf '%-44s %8.1f %6.2f\n' "$label" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {print a / b}')"
done
echo "($ROUNDS rounds of $EPOCHS epochs each, interleaved; medians of $((ROUNDS * EPOCHS)) epochs per recipe)"
