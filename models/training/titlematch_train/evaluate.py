"""Ranking evaluation: for each query title, rank every ESCO preferred label by cosine similarity and
report MRR, top-1 and top-5 (the JobBERT evaluation protocol)."""
import csv
import os
import torch


def esco_labels(data_dir):
    with open(os.path.join(data_dir, "esco", "occupations_en.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r["preferredLabel"] for r in rows], ["esco:" + r["conceptUri"] for r in rows]


def jobbert_val(data_dir):
    out = []
    with open(os.path.join(data_dir, "jobbert-val", "titles.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            out.append((r["vacancyTitle"], "esco:" + r["conceptUri"]))
    return out


@torch.no_grad()
def rank_metrics(encode, queries, labels, label_keys):
    """queries: list of (title, key). encode: list[str] -> normalised tensor."""
    lab = encode(labels)
    index = {k: i for i, k in enumerate(label_keys)}
    pairs = [(q, index[k]) for q, k in queries if k in index]
    mrr = top1 = top5 = 0.0
    for s in range(0, len(pairs), 1024):
        chunk = pairs[s : s + 1024]
        q = encode([p[0] for p in chunk])
        sims = q @ lab.T
        gold = torch.tensor([p[1] for p in chunk])
        gs = sims[torch.arange(len(chunk)), gold].unsqueeze(1)
        rank = (sims > gs).sum(dim=1) + 1
        mrr += (1.0 / rank.float()).sum().item()
        top1 += (rank <= 1).sum().item()
        top5 += (rank <= 5).sum().item()
    n = max(len(pairs), 1)
    return {"mrr": round(mrr / n, 4), "top1": round(top1 / n, 4), "top5": round(top5 / n, 4), "queries": len(pairs)}
