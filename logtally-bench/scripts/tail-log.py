#!/usr/bin/env python3
"""Writes the benchmarks' tail/replay input: 2,000,000 drop-in-like lines (467 MB), 5% ERROR lines with
error_type and stack_hash, the rest timed mining.submit events. Used by issue-15/tail-cpu.sh and
issue-16/old-new.sh.   tail-log.py OUT"""
import sys

with open(sys.argv[1], 'w') as fh:
    for i in range(2_000_000):
        if i % 20 == 0:
            fh.write('{"@timestamp":"2026-12-02T10:%02d:%02d.%03dZ","level":"ERROR","thread_name":"worker-%d","logger_name":"dev.pool.Submit","message":"share rejected","correlation_id":"req-%08x","service":"stratum","error_type":"invalid_share","stack_hash":"a1b2c3d4"}\n' % (i // 60000 % 60, i // 1000 % 60, i % 1000, i % 8, i))
        else:
            fh.write('{"@timestamp":"2026-12-02T10:%02d:%02d.%03dZ","level":"INFO","thread_name":"worker-%d","logger_name":"dev.pool.Submit","message":"submitted","correlation_id":"req-%08x","service":"stratum","method":"mining.submit","duration_ms":%d.%d}\n' % (i // 60000 % 60, i // 1000 % 60, i % 1000, i % 8, i, i % 300, i % 10))
