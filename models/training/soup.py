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
from titlematch_train.export import FILES, file_entries, sha256  # noqa: E402

# Base's files that the average keeps: all but the graph, and its training log.
COPIED = [name for name in FILES if name != "model.onnx"] + ["training-log.jsonl"]


def read_manifest(folder):
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as f:
        return json.load(f)


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
    if os.path.abspath(args.out) in (os.path.abspath(f) for f in folders):
        sys.exit("soup: --out must be a new folder, not one of the parents")
    weights = [float(w) for w in args.weights.split(",")] if args.weights else [1.0 / len(folders)] * len(folders)
    base = onnx.load(os.path.join(args.base, "model.onnx"))
    if any(i.name == int8.INT8 for i in base.graph.initializer):
        sys.exit(f"soup: {args.base} stores its token embedding as int8; take a float export as --base")
    model = soup.average(base, [onnx.load(os.path.join(f, "model.onnx")) for f in args.others], weights)
    os.makedirs(os.path.join(args.out, "1_Pooling"), exist_ok=True)
    for name in COPIED:
        if os.path.exists(os.path.join(args.base, name)):
            shutil.copyfile(os.path.join(args.base, name), os.path.join(args.out, name))
    for stale in ("model.fp16.onnx", "confidence.json"):
        if os.path.exists(os.path.join(args.out, stale)):
            os.remove(os.path.join(args.out, stale))
    onnx.save(model, os.path.join(args.out, "model.onnx"))
    manifests = [read_manifest(f) for f in folders]
    parents = [{"folder": f, "name": m["name"], "version": m["version"], "sha256": sha256(os.path.join(f, "model.onnx")),
                "training": m.get("training", {}).get("command"), "weight": round(w, 6)}
               for f, m, w in zip(folders, manifests, weights)]
    manifest = dict(manifests[0], name=args.name, version=args.version, metrics={})
    manifest.pop("variants", None)
    manifest.pop("storage", None)
    manifest["training"] = {
        "command": "python3 models/training/soup.py " + " ".join(argv),
        "method": "weight average of encoders of one lineage (titlematch_train/soup.py): every weight the "
                  "weighted mean of the parents'; the token embedding of a larger vocabulary contributes its first rows",
        "parents": parents,
        "data": sorted({d for m in manifests for d in m.get("training", {}).get("data", [])}),
        "never_trained_on": manifests[0].get("training", {}).get("never_trained_on"),
        "date": datetime.date.today().isoformat(),
    }
    manifest["files"] = file_entries(args.out)
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
    print(f"soup: {args.out}/model.onnx = " + " + ".join(f"{w:.3f} x {p['name']} {p['version']}" for w, p in zip(weights, parents)))


if __name__ == "__main__":
    main(sys.argv[1:])
