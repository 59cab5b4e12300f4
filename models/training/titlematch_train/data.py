"""Reads the public job-title data sets into occupation groups.

Each group is one occupation: its titles (O*NET occupation title, alternate, short and reported
titles; ESCO preferred, alternative and hidden labels) and its texts (description, task statements).
jobbert-val is read only through jobbert.py's fixed split: its training part is attached to the ESCO
groups as vacancy titles (`attach_vacancies`); its dev part is never trained on.
"""
import csv
import os
import random
import re

csv.field_size_limit(10**8)


class Group:
    __slots__ = ("key", "source", "name", "titles", "texts", "parent", "vacancies")

    def __init__(self, key, source, name, parent):
        self.key = key
        self.source = source
        self.name = name
        self.titles = []
        self.texts = []
        self.parent = parent
        self.vacancies = []


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


# The ESCO dev split's seed: fixed, not train.py's --seed, so that every model is measured on the same
# held-out labels and none is trained on them (until 2026-11-29 it followed --seed, 13 by default).
DEV_SEED = 13


def split_dev(groups, seed=DEV_SEED, fraction=0.2):
    """Hold out one alternative ESCO label from a random share of ESCO occupations, for decisions made
    during development (the published metrics come from jobbert-val)."""
    rng = random.Random(seed)
    dev = []
    for g in groups:
        if g.source == "esco" and len(g.titles) >= 3 and rng.random() < fraction:
            i = rng.randrange(1, len(g.titles))
            dev.append((g.titles.pop(i), g.key))
    return dev


def attach_vacancies(groups, vacancy_rows):
    """Adds (title, key) vacancy rows to their ESCO group; returns how many found a group."""
    by_key = {g.key: g for g in groups}
    n = 0
    for title, key in vacancy_rows:
        g = by_key.get(key)
        if g is not None:
            g.vacancies.append(_clean(title))
            n += 1
    return n


def link_groups(groups, key_of):
    """One job, one class: an ESCO occupation whose preferred label is a title of exactly one O*NET
    occupation (once normalised by key_of) names the same job as it ("accountant" and "Accountants and
    Auditors"). O*NET's alternate titles are broad, so sharing any title links far too much (payroll
    clerks with accountants); the preferred label is ESCO's name for the job itself.
    Returns {group index: set of linked group indexes}, symmetric.
    """
    onet_owner = {}
    for gi, g in enumerate(groups):
        if g.source == "onet":
            for t in g.titles:
                onet_owner.setdefault(key_of(t), set()).add(gi)
    links = {}
    for gi, g in enumerate(groups):
        if g.source != "esco":
            continue
        owners = onet_owner.get(key_of(g.name), set())
        if len(owners) == 1:
            (o,) = owners
            links.setdefault(gi, set()).add(o)
            links.setdefault(o, set()).add(gi)
    return links
