#!/bin/bash
# CPU seconds of `tail` until it serves all 2,000,000 lines of one file (docs/BENCHMARKS.md, "Issue 15").
#   tail-cpu.sh JAR LABEL      run alternately with the jar before and after a change
jar=$1; label=$2
log=/tmp/tp15/app.log
if [ ! -f $log ]; then
  mkdir -p /tmp/tp15
  python3 "$(dirname "$0")/../tail-log.py" /tmp/tp15/app.log
fi
st=$(mktemp -d); port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
printf 'checkpoint.interval = 200ms\n' > $st.props
t0=$(date +%s.%N)
java -Xmx128m -XX:+UseSerialGC -jar $jar tail --path $log --state-dir $st --listen 127.0.0.1:$port --config $st.props >/dev/null 2>&1 &
pid=$!
while :; do
  v=$(curl -s 127.0.0.1:$port/metrics | awk '/^logtally_lines_total /{print $2}')
  [ "$v" = "2e+06" ] || [ "$v" = "2000000" ] && break
  sleep 0.05
done
t1=$(date +%s.%N)
read -r ut st2 <<<"$(awk '{print $14, $15}' /proc/$pid/stat)"
tck=$(getconf CLK_TCK)
echo "$label wall=$(echo "$t1 - $t0" | bc) cpu=$(echo "scale=2; ($ut + $st2) / $tck" | bc) load=$(cut -d' ' -f1 /proc/loadavg)"
kill $pid; wait $pid 2>/dev/null; rm -rf $st $st.props
