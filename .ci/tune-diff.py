#!/usr/bin/env python3
"""tune-diff.py OLD NEW [PART]: per message of the tune pool's part (default A), the outcome and guides
of OLD and NEW where they differ (parts written by tune-pool.py into $PARTS), with the expected answer and whether each helped (rough: first 3 guides).
Runs the binaries in REPO (env, default this checkout, as tune-pool.py), so `lotse ask` finds library/ there; the bench
library is ../shared/bench/guides beside it. A failed run or a reply count unequal to the message count stops with an error."""
import glob, json, os, subprocess, sys
REPO = os.environ.get("REPO", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
old, new = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]); part = sys.argv[3] if len(sys.argv) > 3 else "A"
BENCH = os.path.join(REPO, "..", "shared", "bench", "guides")
def rows(f):
    out = []
    for l in open(f, encoding="utf-8"):
        l = l.rstrip("\n")
        if not l or l.startswith("#") or l.startswith("question\t"): continue
        q, e = l.split("\t"); out.append((q, e))
    return out
def run(b, args, msgs):
    cmd = [b, "ask", "--json", *args]
    r = subprocess.run(cmd, input="\n".join(msgs) + "\n", capture_output=True, text=True, cwd=REPO)
    if r.returncode != 0:
        sys.exit(f"tune-diff: {' '.join(cmd)} (in {REPO}) failed with {r.returncode}:\n{r.stderr}")
    out = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    if len(out) != len(msgs):
        sys.exit(f"tune-diff: {' '.join(cmd)} (in {REPO}) gave {len(out)} replies to {len(msgs)} messages:\n{r.stderr}")
    return out
def helped(o, e):
    if e in ("-", "none"): return o["outcome"] == "none"
    if e in ("smalltalk", "human", "command"): return o["outcome"] == e
    return o["outcome"] in ("answer", "choose") and e in o["guides"][: (1 if o["outcome"] == "answer" else 3)]
gain = loss = 0
files = sorted(glob.glob(os.environ.get("PARTS", "/tmp/parts") + f"/*-{part}.tsv"))
if not files:
    sys.exit(f"tune-diff: no part files *-{part}.tsv in {os.environ.get('PARTS', '/tmp/parts')} (write them with tune-pool.py)")
for f in files:
    args = ["--dir", BENCH] if os.path.basename(f).startswith("bench") else []
    rs = rows(f); msgs = [q for q, _ in rs]
    if not rs: continue  # a set whose every message falls in the other part
    a, b = run(old, args, msgs), run(new, args, msgs)
    for (q, e), x, y in zip(rs, a, b):
        if (x["outcome"], x["guides"]) != (y["outcome"], y["guides"]):
            hx, hy = helped(x, e), helped(y, e)
            mark = "+" if hy and not hx else "-" if hx and not hy else "="
            gain += mark == "+"; loss += mark == "-"
            print(f"{mark} {os.path.basename(f)[:-6]} | {q} | exp {e}\n    old {x['outcome']} {x['guides'][:3]}\n    new {y['outcome']} {y['guides'][:3]}")
print(f"gains {gain} losses {loss}")
