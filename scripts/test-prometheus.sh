#!/usr/bin/env bash
# The runtime's /metrics under a real Prometheus, and the shipped monitoring kit against it:
#   - deploy/prometheus/prometheus.yml and alerts.yml pass `promtool check config` / `check rules`;
#     deploy/grafana/lenet-edge.json is valid JSON (scripts/JsonCheck.java);
#   - a running runtime (an endless raw camera stream at 15 fps, --http on a free loopback port)
#     serves an exposition that `promtool check metrics` accepts without a word;
#   - every lenet_edge_* metric the dashboard and the alerts name is in that exposition;
#   - a Prometheus of its own (a config written here: a 1 s scrape of that port, the shipped
#     alerts.yml) scrapes it: its HTTP API returns the frame counter (rising between two queries)
#     and the stage histogram; the alert rules load and evaluate with none firing or pending;
#     every query of the dashboard answers with data; and once the runtime stops, LenetEdgeDown
#     goes pending.
#   scripts/test-prometheus.sh      (about 30 s; needs the built jars: scripts/test.sh)
# Skips with a notice when prometheus or promtool are missing (.ci/run installs Debian's).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh > /dev/null

if ! command -v prometheus > /dev/null || ! command -v promtool > /dev/null; then
  echo "prometheus check skipped: prometheus or promtool is missing (sudo apt-get install prometheus)"
  exit 0
fi
command -v curl > /dev/null || { echo "prometheus check: curl is missing (sudo apt-get install curl)" >&2; exit 1; }

JAR=edge-runtime/target/edge-runtime.jar
TESTKIT=testkit/target/testkit.jar
DASHBOARD=deploy/grafana/lenet-edge.json
SCRAPE=deploy/prometheus/prometheus.yml
ALERTS=deploy/prometheus/alerts.yml
for f in "$JAR" "$TESTKIT"; do
  [[ -f $f ]] || { echo "prometheus check: $f is missing: build the jars first (scripts/test.sh)" >&2; exit 1; }
done
for f in "$DASHBOARD" "$SCRAPE" "$ALERTS"; do
  [[ -f $f ]] || { echo "prometheus check: $f is missing" >&2; exit 1; }
done
scripts/fetch-mnist.sh > /dev/null
started=$SECONDS

work=$(mktemp -d "${TMPDIR:-/tmp}/lenet-prometheus.XXXXXX")
runtime_pid=""
feeder_pid=""
prometheus_pid=""
# stop PID...: ends these children of this script (empty ones skipped) and waits for them.
stop() {
  local pid
  for pid in "$@"; do
    if [[ -n $pid ]]; then kill "$pid" 2> /dev/null || true; fi
  done
  for pid in "$@"; do
    if [[ -n $pid ]]; then wait "$pid" 2> /dev/null || true; fi
  done
}
cleanup() {
  # The feeder also ends by itself once the runtime is gone (its cat gets EPIPE).
  stop "$prometheus_pid" "$runtime_pid" "$feeder_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
  echo "prometheus check: FAIL: $*" >&2
  local log
  for log in "$work/runtime.log" "$work/prometheus.log"; do
    if [[ -s $log ]]; then
      echo "--- last lines of ${log##*/}:" >&2
      tail -n 15 "$log" >&2
    fi
  done
  exit 1
}

# until_ok SECONDS WHAT COMMAND...: runs COMMAND every half second until it succeeds; fails
# naming WHAT after SECONDS.
until_ok() {
  local limit=$1 what=$2
  shift 2
  local end=$((SECONDS + limit))
  until "$@"; do
    ((SECONDS < end)) || fail "no $what within $limit s"
    sleep 0.5
  done
}

# --- The shipped files, on their own ------------------------------------------------------------
out=$(promtool check config "$SCRAPE" 2>&1) || { printf '%s\n' "$out" >&2; fail "promtool check config $SCRAPE"; }
out=$(promtool check rules "$ALERTS" 2>&1) || { printf '%s\n' "$out" >&2; fail "promtool check rules $ALERTS"; }
grep -Eq '^ *- job_name: *"?lenet-edge"? *(#.*)?$' "$SCRAPE" \
  || fail "$SCRAPE has no job_name lenet-edge (the alerts and the dashboard select job=\"lenet-edge\")"
mapfile -t alert_names < <(sed -n 's/^ *- alert: *\([A-Za-z0-9_]*\).*/\1/p' "$ALERTS")
((${#alert_names[@]} > 0)) || fail "no '- alert:' rules in $ALERTS"
# The dashboard's queries, decoded from its JSON (which JsonCheck checks on the way)
java scripts/JsonCheck.java "$DASHBOARD" expr > "$work/queries.txt" || fail "$DASHBOARD is not valid JSON (above)"
mapfile -t dashboard_queries < "$work/queries.txt"
((${#dashboard_queries[@]} > 0)) || fail "no \"expr\" queries in $DASHBOARD"

# --- The runtime, on an endless camera stream ---------------------------------------------------
# copies, so that a build while the check runs cannot change the jar under it
cp "$JAR" "$TESTKIT" "$work/"
java -jar "$work/${TESTKIT##*/}" camera --mnist data/mnist --frames 60 --seed 5 \
  --raw "$work/frames.raw" --out "$work/unused" > /dev/null 2>&1 || fail "testkit camera failed"
mkfifo "$work/frames.fifo"
: > "$work/runtime.log"
java "$LENET_JAVA_OPTS" -Xmx128m -jar "$work/${JAR##*/}" run --source raw:-:640x480 --fps 15 \
  --http 127.0.0.1:0 --print none < "$work/frames.fifo" > /dev/null 2> "$work/runtime.log" &
runtime_pid=$!
# The clip over and over; `cat` fails once the runtime is gone, and the loop ends with it.
while cat "$work/frames.raw"; do :; done > "$work/frames.fifo" 2> /dev/null &
feeder_pid=$!

runtime_url() {
  kill -0 "$runtime_pid" 2> /dev/null || fail "the runtime exited"
  url=$(sed -n 's|.*live view: \(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$work/runtime.log" | head -n 1)
  [[ -n $url ]]
}
until_ok 60 "live view URL in the runtime's log" runtime_url
port=${url##*:}
metrics_frames() {
  curl -fsS --max-time 5 "$url/metrics" > "$work/metrics.txt" 2> /dev/null || return 1
  grep -Eq '^lenet_edge_frames_total [1-9]' "$work/metrics.txt"
}
until_ok 60 "processed frame on $url/metrics" metrics_frames

# The exposition, as promtool sees it: it prints lint problems and exits 3 on any, and a parse
# error exits 1; either fails, and anything it prints is shown.
if lint=$(promtool check metrics < "$work/metrics.txt" 2>&1); then lint_rc=0; else lint_rc=$?; fi
[[ -z $lint ]] || printf 'promtool check metrics says:\n%s\n' "$lint" >&2
((lint_rc == 0)) || fail "promtool check metrics exited $lint_rc on $url/metrics"

# Every lenet_edge_* metric that the dashboard and the alerts name must be in the exposition; a
# _bucket, _sum or _count series counts as its histogram's (or summary's) base name.
mapfile -t used < <(grep -ohE 'lenet_edge_[a-z_]+' "$DASHBOARD" "$ALERTS" | sort -u)
missing=()
for name in "${used[@]}"; do
  if grep -q "^# TYPE $name " "$work/metrics.txt"; then continue; fi
  case $name in
    *_bucket) base=${name%_bucket} types=histogram ;;
    *_sum | *_count) base=${name%_*} types='(histogram|summary)' ;;
    *) missing+=("$name"); continue ;;
  esac
  grep -Eq "^# TYPE $base $types\$" "$work/metrics.txt" || missing+=("$name")
done
((${#missing[@]} == 0)) || fail "metrics used by $DASHBOARD or $ALERTS but not on /metrics: ${missing[*]}"
mapfile -t metric_names < <(printf '%s\n' "${used[@]}" | sed -E 's/_(bucket|sum|count)$//' | sort -u)

# --- Prometheus of its own ----------------------------------------------------------------------
cat > "$work/prometheus.yml" << EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files:
  - $PWD/$ALERTS
scrape_configs:
  - job_name: lenet-edge
    static_configs:
      - targets: ['127.0.0.1:$port']
EOF
out=$(promtool check config "$work/prometheus.yml" 2>&1) || { printf '%s\n' "$out" >&2; fail "promtool check config on the test's own config"; }

port_taken() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
prometheus_ready() {
  kill -0 "$prometheus_pid" 2> /dev/null || return 2
  curl -fsS --max-time 2 "$prom/-/ready" > /dev/null 2>&1
}
for attempt in 1 2 3 4 5; do
  prom_port=$((20000 + RANDOM % 40000))
  port_taken "$prom_port" && continue
  prom=http://127.0.0.1:$prom_port
  rm -rf "$work/tsdb"
  prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
    --web.listen-address="127.0.0.1:$prom_port" > "$work/prometheus.log" 2>&1 &
  prometheus_pid=$!
  end=$((SECONDS + 30))
  rc=0
  until prometheus_ready || { rc=$?; ((rc == 2)); }; do
    ((SECONDS < end)) || fail "Prometheus was not ready on $prom within 30 s"
    sleep 0.5
  done
  ((rc == 2)) || break
  wait "$prometheus_pid" 2> /dev/null || true
  prometheus_pid=""
  grep -q 'address already in use' "$work/prometheus.log" || fail "Prometheus exited"
  ((attempt < 5)) || fail "no free port for Prometheus in 5 tries"
done

# query PROMQL: the API's JSON answer to an instant query, into $answer; fails unless
# "status":"success".
query() {
  answer=$(curl -fsS -G --max-time 5 --data-urlencode "query=$1" "$prom/api/v1/query" 2>&1) \
    || fail "query $1: $answer"
  [[ $answer == *'"status":"success"'* ]] || fail "query $1: $answer"
}
# series: how many series $answer holds; value: the value of its first one.
series() { grep -o '"metric":' <<< "$answer" | wc -l; }
value() { sed -n 's/^[^]]*"value":\[[^,]*,"\([^"]*\)"\].*/\1/p' <<< "$answer"; }
scraped() {
  query 'lenet_edge_frames_total{job="lenet-edge"} > 0'
  (($(series) >= 1))
}
until_ok 60 "lenet_edge_frames_total > 0 from Prometheus" scraped

query 'lenet_edge_frames_total{job="lenet-edge"}'
v1=$(value)
sleep 3
query 'lenet_edge_frames_total{job="lenet-edge"}'
v2=$(value)
awk -v a="$v1" -v b="$v2" 'BEGIN { exit !(b > a) }' \
  || fail "lenet_edge_frames_total did not rise in 3 s ($v1, then $v2)"
query 'up{job="lenet-edge"}'
[[ $(value) == 1 ]] || fail "up{job=\"lenet-edge\"} is not 1: $answer"
query 'count_over_time(lenet_edge_frames_total{job="lenet-edge"}[10m])'
samples=$(value)

stages=$(grep -o '^lenet_edge_stage_seconds_count{stage="[a-z]*"' "$work/metrics.txt" | sort -u | wc -l)
query 'lenet_edge_stage_seconds_bucket{job="lenet-edge", stage="infer"}'
buckets=$(series)
((buckets >= 2)) || fail "lenet_edge_stage_seconds_bucket{stage=\"infer\"}: $buckets series: $answer"
query 'histogram_quantile(0.5, sum by (stage, le) (rate(lenet_edge_stage_seconds_bucket{job="lenet-edge"}[30s])))'
quantiles=$(series)
((quantiles == stages && stages >= 4)) \
  || fail "median per stage: $quantiles series for $stages stages on /metrics: $answer"
[[ $answer != *NaN* ]] || fail "median per stage: NaN in $answer"

# The shipped alert rules: all loaded, all evaluated without an error, none firing or pending.
rules_ok() {
  curl -fsS --max-time 5 "$prom/api/v1/rules" > "$work/rules.json" 2> /dev/null || return 1
  [[ $(grep -o '"health":"ok"' "$work/rules.json" | wc -l) -eq ${#alert_names[@]} ]]
}
until_ok 30 "evaluation of all ${#alert_names[@]} rules with health ok" rules_ok
for name in "${alert_names[@]}"; do
  grep -q "\"name\":\"$name\"" "$work/rules.json" || fail "alert $name is not in /api/v1/rules"
done
loaded=$(grep -o '"type":"alerting"' "$work/rules.json" | wc -l)
((loaded == ${#alert_names[@]})) || fail "$loaded alerting rules loaded, $ALERTS has ${#alert_names[@]}"
active=$(curl -fsS --max-time 5 "$prom/api/v1/alerts")
[[ $active == *'"alerts":[]'* ]] || fail "alerts active on a healthy device: $active"

# Every query of the dashboard, for all devices ($instance as Grafana's "All": .+), answers with
# at least one series.
for q in "${dashboard_queries[@]}"; do
  query "${q//\$instance/.+}"
  (($(series) >= 1)) || fail "dashboard query answered no data: $q"
done

# A device that stops: LenetEdgeDown goes pending (it fires after its 2 minutes).
stop "$runtime_pid" "$feeder_pid"
runtime_pid=""
feeder_pid=""
down_pending() {
  query 'ALERTS{alertname="LenetEdgeDown", alertstate="pending", job="lenet-edge"}'
  (($(series) == 1))
}
until_ok 20 "pending LenetEdgeDown after the runtime stopped" down_pending

echo "prometheus check passed: scraped $samples samples of lenet_edge_frames_total (value $v2)," \
  "stage histogram with $quantiles series ($buckets infer buckets), ${#alert_names[@]} alerts loaded" \
  "(none active while up, LenetEdgeDown pending once down), dashboard's ${#dashboard_queries[@]} queries" \
  "answered, ${#metric_names[@]} metrics used, all exist ($((SECONDS - started)) s)"
