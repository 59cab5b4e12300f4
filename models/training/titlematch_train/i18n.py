"""ESCO in six more languages (../shared/data/esco-i18n): labels that share a concept URI with an
English ESCO occupation become titles of that occupation's group, so the objective that groups
English titles by occupation also aligns the languages (`train.py --languages de,es,fr,nl,pl,pt`).

A fifth of each language's alternative labels is held out of training: the first 8 hex digits of
sha256("esco-i18n-dev:" + language + ":" + conceptUri + ":" + label) below 0.2 of 2**32. The app's
`titlematch eval` ranks exactly those labels per language (electron/cli/eval-sets.ts, isI18nDev).
"""
import csv
import hashlib
import os

LANGUAGES = ("de", "es", "fr", "nl", "pl", "pt")
DEV_SHARE = 0.2


def is_dev(language, uri, label):
    h = hashlib.sha256(f"esco-i18n-dev:{language}:{uri}:{label}".encode("utf-8")).hexdigest()
    return int(h[:8], 16) < DEV_SHARE * 2**32


def _labels(cell):
    return [x.strip() for x in cell.split("\n") if x.strip()]


def rows(data_dir, language):
    """(uri, preferred label, alternative labels, hidden labels) of one language's file."""
    path = os.path.join(data_dir, "esco-i18n", f"occupations_{language}.csv")
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            yield r["conceptUri"].strip(), r["preferredLabel"].strip(), _labels(r.get("altLabels", "")), _labels(r.get("hiddenLabels") or "")


def attach(groups, data_dir, languages, add):
    """Adds each language's labels to the English ESCO groups of the same URI, except held-out
    alternative labels. `add(group, title)` adds a title. Returns {language: (titles, held out)}."""
    by_key = {g.key: g for g in groups}
    counts = {}
    for language in languages:
        n = held = 0
        for uri, pref, alts, hidden in rows(data_dir, language):
            g = by_key.get("esco:" + uri)
            if g is None or not pref:
                continue
            for t in [pref] + [a for a in alts if a != pref] + hidden:
                if t in alts and t != pref and is_dev(language, uri, t):
                    held += 1
                    continue
                add(g, t)
                n += 1
        counts[language] = (n, held)
    return counts


def dev_count(data_dir, language):
    """How many alternative labels of one language are held out, among concepts of the English file."""
    with open(os.path.join(data_dir, "esco", "occupations_en.csv"), encoding="utf-8", newline="") as f:
        english = {r["conceptUri"].strip() for r in csv.DictReader(f) if r["preferredLabel"].strip()}
    return sum(1 for uri, pref, alts, _ in rows(data_dir, language) if uri in english and pref
               for a in alts if a != pref and is_dev(language, uri, a))
