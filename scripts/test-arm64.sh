#!/usr/bin/env bash
# The device jar on emulated Raspberry Pi CPUs: runs the slim edge-runtime-linux-aarch64.jar under
# qemu-user as a Cortex-A72 (Pi 4) and a Cortex-A76 (Pi 5), on an arm64 Debian root with Debian's
# Java 21, and holds every answer against the x86 jar's on the same inputs: the same digits and
# texts, probabilities within 1e-5, the same eval accuracy. Any difference or crash fails, naming
# the input.
#   scripts/test-arm64.sh            (about 10 minutes here; the root is built once into .cache/)
# Skips with a notice when qemu-user-static or debootstrap are missing (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh > /dev/null

if ! command -v qemu-aarch64-static > /dev/null || ! command -v debootstrap > /dev/null; then
  echo "arm64 check skipped: qemu-aarch64-static or debootstrap is missing" \
    "(sudo apt-get install qemu-user-static debootstrap)"
  exit 0
fi

X86_JAR=edge-runtime/target/edge-runtime-linux-x64.jar
ARM_JAR=edge-runtime/target/edge-runtime-linux-aarch64.jar
TESTKIT=testkit/target/testkit.jar
if [[ ! -f $X86_JAR || ! -f $ARM_JAR || ! -f $TESTKIT ]]; then
  echo "building the slim jars and the testkit" >&2
  mvn -B -q install -DskipTests -Dstyle.color=never -pl edge-runtime,testkit -am
fi
scripts/fetch-mnist.sh > /dev/null
ROOT=$(scripts/arm64-root.sh)
# Pi4J's mock provider (a test dependency, not in the device jar) for the GPIO board under emulation
PI4J_VERSION=$(sed -n 's:.*<pi4j.version>\(.*\)</pi4j.version>.*:\1:p' pom.xml)
MOCK_JAR=$HOME/.m2/repository/com/pi4j/pi4j-plugin-mock/$PI4J_VERSION/pi4j-plugin-mock-$PI4J_VERSION.jar
[[ -f $MOCK_JAR ]] || mvn -B -q dependency:get -Dartifact="com.pi4j:pi4j-plugin-mock:$PI4J_VERSION" -Dtransitive=false
ARM_JAVA=$ROOT/usr/lib/jvm/java-21-openjdk-arm64/bin/java
WORK=target/arm64-check
rm -rf "$WORK"
mkdir -p "$WORK/in"
# copies, so that a build while the check runs cannot change the jars under it
cp "$X86_JAR" "$ARM_JAR" "$TESTKIT" "$WORK/"
X86_JAR=$WORK/${X86_JAR##*/}
ARM_JAR=$WORK/${ARM_JAR##*/}
TESTKIT=$WORK/${TESTKIT##*/}
started=$SECONDS

# Inputs of every kind the tests use: scaled digits (28 to 280 px, both polarities, sharp and
# blurred), thin and thick pens, held-out fonts when fetched, a camera clip (as pictures and as a
# raw stream), pages of numbers and a meter strip.
tk() { java -jar "$TESTKIT" "$@" --mnist data/mnist --seed 14 2> /dev/null; }
tk scaled --count 2 --out "$WORK/in/digits/scaled"
tk pens --count 15 --out "$WORK/in/digits/pens"
tk camera --frames 30 --out "$WORK/in/digits/camera"
tk camera --frames 60 --raw "$WORK/in/camera.raw" --out "$WORK/in/unused"
if [[ -d data/fonts ]]; then
  tk fonts --fonts data/fonts --role handwriting-held-out --per-digit 2 --out "$WORK/in/digits/fonts"
fi
tk pages --count 6 --out "$WORK/in/pages"
tk meter --strips 1 --frames 12 --out "$WORK/in/meter"
METER=$WORK/in/meter/strip-01
DIGITS_SPEC=$(sed -n 's/^digits=//p' "$METER/edge.properties")
mapfile -t DIGIT_PICTURES < <(find "$WORK/in/digits" -name '*.png' | sort)
PREDICT_IMAGE=$(find "$WORK/in/pages" -name 'page-0001.png')
echo "inputs: ${#DIGIT_PICTURES[@]} digit pictures, $(find "$WORK/in" -name '*.png' | wc -l) in all, 60 raw frames" \
  "($((SECONDS - started)) s)"

# Board descriptions qemu serves from the root (-L) in place of the host's x86 ones; ONNX
# Runtime's CPU probe reads them while its library loads.
describe_cpu() {
  local part=$1 cpuinfo=""
  for n in 0 1 2 3; do
    cpuinfo+=$'processor\t: '$n$'\nBogoMIPS\t: 108.00\nFeatures\t: fp asimd evtstrm crc32 cpuid\n'
    cpuinfo+=$'CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x0\n'
    cpuinfo+=$'CPU part\t: '$part$'\nCPU revision\t: 3\n\n'
  done
  printf '%s' "$cpuinfo" > "$ROOT/proc/cpuinfo"
  for f in possible present online; do echo 0-3 > "$ROOT/sys/devices/system/cpu/$f"; done
}

# answers NAME JAVA... : every answer of one platform into $WORK/NAME.
answers() {
  local name=$1
  shift
  local out=$WORK/$name
  local jar=$X86_JAR
  if [[ $name != x86 ]]; then jar=$ARM_JAR; fi
  mkdir -p "$out"
  local t0=$SECONDS
  local java=("$@" -Xmx256m -jar "$jar")
  "${java[@]}" info > "$out/info.txt" 2> "$out/info.err" || fail "$name: info" "$out/info.err"
  "${java[@]}" classify --json --top 10 "${DIGIT_PICTURES[@]}" > "$out/digits.jsonl" 2> "$out/digits.err" \
    || fail "$name: classify digits" "$out/digits.err"
  "${java[@]}" classify --json --read number "$WORK/in/pages" > "$out/pages.jsonl" 2> "$out/pages.err" \
    || fail "$name: classify --read number" "$out/pages.err"
  "${java[@]}" classify --json --digits "$DIGITS_SPEC" "$METER" > "$out/meter.jsonl" 2> "$out/meter.err" \
    || fail "$name: classify --digits" "$out/meter.err"
  "${java[@]}" eval --images data/mnist/t10k-images-idx3-ubyte --labels data/mnist/t10k-labels-idx1-ubyte \
    > "$out/eval.txt" 2> "$out/eval.err" || fail "$name: eval" "$out/eval.err"
  grep -o 'accuracy[^,]*' "$out/eval.txt" | head -1 > "$out/accuracy.txt" || true
  "${java[@]}" run --source "raw:-:640x480" --read auto < "$WORK/in/camera.raw" > "$out/raw.jsonl" \
    2> "$out/raw.err" || fail "$name: run --source raw:-" "$out/raw.err"
  # The demo with the live view: /healthz and /predict asked while it runs.
  "${java[@]}" run --source demo --max-frames 300 --fps 10 --read auto --http 127.0.0.1:0 \
    > "$out/demo.jsonl" 2> "$out/demo.err" &
  local pid=$! url=""
  for _ in $(seq 1 240); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$out/demo.err" | head -1 || true)
    if [[ -n $url ]] && curl -sf "${url}healthz" > "$out/healthz.txt" 2> /dev/null; then break; fi
    if ! kill -0 "$pid" 2> /dev/null; then fail "$name: run --source demo --http" "$out/demo.err"; fi
    sleep 0.5
  done
  [[ -s $out/healthz.txt ]] || fail "$name: /healthz never answered" "$out/demo.err"
  curl -sf --data-binary "@$PREDICT_IMAGE" "${url}predict?read=number" > "$out/predict.jsonl" \
    || fail "$name: POST /predict" "$out/demo.err"
  echo >> "$out/predict.jsonl"
  wait "$pid" || fail "$name: run --source demo --http" "$out/demo.err"
  # The GPIO board (7-segment display, LED) on Pi4J's mock provider: the same digits, dark at the end.
  local mocked=("$@" -Xmx256m -Dedge.gpio.provider=mock -cp "$jar:$MOCK_JAR" io.lenetedge.edge.Launcher)
  "${mocked[@]}" run --source demo --gpio --max-frames 40 > "$out/gpio.jsonl" 2> "$out/gpio.err" || fail "$name: run --gpio (mock)" "$out/gpio.err"
  grep -q 'gpio: outputs off (a=LOW' "$out/gpio.err" || fail "$name: GPIO outputs not dark at the end" "$out/gpio.err"
  "${java[@]}" bench --iterations 300 --warmup 50 > "$out/bench.txt" 2> "$out/bench.err" \
    || fail "$name: bench" "$out/bench.err"
  echo "$name: answered in $((SECONDS - t0)) s ($(cat "$out/accuracy.txt"))"
}

fail() {
  echo "FAIL arm64 check: $1 (exit or crash; its stderr follows)" >&2
  tail -20 "$2" >&2 || true
  exit 1
}

# same NAME FILE: the file's answers of NAME equal x86's.
same() {
  java -cp "$TESTKIT" io.lenetedge.testkit.AnswerDiff "$WORK/x86/$2" "$WORK/$1/$2" 1e-5 latency_us \
    || { echo "FAIL arm64 check: $1 answers differently from x86 in $2" >&2; exit 1; }
}

answers x86 java
grep -q . "$WORK/x86/accuracy.txt" || fail "x86: eval printed no accuracy" "$WORK/x86/eval.txt"
for board in "pi4 cortex-a72 0xd08" "pi5 cortex-a76 0xd0b"; do
  read -r name cpu part <<< "$board"
  describe_cpu "$part"
  answers "$name" qemu-aarch64-static -cpu "$cpu" -L "$ROOT" "$ARM_JAVA"
  grep -q 'aarch64' "$WORK/$name/info.txt" \
    || { echo "FAIL arm64 check: $name: info does not name aarch64" >&2; cat "$WORK/$name/info.txt" >&2; exit 1; }
  for f in digits.jsonl pages.jsonl meter.jsonl raw.jsonl demo.jsonl predict.jsonl gpio.jsonl accuracy.txt; do
    same "$name" "$f"
  done
  grep -q 'p50' "$WORK/$name/bench.txt" \
    || { echo "FAIL arm64 check: $name: bench printed no latency" >&2; exit 1; }
done
# Cold start on the emulated Pi 4 beside x86's (emulation slows it; the ratio is what counts):
# `classify` of one picture, plainly and with the service unit's JVM options (class archive, C1).
UNIT_OPTS=$(sed -n 's:^ExecStart=/usr/bin/java \(.*\) -jar .*:\1:p' deploy/raspberry-pi/lenet-edge.service)
one=$(find "$WORK/in/digits/camera" -name '*.png' | sort | head -1)
cold() {  # cold NAME JAR JAVA... : p50 ms of 3 starts, plain and with the unit's options
  local name=$1 jar=$2
  shift 2
  local archive=$WORK/cds-${jar##*/}.jsa plain=() unit=()
  # shellcheck disable=SC2086
  "$@" ${UNIT_OPTS//\/var\/cache\/lenet-edge\/edge-runtime.jsa/$archive} -jar "$jar" classify --ep cpu "$one" \
    > /dev/null 2>&1  # makes the archive
  for _ in 1 2 3; do
    local t0
    t0=$(date +%s%N)
    "$@" -jar "$jar" classify --ep cpu "$one" > /dev/null 2>&1
    plain+=($((($(date +%s%N) - t0) / 1000000)))
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    "$@" ${UNIT_OPTS//\/var\/cache\/lenet-edge\/edge-runtime.jsa/$archive} -jar "$jar" classify --ep cpu "$one" \
      > /dev/null 2>&1
    unit+=($((($(date +%s%N) - t0) / 1000000)))
  done
  local p u
  p=$(printf '%s\n' "${plain[@]}" | sort -n | sed -n 2p)
  u=$(printf '%s\n' "${unit[@]}" | sort -n | sed -n 2p)
  echo "cold start, $name: classify one picture p50 $p ms plain, $u ms with the service's options" \
    "($(awk -v a="$u" -v b="$p" 'BEGIN {printf "%.2f", a / b}')x)"
}
cold x86 "$X86_JAR" java
describe_cpu 0xd08
cold "pi4 (emulated Cortex-A72)" "$ARM_JAR" qemu-aarch64-static -cpu cortex-a72 -L "$ROOT" "$ARM_JAVA"

count() { grep -c . "$WORK/x86/$1"; }
echo "arm64 check passed: Pi 4 (Cortex-A72) and Pi 5 (Cortex-A76) emulated give x86's answers on" \
  "$(count digits.jsonl) pictures, $(count pages.jsonl) pages, $(count meter.jsonl) meter frames," \
  "$(count raw.jsonl) raw frames, $(count demo.jsonl) demo frames with /healthz and /predict," \
  "$(count gpio.jsonl) frames driving the GPIO board (mock provider), and" \
  "MNIST test ($(cat "$WORK/x86/accuracy.txt")); $((SECONDS - started)) s"
