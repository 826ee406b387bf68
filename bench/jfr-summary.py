#!/usr/bin/env python3
"""Summary of a JFR recording's execution samples (bench/*.sh PROFILE=1): the hottest frames (top of stack),
the samples per thread kind, and per "our" frame (the innermost org.certfree frame of each sample, i.e. which of
our methods the time was spent in or under). Usage: jfr-summary.py RECORDING [top N, default 25]"""
import collections, re, subprocess, sys

rec, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25
out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", rec],
                     capture_output=True, text=True, check=True).stdout
hot, ours, threads = collections.Counter(), collections.Counter(), collections.Counter()
n = 0
for event in out.split("jdk.ExecutionSample")[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', event)
    thread = re.sub(r"[-#\s]*\d+$", "", m.group(1)) if m else "?"
    body = event.split("stackTrace = [", 1)[1].rsplit("]", 1)[0] if "stackTrace = [" in event else ""
    frames = [re.sub(r"\s+line:.*", "", f.strip()) for f in body.splitlines()]
    frames = [f for f in frames if f and not f.startswith("...")]
    if not frames:
        continue
    n += 1
    threads[thread] += 1
    hot[frames[0]] += 1
    mine = next((f for f in frames if f.startswith("org.certfree.")), None)
    ours[mine or "(none of ours: " + thread + ")"] += 1
print(f"{n} samples")
for title, c in (("by thread", threads), ("hottest frames", hot), ("innermost frame of ours", ours)):
    print(f"-- {title}")
    for k, v in c.most_common(top):
        print(f"{v:6d} {100 * v / max(n, 1):5.1f}%  {k}")
