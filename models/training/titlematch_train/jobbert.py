"""The one fixed split of jobbert-val into a training part and a dev part ("jobbert-dev").

The split is by title, not by row: every row whose title reads the same (case and spacing aside)
falls on the same side, so a dev title never has an exact twin in training. A title is in the dev
part when the first 8 hex digits of sha256("jobbert-dev:" + key) fall below DEV_SHARE of 2**32, key
being the title lower-cased with its ASCII spaces collapsed. The same rule is implemented in
electron/core/eval/jobbert-split.ts (the app's `titlematch eval`); a test checks that both sides
agree on the rows (the manifest records the dev rows' count and digest).

The dev part (about 5,500 rows) is never trained on and is the measure from model 2.0 on.
"""
import csv
import hashlib
import os
import re

SALT = "jobbert-dev:"
DEV_SHARE = 0.36


def split_key(title):
    return re.sub(r"[ \t\r\n]+", " ", title.strip(" \t\r\n")).lower()


def is_dev(title):
    h = hashlib.sha256((SALT + split_key(title)).encode("utf-8")).hexdigest()
    return int(h[:8], 16) < DEV_SHARE * 2**32


def rows(data_dir):
    """(idx, title, key) for every row of jobbert-val/titles.csv, key being "esco:" + conceptUri."""
    out = []
    with open(os.path.join(data_dir, "jobbert-val", "titles.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            title = r["vacancyTitle"]
            if title.strip():
                out.append((r[""], title, "esco:" + r["conceptUri"]))
    return out


def split(data_dir):
    """(train, dev): lists of (title, key)."""
    train, dev = [], []
    for _, title, key in rows(data_dir):
        (dev if is_dev(title) else train).append((title, key))
    return train, dev


def dev_digest(data_dir):
    """Count and sha256 of the dev rows' idx values (sorted numerically, one per line)."""
    ids = sorted(int(i) for i, title, _ in rows(data_dir) if is_dev(title))
    return len(ids), hashlib.sha256("\n".join(str(i) for i in ids).encode()).hexdigest()
