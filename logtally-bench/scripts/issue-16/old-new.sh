#!/bin/bash
# Replay and tail throughput of two logtally jars, alternating in one run (docs/BENCHMARKS.md, "Issue 16").
#   [COPIES=N] old-new.sh OLD_JAR NEW_JAR [ROUNDS]
# COPIES (default 1) makes the input N copies of the 2,000,000 lines, so that start-up and JIT weigh less.
# Each round runs both jars (the order flips every round), each doing
#   replay: `replay FILE` over one file of 2,000,000 drop-in-like lines (467 MB), to /dev/null;
#   tail:   `tail --path FILE --listen ...` until /metrics counts all 2,000,000 lines.
# The figure is the process's CPU seconds (user + system; JVM start and JIT included), less noisy than wall
# time on a shared machine; wall seconds are printed too. The replay outputs of the two jars are compared once.
# Run it under `flock /tmp/jmh.lock` so that no benchmark runs beside it.
set -euo pipefail
old=$(realpath "$1"); new=$(realpath "$2"); rounds=${3:-5}
copies=${COPIES:-1}; lines=$((2000000 * copies))
dir=/tmp/tp16; log=$dir/app.log
mkdir -p $dir
if [ ! -f $dir/one.log ]; then
  python3 "$(dirname "$0")/../tail-log.py" $dir/one.log
fi
if [ "$(cat $dir/copies 2>/dev/null)" != "$copies" ]; then
  for c in $(seq 1 $copies); do cat $dir/one.log; done > $log
  echo $copies > $dir/copies
fi
tck=$(getconf CLK_TCK)

replay() {  # JAR LABEL
  local out=$dir/replay-$2.txt
  /usr/bin/time -f "%e %U %S" -o $dir/time.txt java -Xmx256m -XX:+UseSerialGC -jar "$1" replay $log --namespace loka_stratum > $out 2>/dev/null
  read -r wall u s < $dir/time.txt
  echo "replay $2 wall=$wall cpu=$(echo "$u + $s" | bc) load=$(cut -d' ' -f1 /proc/loadavg)"
}

tail_run() {  # JAR LABEL
  local st; st=$(mktemp -d)
  local port; port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  printf 'checkpoint.interval = 200ms\n' > $st/props
  local t0; t0=$(date +%s.%N)
  java -Xmx128m -XX:+UseSerialGC -jar "$1" tail --path $log --state-dir $st/state --listen 127.0.0.1:$port --config $st/props >/dev/null 2>&1 &
  local pid=$! deadline=$((SECONDS + 600)) v=""
  while [ $SECONDS -lt $deadline ]; do
    v=$(curl -s 127.0.0.1:$port/metrics | awk -v n=$lines '/^logtally_lines_total /{print ($2 + 0 == n) ? "all" : $2}') || true
    [ "$v" = "all" ] && break
    sleep 0.05
  done
  local t1; t1=$(date +%s.%N)
  local ut st2; read -r ut st2 <<<"$(awk '{print $14, $15}' /proc/$pid/stat)"
  kill $pid; wait $pid 2>/dev/null || true; rm -rf $st
  [ "$v" = "all" ] || { echo "tail $2: never counted all $lines lines (last: $v)"; return 1; }
  echo "tail $2 wall=$(echo "$t1 - $t0" | bc) cpu=$(echo "scale=2; ($ut + $st2) / $tck" | bc) load=$(cut -d' ' -f1 /proc/loadavg)"
}

echo "nproc=$(nproc) old=$old new=$new rounds=$rounds lines=$lines start=$(date -u +%FT%TZ) load=$(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 $rounds); do
  if [ $((r % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
  for which in $order; do
    jar=$old; [ $which = new ] && jar=$new
    replay $jar $which
    tail_run $jar $which
  done
done
if cmp -s $dir/replay-old.txt $dir/replay-new.txt; then echo "replay outputs: identical"; else echo "replay outputs: DIFFER"; fi
echo "end=$(date -u +%FT%TZ)"
