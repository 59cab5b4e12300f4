"""Reads the public job-title data sets into occupation groups.

Each group is one occupation: its titles (O*NET occupation title, alternate, short and reported
titles; ESCO preferred, alternative and hidden labels) and its texts (description, task statements).
jobbert-val is never read here: it is for measuring only (see evaluate.py).
"""
import csv
import os
import random
import re

csv.field_size_limit(10**8)


class Group:
    __slots__ = ("key", "source", "name", "titles", "texts", "parent")

    def __init__(self, key, source, name, parent):
        self.key = key
        self.source = source
        self.name = name
        self.titles = []
        self.texts = []
        self.parent = parent


def _tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        for row in reader:
            yield dict(zip(header, row))


def _clean(title):
    title = title.strip()
    return re.sub(r"\s+", " ", title)


def _add(group, title):
    title = _clean(title)
    if title and title.lower() not in ("n/a", "na") and title not in group.titles:
        group.titles.append(title)


def first_sentences(text, max_chars=200):
    text = _clean(text)
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    dot = cut.rfind(". ")
    return cut[: dot + 1] if dot > 60 else cut


def load_onet(root):
    groups = {}
    for r in _tsv(os.path.join(root, "Occupation Data.txt")):
        code = r["O*NET-SOC Code"]
        g = Group("onet:" + code, "onet", r["Title"], "soc:" + code[:4])
        _add(g, r["Title"])
        g.texts.append(first_sentences(r["Description"]))
        groups[code] = g
    for r in _tsv(os.path.join(root, "Alternate Titles.txt")):
        g = groups.get(r["O*NET-SOC Code"])
        if g:
            _add(g, r["Alternate Title"])
            _add(g, r["Short Title"])
    for r in _tsv(os.path.join(root, "Sample of Reported Titles.txt")):
        g = groups.get(r["O*NET-SOC Code"])
        if g:
            _add(g, r["Reported Job Title"])
    for r in _tsv(os.path.join(root, "Task Statements.txt")):
        g = groups.get(r["O*NET-SOC Code"])
        if g:
            g.texts.append(first_sentences(r["Task"]))
    return [g for g in groups.values() if g.titles]


def load_esco(root):
    groups = []
    with open(os.path.join(root, "occupations_en.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            g = Group("esco:" + r["conceptUri"], "esco", r["preferredLabel"], "isco:" + r["iscoGroup"])
            _add(g, r["preferredLabel"])
            for field in ("altLabels", "hiddenLabels"):
                for t in r[field].split("\n"):
                    _add(g, t)
            if r["description"].strip():
                g.texts.append(first_sentences(r["description"]))
            groups.append(g)
    return groups


def load_groups(data_dir):
    groups = load_onet(os.path.join(data_dir, "onet")) + load_esco(os.path.join(data_dir, "esco"))
    groups.sort(key=lambda g: g.key)
    return groups


def split_dev(groups, seed, fraction=0.2):
    """Hold out one alternative ESCO label from a random share of ESCO occupations, for decisions made
    during development (the published metrics come from jobbert-val)."""
    rng = random.Random(seed)
    dev = []
    for g in groups:
        if g.source == "esco" and len(g.titles) >= 3 and rng.random() < fraction:
            i = rng.randrange(1, len(g.titles))
            dev.append((g.titles.pop(i), g.key))
    return dev
