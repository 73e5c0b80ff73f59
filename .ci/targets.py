#!/usr/bin/env python3
"""targets.py BINARY SET... — issue 14's targets per held-out set, from summary lines only.

Prints which sets meet bench top-1 >= 90 %, bench top-3 >= 97 %, first messages helped >= 95 % (with the range over
all sets), the worst bench confident-wrong share, how many sets answered an out-of-scope bench question with a guide,
and the worst first-message confident-wrong ratio. Never prints a question. Example:
  .ci/targets.py /tmp/lotse check fresh unseen sealed sealed2 ... sealed33"""
import glob, os, re, subprocess, sys
REPO = os.environ.get("REPO", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
binp, sets = os.path.abspath(sys.argv[1]), sys.argv[2:]
B=os.path.join(REPO, '..', 'shared', 'bench', 'guides')
def run(a):
    r=subprocess.run(a,capture_output=True,text=True,cwd=REPO)
    if r.returncode!=0:
        # exit code 2 (a set naming no guide of the library, a format error) or 16 (no guide): no figures; stop with
        # the message's first line (the rows after it name held-out lines), not a traceback over a missing match.
        sys.exit(f"targets: {' '.join(a[1:3])} … failed with exit code {r.returncode}: "+(r.stderr.strip().splitlines() or ['(no message)'])[0])
    return r.stdout
t1ok=[];t3ok=[];fmok=[];t1r=[];t3r=[];fmr=[];cwmax=0;oosbad=0;fmcw=[]
for s in sets:
    b=sorted(glob.glob(f'{REPO}/guides/search/testdata/bench-{s}-2026-12-0[4-9].tsv'))
    f=sorted(glob.glob(f'{REPO}/commands/answer/testdata/first-messages-{s}-2026-12-0[4-9].tsv'))
    if b:
        o=run([binp,'guides','eval','--dir',B,'--questions',b[0]])
        t1=float(re.search(r'^top-1:\s+([\d.]+)',o,re.M)[1]); t3=float(re.search(r'^top-3:\s+([\d.]+)',o,re.M)[1])
        o=run([binp,'ask','--dir',B,'--eval',b[0]])
        g=re.search(r'^guide\s+(\d+)\s+\d+ \(.*?\)\s+(\d+)',o,re.M); n=re.search(r'^none\s+(\d+)\s+.*?outcomes? ?(.*)$',o,re.M)
        cw=int(g[2])/int(g[1])*100; cwmax=max(cwmax,cw)
        if n and 'answer' in n[2]: oosbad+=1
        t1r.append(t1); t3r.append(t3)
        if t1>=90: t1ok.append(s)
        if t3>=97: t3ok.append(s)
    if f:
        o=run([binp,'ask','--eval',f[0]])
        a=re.search(r'^all\s+(\d+)\s+(\d+) \(\s*([\d.]+) %\)\s+(\d+)',o,re.M)
        fmr.append(float(a[3])); fmcw.append((int(a[4]),int(a[1])))
        if float(a[3])>=95: fmok.append(s)
print('top1>=90:',t1ok,'range',min(t1r),max(t1r))
print('top3>=97:',t3ok,'range',min(t3r),max(t3r))
print('fm>=95:',len(fmok),fmok,'range',min(fmr),max(fmr))
print('bench cw max %.1f%%; sets with an OOS answered: %d; fm cw worst'%(cwmax,oosbad), max(fmcw,key=lambda x:x[0]/x[1]))
