#!/usr/bin/env python3
"""tune-diff.py OLD NEW [PART]: per message of the tune pool's part (default A), the outcome and guides
of OLD and NEW where they differ (parts written by tune-pool.py into $PARTS), with the expected answer and whether each helped (rough: first 3 guides)."""
import glob, json, os, subprocess, sys
old, new = sys.argv[1], sys.argv[2]; part = sys.argv[3] if len(sys.argv) > 3 else "A"
BENCH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "..", "shared", "bench", "guides")
def rows(f):
    out = []
    for l in open(f, encoding="utf-8"):
        l = l.rstrip("\n")
        if not l or l.startswith("#") or l.startswith("question\t"): continue
        q, e = l.split("\t"); out.append((q, e))
    return out
def run(b, args, msgs):
    r = subprocess.run([b, "ask", "--json", *args], input="\n".join(msgs) + "\n", capture_output=True, text=True)
    return [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
def helped(o, e):
    if e in ("-", "none"): return o["outcome"] == "none"
    if e in ("smalltalk", "human", "command"): return o["outcome"] == e
    return o["outcome"] in ("answer", "choose") and e in o["guides"][: (1 if o["outcome"] == "answer" else 3)]
gain = loss = 0
for f in sorted(glob.glob(os.environ.get("PARTS", "/tmp/parts") + f"/*-{part}.tsv")):
    args = ["--dir", BENCH] if os.path.basename(f).startswith("bench") else []
    rs = rows(f); msgs = [q for q, _ in rs]
    a, b = run(old, args, msgs), run(new, args, msgs)
    for (q, e), x, y in zip(rs, a, b):
        if (x["outcome"], x["guides"]) != (y["outcome"], y["guides"]):
            hx, hy = helped(x, e), helped(y, e)
            mark = "+" if hy and not hx else "-" if hx and not hy else "="
            gain += mark == "+"; loss += mark == "-"
            print(f"{mark} {os.path.basename(f)[:-6]} | {q} | exp {e}\n    old {x['outcome']} {x['guides'][:3]}\n    new {y['outcome']} {y['guides'][:3]}")
print(f"gains {gain} losses {loss}")
