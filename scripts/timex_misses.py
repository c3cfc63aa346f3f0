#!/usr/bin/env python3
"""Group the value misses of a TempEval-style timex run by kind, to tell the
crate's own errors from places where the gold writes a value in another form.

usage: scripts/timex_misses.py GOLD_DIR PREDICTED.jsonl [CATEGORY]

GOLD_DIR is a folder of .tml files (e.g. ../shared/dev/tbaq/AQUAINT) and
PREDICTED.jsonl the `timex --jsonl` output on its export (see
../shared/eval/score_timeml.py, which this imports for loading and uses the same
matching). With CATEGORY, every miss of that category is listed. A development
aid: the categories are heuristics over value shapes, not a scorer.
"""
import collections, json, pathlib, re, sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "eval"))
import score_timeml as s  # noqa: E402

if len(sys.argv) < 3:
    print(__doc__); sys.exit(2)
d, f = sys.argv[1], sys.argv[2]
pred={}
for l in open(f):
    o=json.loads(l); pred[o['id']]=o['timexes']
cats=collections.Counter(); ex=collections.defaultdict(list)
for docid,dct,text,gold in s.docs(d):
    ps=pred.get(docid,[]); used=set()
    for g in gold:
        best=None
        for i,p in enumerate(ps):
            if i in used or not (p['start']<g['end'] and p['end']>g['start']): continue
            if best is None or (p['start']==g['start'] and p['end']==g['end']): best=i
        got=None
        if best is not None: used.add(best); got=str(ps[best].get('value'))
        gv=g['value']; t=g['text'].strip().lower()
        if got==gv: continue
        if got is not None and re.fullmatch(r'\d{4}(-XX)+',gv) and got==gv[:4]: c='gold pads a year with XX (1968-XX)'
        elif got is not None and re.fullmatch(r'\d{4}-W\d',gv) and got==gv[:6]+'0'+gv[6:]: c='gold writes an unpadded ISO week (2000-W7)'
        elif got is not None and re.fullmatch(r'\d{3}X',gv) and got==gv[:3]: c='gold writes a decade as 198X (TimeBank: 198)'
        elif got is not None and (re.search(r'T(MO|AF|EV|NI)$',gv) and got==gv[:-3] or re.search(r'T(MO|AF|EV|NI)$',got) and gv==got[:-3]): c='weekday + part of day, gold splits both ways'
        elif got is not None and ('XX' in gv or 'QX' in gv or 'WXX' in gv) and 'X' not in got: c='gold leaves a resolvable value underspecified (WXX, QX, -XX)'
        elif 'week' in t and got is not None and '-W' in got: c="'last/this/next week' gold as month, day, duration or other week"
        elif t in ('day','days','week','weeks','month','months','years','first day','the day') or re.fullmatch(r'(the )?(day|days|weeks?)',t): c='bare unit word anchored to an event in another article'
        elif got is None: c='not found (span missed)'
        elif got in ('PAST_REF','PRESENT_REF','FUTURE_REF') or gv in ('PAST_REF','PRESENT_REF','FUTURE_REF'): c='vague reference vs duration or date'
        elif gv.startswith('P') and got.startswith('P'): c='duration value differs'
        elif gv.startswith('P') != got.startswith('P'): c='duration vs date'
        elif re.fullmatch(r'\d{4}-\d\d-\d\d.*',gv) and re.fullmatch(r'\d{4}-\d\d-\d\d.*',got): c='other day (weekday direction, narrative anchor)'
        else: c='other granularity/quarter/year'
        cats[c]+=1; ex[c].append(f"{g['text']!r} gold {gv} got {got}")
tot=sum(cats.values())
for c,n in cats.most_common():
    print(f"{n:4d}  {c}   e.g. {'; '.join(ex[c][:3])}")
print(tot,"misses")
if len(sys.argv)>3:
    for e in ex[sys.argv[3]]: print("   ",e)
