"""Writes the issue-11 cases (cases.py) as corpus directories: catalog.json, transcript.jsonl, expected.json."""
import json, os, sys
from datetime import datetime, timedelta
from catalogs import CATALOGS
from cases import CASES

out = sys.argv[1]
names = set()
for name, cat, msgs, lines, unresolved in CASES:
    assert name not in names, name
    names.add(name)
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    catalog = CATALOGS[cat]
    ids = {i["id"] for i in catalog["items"]}
    with open(os.path.join(d, "catalog.json"), "w") as f:
        json.dump(catalog, f, ensure_ascii=False, indent=1)
        f.write("\n")
    start = datetime.fromisoformat(catalog["campaign"] + "T19:02:00+08:00") - timedelta(days=1)
    with open(os.path.join(d, "transcript.jsonl"), "w") as f:
        for k, (sender, nick, text) in enumerate(msgs):
            ts = (start + timedelta(minutes=3 * k + (7 * k) % 5, seconds=(13 * k) % 60)).isoformat()
            f.write(json.dumps({"id": f"m{k + 1}", "group": "g1", "sender": sender, "name": nick,
                                "text": text, "ts": ts}, ensure_ascii=False) + "\n")
    merged = {}
    for customer, it, qty in lines:
        assert it in ids, (name, it)
        merged[(customer, it)] = merged.get((customer, it), 0) + qty
    totals = {}
    for (customer, it), q in merged.items():
        totals[it] = totals.get(it, 0) + q
    num = lambda q: int(q) if float(q).is_integer() else round(q, 2)
    expected = {
        "lines": [{"customer": c, "item": i, "qty": num(q)} for (c, i), q in sorted(merged.items())],
        "totals": [{"item": i, "qty": num(q)} for i, q in sorted(totals.items())],
        "unresolved": unresolved,
    }
    for u in unresolved:
        assert int(u[1:]) <= len(msgs), (name, u)
    with open(os.path.join(d, "expected.json"), "w") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")
print(len(CASES), "cases")
