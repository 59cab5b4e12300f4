"""The recruiter lexicon (abbreviations and jargon in job titles), read from the one file that holds
it, electron/core/text/lexicon.ts (the app's normalisation reads the same table), and the training
augmentation built on it: an abbreviated and an expanded form of the same title are positives.
"""
import os
import re

LEXICON_TS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "electron", "core", "text", "lexicon.ts")


class Entry:
    __slots__ = ("abbr", "expansions", "domain", "kind")

    def __init__(self, abbr, expansions, domain, kind):
        self.abbr = abbr
        self.expansions = expansions
        self.domain = domain
        self.kind = kind


def load(path=None):
    path = path or LEXICON_TS
    with open(path, encoding="utf-8") as f:
        src = f.read()
    m = re.search(r"LEXICON_TSV\s*=\s*`([^`]*)`", src)
    if not m:
        raise ValueError(f"{path}: no LEXICON_TSV table")
    out = []
    for line in m.group(1).split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        abbr, expansions, domain, kind = line.split("\t")
        out.append(Entry(abbr, [e.strip() for e in expansions.split(" | ")], domain, kind))
    return out


class Abbreviator:
    """Rewrites a title between its expanded and abbreviated forms, for augmentation."""

    def __init__(self, entries):
        self.by_abbr = {e.abbr: e for e in entries}
        # Longest expansions first, so "certified public accountant" wins over "accountant".
        pairs = sorted(((x, e.abbr) for e in entries for x in e.expansions if x != e.abbr), key=lambda p: -len(p[0]))
        self.by_expansion = {}
        for x, a in pairs:
            self.by_expansion.setdefault(x, []).append(a)
        alternation = "|".join(re.escape(x) for x, _ in pairs)
        self.expansion_re = re.compile(r"(?<![\w])(" + alternation + r")(?![\w])", re.IGNORECASE)
        self.abbr_re = re.compile(r"(?<![\w])(" + "|".join(re.escape(a) for a in sorted(self.by_abbr, key=len, reverse=True)) + r")\.?(?![\w])", re.IGNORECASE)

    def abbreviate(self, title, rng):
        """One expanded phrase of the title replaced by an abbreviation of it (or None)."""
        hits = list(self.expansion_re.finditer(title))
        if not hits:
            return None
        m = rng.choice(hits)
        abbr = rng.choice(self.by_expansion[m.group(1).lower()])
        r = rng.random()
        form = abbr.upper() if r < 0.6 else (abbr.capitalize() if r < 0.8 else abbr)
        if len(abbr) <= 4 and rng.random() < 0.15 and "/" not in abbr and "&" not in abbr:
            form = form + "."
        return title[: m.start()] + form + title[m.end():]

    def expand(self, title, rng):
        """One abbreviation of the title replaced by one of its expansions (or None)."""
        hits = list(self.abbr_re.finditer(title))
        if not hits:
            return None
        m = rng.choice(hits)
        e = self.by_abbr[m.group(1).lower()]
        return title[: m.start()] + rng.choice(e.expansions) + title[m.end():]

    def jargon_pairs(self):
        """(abbreviation, expansion) for every entry: extra titles that name the expansion."""
        return [(e.abbr, x) for e in self.by_abbr.values() for x in e.expansions]
