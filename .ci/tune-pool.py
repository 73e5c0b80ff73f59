#!/usr/bin/env python3
"""tune-pool.py BINARY [A|B|all]  — the TUNE pool, split into parts A/B
(bit 0 of FNV-1a 32 of the stripped question: 0 = A, 1 = B), measured with
`lotse ask --eval` (decision) and `lotse guides eval` (bench raw ranking).
Only TUNE sets are read. Prints per set and totals: helped/n, confident wrong,
bench top-1/top-3. Part files are written to $PARTS (default /tmp/parts/).
Run from anywhere: REPO defaults to this checkout; the bench library is ../shared/bench/guides beside it.
Used by the quality passes of issue 14 (docs/passes/): read misses on part A only, count part B.
The split (fnv below) rewrites the Go function search.InTuneHalf (guides/search/eval.go) in Python: part A is
InTuneHalf; the two must agree, so change both or neither.
A failed run (non-zero exit or no "all" line) prints the command and its stderr and exits non-zero."""
import glob, os, re, subprocess, sys
REPO = os.environ.get("REPO", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
bin_ = os.path.abspath(sys.argv[1]); parts = sys.argv[2:] or ["A", "B"]
BENCH = os.path.join(REPO, "..", "shared", "bench", "guides")
def fnv(s):
    h = 0x811c9dc5
    for b in s.encode():
        h ^= b; h = (h * 0x01000193) & 0xffffffff
    return h
def sets():
    out = []
    for kind, pat in (("bench", "guides/search/testdata/bench-tune*-2026-12-0[45].tsv"),
                      ("fm", "commands/answer/testdata/first-messages-tune*-2026-12-0[45].tsv")):
        for f in sorted(glob.glob(os.path.join(REPO, pat))):
            name = re.search(r"-(tune\d*)-", f).group(1)
            out.append((kind, name, f))
    return out
def split(f, part):
    PD = os.environ.get("PARTS", "/tmp/parts"); os.makedirs(PD, exist_ok=True)
    kind = "bench" if "/bench-" in f else "fm"
    name = re.search(r"-(tune\d*)-", f).group(1)
    p = f"{PD}/{kind}-{name}-{part}.tsv"
    lines = open(f, encoding="utf-8").read().split("\n")
    keep, header = [], False
    for ln in lines:
        if not ln.strip(): continue
        if ln.startswith("#"): keep.append(ln); continue
        if not header: keep.append(ln); header = True; continue
        q = ln.split("\t")[0]
        a = "A" if fnv(q.strip()) & 1 == 0 else "B"
        if part == "all" or part == a: keep.append(ln)
    open(p, "w", encoding="utf-8").write("\n".join(keep) + "\n")
    # The tune halves of the dev sets (`tune`) are the even-hash halves,
    # so their part B has no row; `ask --eval` refuses an empty set since
    # the thirty-first pass (eval31), so an empty part is skipped.
    rows = [ln for ln in keep if not ln.startswith("#")][1:]
    return p if rows else None
def run(args):
    r = subprocess.run(args, capture_output=True, text=True, cwd=REPO)
    if r.returncode != 0:
        fail(args, f"failed with {r.returncode}", r.stderr)
    return r.stdout, r.stderr
def fail(args, why, stderr):
    sys.exit(f"tune-pool: {' '.join(args)} (in {REPO}) {why}:\n{stderr}")
for part in parts:
    tot = {"bench": [0, 0, 0], "fm": [0, 0, 0]}; t1 = [0, 0, 0]
    for kind, name, f in sets():
        p = split(f, part)
        if p is None:
            continue
        d = ["--dir", BENCH] if kind == "bench" else []
        cmd = [bin_, "ask", *d, "--eval", p]
        out, errs = run(cmd)
        m = re.search(r"^all\s+(\d+)\s+(\d+)\s+\(\s*[\d.]+ %\)\s+(\d+)", out, re.M)
        if m is None:
            fail(cmd, "printed no \"all\" line", errs)
        n, h, cw = map(int, m.groups())
        tot[kind][0] += h; tot[kind][1] += n; tot[kind][2] += cw
        extra = ""
        if kind == "bench":
            cmd = [bin_, "guides", "eval", "--dir", BENCH, "--questions", p]
            e, errs = run(cmd)
            a1 = re.search(r"^top-1:.*\((\d+)/(\d+)\)", e, re.M); a3 = re.search(r"^top-3:.*\((\d+)/(\d+)\)", e, re.M)
            if a1 is None or a3 is None:
                fail(cmd, "printed no top-1/top-3 lines", errs)
            t1[0] += int(a1.group(1)); t1[1] += int(a3.group(1)); t1[2] += int(a1.group(2))
            extra = f" top-1 {a1.group(1)}/{a1.group(2)} top-3 {a3.group(1)}"
        print(f"{part} {kind:5} {name:6} helped {h}/{n} cw {cw}{extra}")
    b, f_ = tot["bench"], tot["fm"]
    print(f"== {part}: bench helped {b[0]}/{b[1]} cw {b[2]} top-1 {t1[0]}/{t1[2]} top-3 {t1[1]}/{t1[2]} | fm helped {f_[0]}/{f_[1]} cw {f_[2]}")
