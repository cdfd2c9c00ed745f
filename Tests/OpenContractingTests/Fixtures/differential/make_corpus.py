"""Record ocdsmerge outputs for `DifferentialTests` (see README.md in this folder).

usage:
  python make_corpus.py random SEED COUNT OUT.jsonl     # random releases, including conflicts and odd identifiers
  python make_corpus.py files OUT.jsonl FILE...         # real data: release packages, record packages, JSON lines

Each output line: {"schema": NAME, "releases": [...], "compiled"|"compiledError": ..., "versioned"|"versionedError": ...}.
Releases are read as ocdskit reads them (non-integer numbers as Decimal) before merging.
"""
import collections
import copy
import json
import random
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import ocdsmerge

warnings.simplefilter("ignore")
FIXTURES = Path(__file__).resolve().parent.parent
SCHEMAS = {
    "1.1": FIXTURES / "merge-fixtures/release-schema-1__1__4.json",
    "schema": FIXTURES / "merge-fixtures/schema.json",
    "bids": FIXTURES / "release-schema-1__1__5+bids+lots.json",
}
MERGERS = {name: ocdsmerge.Merger(str(path)) for name, path in SCHEMAS.items()}


def record(schema, releases):
    text = json.dumps(releases)
    case = {"schema": schema, "releases": json.loads(text)}
    for kind in ("compiled", "versioned"):
        try:
            merged = getattr(MERGERS[schema], f"create_{kind}_release")(json.loads(text, parse_float=Decimal))
            case[kind] = json.loads(json.dumps(merged, default=float))
        except Exception as e:  # noqa: BLE001
            case[kind + "Error"] = type(e).__name__
    return case


KEYS = ["tender", "awards", "parties", "planning", "x", "list", "items", "id", "title", "value", "amount",
        "additionalIdentifiers", "roles", "identifierMerge", "wholeListMergeObject", "arrayWithoutObjectId",
        "subarray", "key", "unit", "bids", "details", "statistics", "lots", "documents", "status"]
STRINGS = ["a", "b", "c", "x y", "ü", ""]
ID_POOLS = [["1", "2", "3"], [1, 2, 3], [1, "1", 2, "2"],
            [1, "1", 1.0, "None", None, "True", True, 2.5, "2.5", 0, False, 1e2, 100]]


def random_cases(seed, count):
    rnd = random.Random(seed)

    def scalar():
        r = rnd.random()
        if r < 0.35:
            return rnd.choice(STRINGS)
        if r < 0.55:
            return rnd.choice([2, 3, 7.5, -4, 12345678901234567890, 2.25])
        if r < 0.7:
            return None
        if r < 0.8:
            return rnd.choice([True, False])
        return rnd.choice(STRINGS)

    def value(depth, ids):
        r = rnd.random()
        if depth <= 0 or r < 0.4:
            return scalar()
        if r < 0.6:
            return obj(depth - 1, ids)
        if r < 0.8:
            arr = []
            for _ in range(rnd.randint(0, 4)):
                o = obj(depth - 1, ids)
                if rnd.random() < 0.75:
                    o["id"] = rnd.choice(ids)
                elif rnd.random() < 0.1:
                    o["id"] = None
                arr.append(o)
            return arr
        if r < 0.9:
            return [scalar() for _ in range(rnd.randint(0, 3))]
        return {} if r < 0.95 else []

    def obj(depth, ids):
        o = {}
        for _ in range(rnd.randint(0, 4)):
            k = rnd.choice(KEYS)
            o[k] = rnd.choice(ids) if k == "id" and rnd.random() < 0.7 else value(depth, ids)
        return o

    for _ in range(count):
        ids = rnd.choice(ID_POOLS)
        releases = []
        for j in range(rnd.randint(1, 4)):
            rel = obj(3, ids)
            rel.pop("id", None)
            rel["ocid"] = "ocds-x-1" if rnd.random() < 0.95 else "ocds-x-2"
            rel["id"] = str(j) if rnd.random() < 0.95 else None
            rel["date"] = rnd.choice(["2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", "2020-01-03T00:00:00Z",
                                      "2020-01-01T00:00:00+01:00"])
            if rnd.random() < 0.03:
                rel.pop("date")
            if rnd.random() < 0.5:
                rel["tag"] = [rnd.choice(["tender", "award"])]
            items = list(rel.items())
            rnd.shuffle(items)
            releases.append(dict(items))
        yield record(rnd.choice(list(SCHEMAS)), releases)


def file_cases(paths):
    groups = collections.OrderedDict()
    for path in paths:
        text = Path(path).read_text()
        try:
            documents = [json.loads(text)]
        except json.JSONDecodeError:
            documents = [json.loads(line) for line in text.splitlines() if line.strip()]
        for document in documents:
            releases = document.get("releases", [])
            for rec in document.get("records", []):
                releases += rec.get("releases", [])
            if "ocid" in document and "date" in document:
                releases.append(document)
            for release in releases:
                if isinstance(release, dict) and "date" in release and "url" not in release:
                    groups.setdefault(release.get("ocid"), []).append(release)
    for releases in groups.values():
        yield record("bids", releases)


if __name__ == "__main__":
    if sys.argv[1] == "random":
        cases, out = random_cases(int(sys.argv[2]), int(sys.argv[3])), sys.argv[4]
    else:
        cases, out = file_cases(sys.argv[3:]), sys.argv[2]
    counts = collections.Counter()
    with open(out, "w") as f:
        for case in cases:
            counts[case.get("compiledError", "ok")] += 1
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(dict(counts))
