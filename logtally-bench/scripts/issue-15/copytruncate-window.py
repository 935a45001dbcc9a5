# copytruncate window: lines written between logrotate's copy and truncate, lost (docs/BENCHMARKS.md, "Issue 15").
#   python3 copytruncate-window.py
import os, subprocess, sys, threading, time, gzip, glob, tempfile
def run(total=40000, rotations=10, rate=10000):
    d = tempfile.mkdtemp(prefix="ct15-")
    log = os.path.join(d, "app.log")
    conf = os.path.join(d, "lr.conf")
    open(conf, "w").write(f"{log} {{\n rotate 100\n copytruncate\n compress\n missingok\n nomail\n}}\n")
    open(log, "w").close()
    done = threading.Event()
    def writer():
        fd = os.open(log, os.O_WRONLY | os.O_APPEND)
        t0 = time.time()
        for i in range(total):
            os.write(fd, (f'{{"level":"ERROR","seq":{i},"message":"' + "x" * 150 + '"}\n').encode())
            if i % 100 == 0:
                lag = t0 + i / rate - time.time()
                if lag > 0: time.sleep(lag)
        os.close(fd); done.set()
    t = threading.Thread(target=writer); t.start()
    period = total / rate / (rotations + 1)
    for r in range(rotations):
        time.sleep(period)
        subprocess.run(["/usr/sbin/logrotate", "-f", "-s", os.path.join(d, "state"), conf], check=True)
    t.join()
    n = 0
    for f in glob.glob(os.path.join(d, "app.log*")):
        op = gzip.open if f.endswith(".gz") else open
        with op(f, "rb") as fh:
            n += sum(1 for _ in fh)
    subprocess.run(["rm", "-rf", d])
    return total, n
for k in range(5):
    total, n = run()
    print(f"run {k+1}: written {total}, in the files {n}, lost {total-n} across 10 copytruncate rotations")
