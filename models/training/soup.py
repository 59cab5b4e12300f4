#!/usr/bin/env python3
"""Averages encoders of one lineage into a new model folder: `sh models/training/train.sh --soup ...`.

    python3 models/training/soup.py --base DIR --with DIR [--with DIR ...] --out DIR \
        --name NAME --version X.Y.Z [--weights 0.5,0.5]

The folder is base's (tokenizer, config, pooling, training log) with model.onnx replaced by the
weight average (titlematch_train/soup.py; equal weights unless --weights) and a manifest whose
`training` names each parent by name, version and sha256. Base must store its token embedding as
float (a fresh export); the others may store theirs as int8 (read back as float). Then measure and
record as for any trained model: npm run fp16 / int8 / eval, record_metrics.py, fit-confidence.
"""
import argparse
import datetime
import json
import os
import shutil
import sys

import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from titlematch_train import int8, soup  # noqa: E402
from titlematch_train.export import sha256  # noqa: E402

COPIED = ["tokenizer.json", "tokenizer_config.json", "config.json", "1_Pooling/config.json", "training-log.jsonl"]


def parent(folder):
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        m = json.load(f)
    return {"folder": folder, "name": m["name"], "version": m["version"],
            "sha256": sha256(os.path.join(folder, "model.onnx")), "training": m.get("training", {}).get("command")}


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base", required=True, help="model folder whose tokenizer and graph the result keeps")
    p.add_argument("--with", dest="others", action="append", required=True, help="another model folder of the same lineage")
    p.add_argument("--out", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--version", required=True)
    p.add_argument("--weights", help="comma-separated, base's first (default: equal)")
    args = p.parse_args(argv)
    folders = [args.base] + args.others
    weights = [float(w) for w in args.weights.split(",")] if args.weights else [1.0 / len(folders)] * len(folders)
    base = onnx.load(os.path.join(args.base, "model.onnx"))
    if any(i.name == int8.INT8 for i in base.graph.initializer):
        sys.exit(f"soup: {args.base} stores its token embedding as int8; take a float export as --base")
    model = soup.average(base, [onnx.load(os.path.join(f, "model.onnx")) for f in args.others], weights)
    if os.path.abspath(args.out) in (os.path.abspath(f) for f in folders):
        sys.exit("soup: --out must be a new folder, not one of the parents")
    os.makedirs(os.path.join(args.out, "1_Pooling"), exist_ok=True)
    for name in COPIED:
        if os.path.exists(os.path.join(args.base, name)):
            shutil.copyfile(os.path.join(args.base, name), os.path.join(args.out, name))
    for stale in ("model.fp16.onnx", "confidence.json"):
        if os.path.exists(os.path.join(args.out, stale)):
            os.remove(os.path.join(args.out, stale))
    onnx.save(model, os.path.join(args.out, "model.onnx"))
    with open(os.path.join(args.base, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    parents = [dict(parent(f), weight=round(w, 6)) for f, w in zip(folders, weights)]
    manifest.update(name=args.name, version=args.version)
    manifest.pop("variants", None)
    manifest.pop("storage", None)
    manifest["metrics"] = {}
    manifest["training"] = {
        "command": "python3 models/training/soup.py " + " ".join(argv),
        "method": "weight average of encoders of one lineage (titlematch_train/soup.py): every weight the "
                  "weighted mean of the parents'; the token embedding of a larger vocabulary contributes its first rows",
        "parents": parents,
        "data": sorted({d for f in folders for d in _training(f).get("data", [])}),
        "never_trained_on": _training(args.base).get("never_trained_on"),
        "date": datetime.date.today().isoformat(),
    }
    files = ["model.onnx", "tokenizer.json", "tokenizer_config.json", "config.json", "1_Pooling/config.json"]
    manifest["files"] = {n: {"sha256": sha256(os.path.join(args.out, n)), "bytes": os.path.getsize(os.path.join(args.out, n))} for n in files}
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
    print(f"soup: {args.out}/model.onnx = " + " + ".join(f"{w:.3f} x {p['name']} {p['version']}" for w, p in zip(weights, parents)))


def _training(folder):
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        return json.load(f).get("training", {})


if __name__ == "__main__":
    main(sys.argv[1:])
