# Stratified, seeded sample of the five sample documents' passages for blind theme coding.
# Usage: python3 sample.py PASSAGES.jsonl OUT.jsonl, where PASSAGES.jsonl has one passage per line as
# hmip.enrich.Passages builds them: {"id", "kind", "doc_title", "provider", "region", "text"}.
import json, random, collections, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
seen = set(); pool = []
for r in rows:
    t = ' '.join(r['text'].split())
    if len(t) < 25 or t.lower() in seen:   # fragments ("Requires improvement") and duplicates carry nothing to code
        continue
    seen.add(t.lower()); pool.append(r)
quota = {'paragraph': 85, 'finding': 70, 'recommendation': 50, 'table_row': 20, 'list_item': 15}
rng = random.Random(20240614)
out = []
for kind, q in quota.items():
    cands = [r for r in pool if r['kind'] == kind]
    bydoc = collections.defaultdict(list)
    for r in cands: bydoc[r['id'].split('#')[0]].append(r)
    n = len(cands); take = min(q, n)
    # proportional per document, at least one from each document that has any
    alloc = {d: max(1, round(take * len(v) / n)) for d, v in bydoc.items()}
    while sum(alloc.values()) > take:
        d = max(alloc, key=lambda d: alloc[d]); alloc[d] -= 1
    while sum(alloc.values()) < take:
        d = max(bydoc, key=lambda d: len(bydoc[d]) - alloc[d]); alloc[d] += 1
    for d in sorted(bydoc):
        out += rng.sample(sorted(bydoc[d], key=lambda r: r['id']), min(alloc[d], len(bydoc[d])))
rng.shuffle(out)
def title(r):
    if r['doc_title']: return r['doc_title']
    return 'Regional letter: ' + (r['region'] or 'unknown region')
with open(sys.argv[2], 'w') as f:
    for r in out:
        f.write(json.dumps({'id': r['id'], 'kind': r['kind'], 'doc_title': title(r), 'provider': r['provider'],
                            'text': r['text']}, ensure_ascii=False) + '\n')
print(len(out), collections.Counter(r['kind'] for r in out), collections.Counter(r['id'].split('#')[0] for r in out))
