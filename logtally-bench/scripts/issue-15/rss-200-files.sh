#!/bin/bash
# RSS of a hand-run `tail` over 200 files, through a given launcher (docs/BENCHMARKS.md, "Issue 15").
#   rss-200-files.sh LAUNCHER JAR LABEL     e.g. logtally-daemon/src/main/sh/logtally logtally-daemon/target/logtally.jar after
# Prints VmRSS/VmHWM of the JVM 2, 4 and 6 s after /metrics served all 400,000 lines.
set -u
launcher=$1; jar=$2; label=$3
logs=/tmp/rss15/logs
if [ ! -d $logs ]; then
  mkdir -p $logs
  python3 - <<'PY'
for f in range(200):
    with open(f'/tmp/rss15/logs/svc{f:03d}.log', 'w') as fh:
        for i in range(2000):
            fh.write('{"@timestamp":"2026-12-02T10:00:%02dZ","level":"%s","service":"svc%d","error_type":"e%d","method":"m%d","duration_ms":%d,"message":"%s"}\n' % (i % 60, "ERROR" if i % 10 == 0 else "INFO", f % 5, i % 7, i % 4, i % 300, "x" * 60))
PY
fi
st=$(mktemp -d); port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
LOGTALLY_JAR=$jar sh $launcher tail --path "$logs/*.log" --state-dir $st --listen 127.0.0.1:$port >/tmp/rss15-$label.out 2>&1 &
pid=$!
for i in $(seq 1 600); do
  v=$(curl -s 127.0.0.1:$port/metrics | awk '/^logtally_lines_total /{print $2}')
  [ "$v" = "400000" ] && break
  sleep 0.2
done
for k in 1 2 3; do sleep 2; echo "$label lines=$v rss_kb=$(awk '/VmRSS/{print $2}' /proc/$pid/status) hwm_kb=$(awk '/VmHWM/{print $2}' /proc/$pid/status)"; done
kill $pid; wait $pid 2>/dev/null; rm -rf $st
