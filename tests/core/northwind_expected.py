# Independent computation of the expectations in tests/core/northwind_test.cpp: the
# method of docs/okr-method.md written again, plainly, in Python, on
# assets/examples/northwind-it.json with today = 2027-02-26. Run once from the repository
# root (python3 tests/core/northwind_expected.py); its last lines are the C++ rows pasted
# into the test. It shares no code with the C++ core, so a bug in one shows as a mismatch.
import json, datetime
d = json.load(open('assets/examples/northwind-it.json'))
today = datetime.date(2027, 2, 26)
D = lambda s: datetime.date.fromisoformat(s)
cycles = {c['id']: c for c in d['cycles']}
objs = {o['id']: o for o in d['objectives']}
hidden = {c['corrects'] for c in d['check_ins'] if c.get('corrects')}
def cis(kr):
    l = [c for c in d['check_ins'] if c['key_result'] == kr and c['id'] not in hidden]
    return sorted(l, key=lambda c: (c['date'], c['recorded_at'], c['id']))
def progress(kr):
    b, t, dirn = kr['baseline'], kr['target'], kr['direction']
    l = cis(kr['id']); v = l[-1]['value'] if l else b
    tasks = [x for x in d['tasks'] if x['key_result'] == kr['id']]
    if dirn == 'increase':
        if not t > b: return None
        raw = (v - b) / (t - b)
    elif dirn == 'decrease':
        if not t < b: return None
        raw = (b - v) / (b - t)
    elif dirn == 'at_least': raw = 1.0 if v >= t else 0.0
    elif dirn == 'at_most': raw = 1.0 if v <= t else 0.0
    else:
        raw = sum(x['done'] for x in tasks) / len(tasks) if tasks else v
    return raw
def status(kr):
    l = cis(kr['id'])
    if not l: return None
    c = l[-1]['confidence']
    return 'on_track' if c >= 0.7 else 'at_risk' if c >= 0.3 else 'off_track'
def forecast(kr):
    tasks = [x for x in d['tasks'] if x['key_result'] == kr['id']]
    if kr['direction'] == 'milestone' and tasks: return None
    cyc = cycles[objs[kr['objective']]['cycle']]
    l = [c for c in cis(kr['id']) if D(cyc['start']) <= D(c['date']) <= D(cyc['end'])]
    if len({c['date'] for c in l}) < 2: return None
    xs = [(D(c['date']) - D(cyc['start'])).days for c in l]; ys = [c['value'] for c in l]
    n = len(xs); mx = sum(xs)/n; my = sum(ys)/n
    sl = sum((x-mx)*(y-my) for x, y in zip(xs, ys)) / sum((x-mx)**2 for x in xs)
    xd = (D(kr['deadline']) - D(cyc['start'])).days
    v = my + sl*(xd - mx)
    b, t = kr['baseline'], kr['target']
    if kr['direction'] == 'increase' or kr['direction'] == 'milestone': raw = (v-b)/(t-b)
    elif kr['direction'] == 'decrease': raw = (b-v)/(b-t)
    elif kr['direction'] == 'at_least': raw = 1.0 if v >= t else 0.0
    else: raw = 1.0 if v <= t else 0.0
    return v, min(max(raw, 0), 1)
def pace(kr, p):
    cyc = cycles[objs[kr['objective']]['cycle']]
    if cyc['state'] != 'active' or p is None: return None
    s, dl = D(cyc['start']), D(kr['deadline'])
    e = 1.0 if dl <= s else min(max((today - s).days / (dl - s).days, 0), 1)
    return 'behind' if min(max(p,0),1) < e - 0.15 else 'on_pace'
for kr in sorted(d['key_results'], key=lambda k: k['id']):
    raw = progress(kr)
    f = forecast(kr)
    print(f"{kr['id']:22} raw={raw!r:24} prog={None if raw is None else min(max(raw,0),1)!r:22} status={status(kr)} pace={pace(kr, raw)} fc={f}")
for o in sorted(d['objectives'], key=lambda o: o['id']):
    ps = [min(max(progress(k),0),1) for k in d['key_results'] if k['objective'] == o['id'] and progress(k) is not None and k.get('weight',1) != 0]
    print(o['id'], sum(ps)/len(ps) if ps else None, len(ps))
print("---- C++ rows")
def lit(x):
    if x is None: return "std::nullopt"
    return repr(float(x))
for kr in sorted(d['key_results'], key=lambda k: k['id']):
    raw = progress(kr); f = forecast(kr)
    p = None if raw is None else min(max(raw,0),1)
    st = status(kr); pc = pace(kr, raw)
    print('        {"%s", %s, %s, %s, %s, %s},' % (kr['id'], lit(p),
        "ConfidenceStatus::"+st if st else "std::nullopt",
        "Pace::"+pc if pc else "std::nullopt",
        lit(f[0]) if f else "std::nullopt", lit(f[1]) if f else "std::nullopt"))
for o in sorted(d['objectives'], key=lambda o: o['id']):
    ps = [min(max(progress(k),0),1) for k in d['key_results'] if k['objective'] == o['id'] and progress(k) is not None and k.get('weight',1) != 0]
    print('        {"%s", %s},' % (o['id'], lit(sum(ps)/len(ps)) if ps else "std::nullopt"))
