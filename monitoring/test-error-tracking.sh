#!/usr/bin/env bash
# The manual check of a running error-tracking stack (docker-compose.yml, or your own):
#   1. the Pushgateway is healthy;
#   2. a test push is accepted (a marker gauge, and an error counter with logtally's name and type);
#   3. Prometheus has scraped that push from the Pushgateway;
#   4. the current metrics: what logtally pushed, error rates, firing alerts.
# The test group is deleted from the Pushgateway at the end. Exit status 0 when every step passed, 1 when
# one failed (the failed step says why), 2 on bad usage.
#
#   monitoring/test-error-tracking.sh [PUSHGATEWAY_URL [PROMETHEUS_URL]]
#
# Environment (arguments win): PUSHGATEWAY_URL (default http://localhost:9091), PROMETHEUS_URL (default
# http://localhost:9090), NAMESPACE (metric prefix, default loka_stratum), SCRAPE_TIMEOUT (seconds to
# wait for Prometheus to scrape the test push, default 60). Needs bash and curl.
set -uo pipefail

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
}
case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  -*) echo "test-error-tracking.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
esac
if [ $# -gt 2 ]; then
  echo "test-error-tracking.sh: at most two arguments, PUSHGATEWAY_URL and PROMETHEUS_URL" >&2
  exit 2
fi

PG="${1:-${PUSHGATEWAY_URL:-http://localhost:9091}}"
PROM="${2:-${PROMETHEUS_URL:-http://localhost:9090}}"
PG="${PG%/}"
PROM="${PROM%/}"
NS="${NAMESPACE:-loka_stratum}"
SCRAPE_TIMEOUT="${SCRAPE_TIMEOUT:-60}"
case "$SCRAPE_TIMEOUT" in
  '' | *[!0-9]*) echo "test-error-tracking.sh: SCRAPE_TIMEOUT must be a whole number of seconds, not '$SCRAPE_TIMEOUT'" >&2; exit 2 ;;
esac
command -v curl >/dev/null 2>&1 || { echo "test-error-tracking.sh: needs curl (apt-get install curl)" >&2; exit 2; }

JOB="logtally-selftest"
INSTANCE="$(hostname 2>/dev/null || echo host)-$$"
GROUP_URL="$PG/metrics/job/$JOB/instance/$INSTANCE"
MARKER="$(date +%s)"
CURL=(curl --silent --show-error --max-time 10)

ok() { printf '  ok    %s\n' "$1"; }
fail() {
  printf '  FAIL  %s\n' "$1"
  printf '\nFAILED at step %s: %s\n' "$STEP" "$1" >&2
  exit 1
}
step() {
  STEP="$1"
  printf '\n[%s] %s\n' "$1" "$2"
}
pushed=0
cleanup() {
  if [ "$pushed" -eq 1 ]; then
    "${CURL[@]}" --output /dev/null -X DELETE "$GROUP_URL" || true
  fi
}
trap cleanup EXIT

# A Prometheus instant query, URL-encoded by curl; prints the JSON answer.
query() {
  "${CURL[@]}" --get --data-urlencode "query=$1" "$PROM/api/v1/query"
}

echo "Checking the error-tracking stack: Pushgateway $PG, Prometheus $PROM"

step 1/4 "Pushgateway healthy"
if answer=$("${CURL[@]}" --fail "$PG/-/healthy" 2>&1); then
  ok "$PG/-/healthy answered: ${answer:-OK}"
else
  fail "the Pushgateway at $PG is not healthy: $answer"
fi

step 2/4 "Push test metrics (job=$JOB, instance=$INSTANCE)"
body="# TYPE logtally_selftest_marker gauge
logtally_selftest_marker $MARKER
# TYPE ${NS}_errors_total counter
${NS}_errors_total{error_type=\"selftest\",service=\"test-error-tracking\"} 1
"
if answer=$("${CURL[@]}" --write-out ' (HTTP %{http_code})' -X PUT --data-binary "$body" "$GROUP_URL" 2>&1) \
    && [[ "$answer" == *"(HTTP 200)" || "$answer" == *"(HTTP 202)" ]]; then
  pushed=1
  ok "PUT $GROUP_URL accepted: logtally_selftest_marker=$MARKER, ${NS}_errors_total{error_type=\"selftest\"}=1"
else
  fail "the Pushgateway refused the test push: $answer"
fi

step 3/4 "Prometheus scraped the test push (waiting up to ${SCRAPE_TIMEOUT}s)"
expr="logtally_selftest_marker{job=\"$JOB\",instance=\"$INSTANCE\"} == $MARKER"
deadline=$((SECONDS + SCRAPE_TIMEOUT))
while :; do
  answer=$(query "$expr" 2>&1)
  if [[ "$answer" == *'"status":"success"'* && "$answer" != *'"result":[]'* ]]; then
    ok "Prometheus has $expr"
    break
  fi
  if [[ "$answer" != *'"status":"success"'* ]]; then
    fail "Prometheus at $PROM did not answer the query: $answer"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    fail "Prometheus has not scraped the test push after ${SCRAPE_TIMEOUT}s: is the Pushgateway a scrape target (with honor_labels: true)? Last answer: $answer"
  fi
  sleep 1
done

step 4/4 "Current metrics"
echo "  On the Pushgateway (${NS}_*, logtally_*, push times; histogram buckets left out):"
if ! metrics=$("${CURL[@]}" --fail "$PG/metrics" 2>&1); then
  fail "cannot read $PG/metrics: $metrics"
fi
grep -E "^(${NS}_|logtally_|push_(failure_)?time_seconds)" <<<"$metrics" | grep -v -e "job=\"$JOB\"" -e '_bucket{' \
  | sed 's/^/    /' | grep . || echo "    (nothing pushed by logtally yet)"
for q in "sum by (job, service, error_type) (rate(${NS}_errors_total[5m]))" \
         "sum by (job) (rate(${NS}_request_duration_seconds_count[5m]))" \
         'sum by (alertname, severity, job, service) (ALERTS{alertstate="firing"})'; do
  echo "  Prometheus: $q"
  if ! answer=$(query "$q" 2>&1) || [[ "$answer" != *'"status":"success"'* ]]; then
    fail "Prometheus at $PROM did not answer '$q': $answer"
  fi
  # One line per series: {labels} value (no jq needed).
  lines=$(grep -o '"metric":{[^}]*},"value":\[[^]]*\]' <<<"$answer" \
    | sed -E 's/"metric":\{([^}]*)\},"value":\[[^,]*,"([^"]*)"\]/\1 = \2/; s/"([^"]+)":"([^"]*)"/\1="\2"/g')
  if [ -n "$lines" ]; then sed 's/^/    /' <<<"$lines"; else echo "    (none)"; fi
done

printf '\nAll checks passed.\n'
