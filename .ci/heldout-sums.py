#!/usr/bin/env python3
"""heldout-sums.py BINARY SET... — the answer engine's figures summed over held-out sets (issue 14).

Per set one line, then the sums: bench raw top-1/top-3 (`lotse guides eval`), bench helped and confident wrong
(`lotse ask --eval` against the bench guides), first messages helped, confident wrong and the raw top-1/top-3 of their
guide questions. Only summary lines are read, never a question, so held-out sets can be counted without being read.
The quality passes' merge rules are written over these sums (docs/passes/). Example:
  .ci/heldout-sums.py /tmp/lotse check fresh unseen sealed sealed2 ... sealed33"""
import glob, os, re, subprocess, sys
REPO = os.environ.get("REPO", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binp, sets = os.path.abspath(sys.argv[1]), sys.argv[2:]
B = os.path.join(REPO, '..', 'shared', 'bench', 'guides')
tot = dict(top1=0, top3=0, ans=0, oos=0, oosrej=0, bhelp=0, ball=0, bcw=0, fhelp=0, fall=0, fcw=0, g1=0, g3=0, gq=0)
def run(args):
    r = subprocess.run(args, capture_output=True, text=True, cwd=REPO)
    if r.returncode != 0:
        # A set the binary refuses (exit code 2: a row naming no guide of the library, a format error; 16: no guide
        # in the library) printed no figures: stop with its first line, not a traceback over a missing match. Only
        # the first line: the rows after it name held-out lines and expected guides (never a question, but no figure).
        first = (r.stderr.strip().splitlines() or ['(no message)'])[0]
        sys.exit(f"heldout-sums: {' '.join(args[1:3])} … failed with exit code {r.returncode}: {first}")
    return r.stdout
for s in sets:
    b = sorted(glob.glob(f'{REPO}/guides/search/testdata/bench-{s}-2026-12-0[4-9].tsv'))
    f = sorted(glob.glob(f'{REPO}/commands/answer/testdata/first-messages-{s}-2026-12-0[4-9].tsv'))
    row = [s]
    if b:
        o = run([binp, 'guides', 'eval', '--dir', B, '--questions', b[0]])
        t1 = re.search(r'^top-1:.*\((\d+)/(\d+)\)', o, re.M); t3 = re.search(r'^top-3:.*\((\d+)/(\d+)\)', o, re.M)
        tot['top1'] += int(t1[1]); tot['ans'] += int(t1[2]); tot['top3'] += int(t3[1])
        o = run([binp, 'ask', '--dir', B, '--eval', b[0]])
        a = re.search(r'^all\s+(\d+)\s+(\d+) \(.*?\)\s+(\d+)', o, re.M)
        tot['ball'] += int(a[1]); tot['bhelp'] += int(a[2]); tot['bcw'] += int(a[3])
        row += [f'b t1 {t1[1]}/{t1[2]} t3 {t3[1]} help {a[2]}/{a[1]} cw {a[3]}']
    if f:
        o = run([binp, 'ask', '--eval', f[0]])
        a = re.search(r'^all\s+(\d+)\s+(\d+) \(.*?\)\s+(\d+)', o, re.M)
        g = re.search(r'top-1 [\d.]+ % \((\d+)/(\d+)\), top-3 [\d.]+ % \((\d+)/', o)
        tot['fall'] += int(a[1]); tot['fhelp'] += int(a[2]); tot['fcw'] += int(a[3])
        tot['g1'] += int(g[1]); tot['gq'] += int(g[2]); tot['g3'] += int(g[3])
        row += [f'fm help {a[2]}/{a[1]} cw {a[3]} g1 {g[1]}/{g[2]} g3 {g[3]}']
    print(' | '.join(row), flush=True)
print('SUM bench top1 %(top1)d/%(ans)d top3 %(top3)d helped %(bhelp)d/%(ball)d cw %(bcw)d | fm helped %(fhelp)d/%(fall)d cw %(fcw)d gtop1 %(g1)d/%(gq)d gtop3 %(g3)d' % tot)
