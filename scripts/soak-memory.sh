#!/usr/bin/env bash
# Memory soak of the service as a small board runs it: `run --http` on a 640x480 raw stream at
# 30 fps with the service unit's JVM options, clients polling every page and POST /predict, RSS
# sampled every 30 s. Passes when RSS stays within 10 % of its value after the first 5 minutes and
# at most 150 MB, with no error and no skipped frame; writes the samples as CSV and a curve (PNG).
#   scripts/soak-memory.sh [MINUTES [JAVA_OPTIONS]]
#     (default 30 minutes; options default to those of deploy/raspberry-pi/lenet-edge.service)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh > /dev/null
MINUTES=${1:-30}
UNIT=deploy/raspberry-pi/lenet-edge.service
# The JVM options the Pi's unit ships: everything between java and -jar on its ExecStart line.
DEFAULT_OPTS=$(sed -n 's:^ExecStart=/usr/bin/java \(.*\) -jar .*:\1:p' "$UNIT")
OPTS=${2:-$DEFAULT_OPTS}
JAR=edge-runtime/target/edge-runtime.jar
TESTKIT=testkit/target/testkit.jar
[[ -f $JAR && -f $TESTKIT ]] || mvn -B -q package -DskipTests -Dstyle.color=never -pl edge-runtime,testkit -am
bash scripts/fetch-mnist.sh > /dev/null
OUT=target/soak
rm -rf "$OUT"
mkdir -p "$OUT"
# copies, so that a build during the soak cannot change the jars under the running JVM
cp "$JAR" "$OUT/edge-runtime.jar"
cp "$TESTKIT" "$OUT/testkit.jar"
JAR=$OUT/edge-runtime.jar
TESTKIT=$OUT/testkit.jar
# the unit's environment too (MALLOC_ARENA_MAX)
while read -r kv; do
  [[ $kv == *=* && $kv != *"/var/"* ]] && export "${kv?}"
done < <(sed -n 's/^Environment=//p' "$UNIT")
java -jar "$TESTKIT" camera --mnist data/mnist --frames 300 --seed 30 --raw "$OUT/clip.raw" --out "$OUT/unused" 2> /dev/null
PREDICT_IMAGE=$OUT/predict.pgm
head -c $((640 * 480 * 7)) "$OUT/clip.raw" | tail -c $((640 * 480)) > "$OUT/frame.gray"
{ printf 'P5\n640 480\n255\n'; cat "$OUT/frame.gray"; } > "$PREDICT_IMAGE"

# The source: the clip over and over, as a camera would give it; the cache folder the unit's
# CacheDirectory= gives, so the native libraries and the class archive are those of a service.
export CACHE_DIRECTORY=$PWD/$OUT/cache
mkdir -p "$CACHE_DIRECTORY"
# shellcheck disable=SC2086
(while true; do cat "$OUT/clip.raw"; done) | java ${OPTS//\/var\/cache\/lenet-edge/$CACHE_DIRECTORY} \
  -jar "$JAR" run --source raw:-:640x480 --fps 30 --http 127.0.0.1:0 --print none \
  > "$OUT/run.jsonl" 2> "$OUT/run.err" &
sleep 1
PID=$(pgrep -n -f "edge-runtime.jar run --source raw:-:640x480") || { cat "$OUT/run.err" >&2; exit 1; }
cleanup() { kill "$PID" 2> /dev/null || true; pkill -P $$ 2> /dev/null || true; }
trap cleanup EXIT
URL=""
for _ in $(seq 1 120); do
  URL=$(grep -o 'http://127.0.0.1:[0-9]*/' "$OUT/run.err" | head -1 || true)
  [[ -n $URL ]] && break
  sleep 0.5
done
[[ -n $URL ]] || { echo "FAIL: the live view never came up" >&2; cat "$OUT/run.err" >&2; exit 1; }

# Clients: every page about twice a second, /predict once a second.
(while true; do
  for page in "" state.json frame.jpg input.png metrics healthz; do
    curl -sf -o /dev/null "$URL$page" || echo "GET /$page failed $(date +%T)" >> "$OUT/client-errors.txt"
  done
  sleep 0.5
done) &
(while true; do
  curl -sf -o /dev/null --data-binary "@$PREDICT_IMAGE" "${URL}predict" \
    || echo "POST /predict failed $(date +%T)" >> "$OUT/client-errors.txt"
  sleep 1
done) &

echo "seconds,rss_mb,heap_used_mb,frames" > "$OUT/rss.csv"
start=$SECONDS
while (( SECONDS - start < MINUTES * 60 )); do
  sleep 30
  kill -0 "$PID" 2> /dev/null || { echo "FAIL: the runtime stopped" >&2; tail "$OUT/run.err" >&2; exit 1; }
  rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status")
  frames=$(curl -sf "${URL}metrics" | awk '$1 == "lenet_edge_frames_total" {print $2}')
  # young and old generation in use (the first two "used NK" of the heap summary)
  heap=$(jcmd "$PID" GC.heap_info 2> /dev/null | grep -o 'used [0-9]*K' | head -2 | tr -dc '0-9\n' \
    | awk '{s += $1} END {print s + 0}' || true)
  printf '%d,%.1f,%s,%s\n' $((SECONDS - start)) "$(echo "$rss_kb" | awk '{print $1 / 1024}')" \
    "$(awk -v k="${heap:-0}" 'BEGIN {printf "%.1f", k / 1024}')" "${frames:-0}" >> "$OUT/rss.csv"
done
curl -sf "${URL}metrics" > "$OUT/metrics.txt"
jcmd "$PID" VM.native_memory summary > "$OUT/native-memory.txt" 2> /dev/null || true
cleanup
trap - EXIT

java -cp "$TESTKIT" io.lenetedge.testkit.SoakReport "$OUT/rss.csv" "$OUT/metrics.txt" \
  "${OUT}/client-errors.txt" docs/memory-soak.png \
  "$MINUTES min, $([[ $OPTS == "$DEFAULT_OPTS" ]] && echo "the JVM options of $UNIT" || echo "$OPTS")"
