#!/usr/bin/env python3
"""Score extract output on uner-en-pud-wiki after mapping three of its
annotation conventions to CoNLL-2003's, to size how much of the gap to the
CoNLL figure is convention rather than recognition.

usage: scripts/uner-conventions.py GOLD.jsonl DOCS_DIR PRED.jsonl

The three mappings, applied to the gold spans only:
  1. a country labelled ORG (a state acting: "China was defeated") is LOC,
     as CoNLL labels every country (countries from our gazetteer);
  2. a leading "the" is not part of a name ("the Netherlands", "the Rhine");
  3. "Nashville, Tennessee" is two LOC mentions, not one.
Prints the plain and the mapped micro P/R/F1 over PERSON, ORG and LOC.
"""
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.join(HERE, "..", "nlp", "ner", "data", "gazetteer.txt.gz")
TYPES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}


def countries():
    out = set()
    with gzip.open(GAZ, "rt", encoding="utf-8") as f:
        for line in f:
            cls, phrase = line.rstrip("\n").split("\t")
            if cls == "c":
                out.add(phrase)
    return out


def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            o = json.loads(line)
            out[os.path.basename(o["doc"])] = o.get("entities") or []
    return out


def spans(ents):
    return {(e["start"], e["end"], TYPES[e["type"]]) for e in ents if e["type"] in TYPES}


def mapped(ents, text, known):
    out = set()
    for s, t, typ in spans(ents):
        name = text[s:t].decode("utf-8")
        if typ == "ORG" and name.lower() in known:
            typ = "LOC"
        if name.lower().startswith("the "):
            s, name = s + 4, name[4:]
        m = re.fullmatch(r"([^,]+), ([^,]+)", name)
        if typ == "LOC" and m:
            out.add((s, s + len(m.group(1).encode()), typ))
            out.add((t - len(m.group(2).encode()), t, typ))
            continue
        out.add((s, t, typ))
    return out


def prf(pairs):
    tp = fp = fn = 0
    for g, p in pairs:
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    return P, R, 2 * P * R / (P + R) if P + R else 0.0


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    gold, docs, pred = load(sys.argv[1]), sys.argv[2], load(sys.argv[3])
    known = countries()
    plain, conv = [], []
    for name, ents in gold.items():
        text = open(os.path.join(docs, name), "rb").read()
        p = spans(pred.get(name, []))
        plain.append((spans(ents), p))
        conv.append((mapped(ents, text, known), p))
    for label, pairs in (("as annotated", plain), ("CoNLL conventions", conv)):
        print("%-18s P=%.3f R=%.3f F1=%.3f" % ((label,) + prf(pairs)))


if __name__ == "__main__":
    main()
