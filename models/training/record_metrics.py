"""Records `titlematch eval --json` figures in the model's manifest.json (`npm run eval` prints the
same figures as text): jobbert-dev (the measure), the whole jobbert-val file (partly trained on from
2.0), the recruiter cases, the calibration's error on held-out titles, the TF-IDF floor, and the
per-language measure. Usage: node out/electron/cli/eval.js --json > e.json && python3 record_metrics.py e.json [raw.json [manifest.json]]
"""
import json
import sys


def figures(f):
    return {"mrr": round(f["mrr"], 4), "top1": round(f["top1"], 4), "top5": round(f["top5"], 4), "queries": f["n"]}


def main(path, raw_path=None, manifest="models/titlematch/manifest.json"):
    e = json.load(open(path))
    m = json.load(open(manifest))
    by = "npm run eval (titlematch eval: TitleMatch normalisation, abbreviations of several meanings read in each sense, onnxruntime cpu)"
    metrics = {
        "jobbert-dev": {**figures(e["jobbertDev"]["model"]), "measured_by": by, "note": "dev part of jobbert-val's fixed split, never trained on"},
        "jobbert-val": {**figures(e["jobbertVal"]["model"]), "measured_by": by, "note": "the whole file: its training part is trained on from 2.0"},
        "recruiter-cases": {**figures(e["recruiterCases"]["model"]), "measured_by": by, "file": "test/fixtures/recruiter-cases.json"},
        "tfidf-char3-floor": {"jobbert-dev": figures(e["jobbertDev"]["tfidf"]), "jobbert-val": figures(e["jobbertVal"]["tfidf"]),
                              "recruiter-cases": figures(e["recruiterCases"]["tfidf"])},
    }
    if "ece" in e.get("confidence", {}):
        c = e["confidence"]
        metrics["confidence"] = {"ece": round(c["ece"], 4), "queries": c["queries"], "accept": c["accept"], "review": c["review"]}
    if e.get("languages"):
        metrics["languages"] = {l["language"]: {"held_out": l["queries"], "same_language_mrr": round(l["same"]["model"]["mrr"], 4),
                                                "against_english_mrr": round(l["english"]["model"]["mrr"], 4),
                                                "cases_top1": l["cases"]["top1"] if l.get("cases") else None} for l in e["languages"]}
    if raw_path:
        r = json.load(open(raw_path))
        metrics["jobbert-dev-raw"] = {**figures(r["jobbertDev"]["model"]), "measured_by": "npm run eval -- --raw (no TitleMatch normalisation)"}
        metrics["recruiter-cases-raw"] = {**figures(r["recruiterCases"]["model"]), "measured_by": "npm run eval -- --raw"}
    # Kept: the training-time figures, and the --raw ones where no raw.json is given (they do not
    # depend on the normalisation, its lexicon or the readings).
    kept = {k: v for k, v in m.get("metrics", {}).items() if "python" in k or (not raw_path and k.endswith("-raw"))}
    m["metrics"] = {**kept, **metrics}
    with open(manifest, "w") as f:
        json.dump(m, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
