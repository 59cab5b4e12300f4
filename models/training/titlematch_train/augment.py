"""Noise that real vacancy and CV titles carry but taxonomy labels do not: seniority words, level
numbers, gender tags, contract and location suffixes, and typing slips. The model should learn that
none of these changes the occupation."""
import random

PREFIXES = [
    "senior", "sr.", "sr", "junior", "jr.", "jr", "lead", "principal", "trainee", "graduate",
    "entry level", "experienced", "associate", "apprentice", "head", "staff", "intern",
]
SUFFIXES = [
    "(m/f/d)", "(m/w/d)", "(f/m/x)", "(h/f)", "- remote", "(remote)", "(hybrid)", "- full time",
    "part time", "- part-time", "- contract", "- permanent", "- temporary", "i", "ii", "iii", "iv",
    "level 2", "- london", "- manchester", "- new york", "- chicago", "- berlin", "- dublin",
    "- toronto", "- sydney", "- nights", "- days", "- 12 month contract", "- immediate start",
    "- urgent", "- up to £45k", "- $60,000", "- bilingual", "- home based", "- flexible hours",
]
GLUE = [" ", " / ", " - ", ", "]


def typo(word, rng):
    if len(word) < 4:
        return word
    i = rng.randrange(len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind < 0.7:
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def augment(title, rng: random.Random, pool=None):
    t = title
    r = rng.random()
    if r < 0.45:
        t = rng.choice(PREFIXES) + " " + t
    elif r < 0.55 and pool is not None:
        # Two titles of the same occupation joined, as in "Nurse / Care Assistant".
        t = t + rng.choice(GLUE) + rng.choice(pool)
    if rng.random() < 0.4:
        t = t + " " + rng.choice(SUFFIXES)
    if rng.random() < 0.15:
        words = t.split(" ")
        j = rng.randrange(len(words))
        words[j] = typo(words[j], rng)
        t = " ".join(words)
    if rng.random() < 0.3:
        t = t.title() if rng.random() < 0.5 else t.upper()
    return t
