"""Stores the bundled model's token embedding as int8 and qualifies it on the dev sets: `npm run int8`.

1. Builds the graph with the token embedding as int8, one float32 scale per row
   (titlematch_train/int8.py): the largest tensor of the model at a quarter of its size.
2. Measures the float32 graph and the int8 one with the app's own engine (`titlematch eval`, cpu
   provider) on jobbert-dev (the measure, never trained on) and on the training's held-out ESCO
   labels (the same dev split as `npm run fp16`).
3. Replaces model.onnx only if every MRR is within 0.005 of float32, and records the figures in
   manifest.json under `storage` (and the new file's sha256 and size). Run it before `npm run fp16`,
   whose float16 variant is then made from the int8 graph. A model already stored so is left alone.

Needs python3-onnx and a built project (`npm install` builds out/).
"""
import argparse
import json
import os
import shutil
import sys

import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fp16 import checked_manifest, evaluate, model_folder, require_built, write_dev_folder  # noqa: E402
from titlematch_train import data, int8  # noqa: E402
from titlematch_train.export import sha256  # noqa: E402

MAX_MRR_DROP = 0.005


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", default="models/titlematch")
    p.add_argument("--data", default=os.environ.get("TITLEMATCH_DATA", "../shared/data"))
    p.add_argument("--seed", type=int, default=data.DEV_SEED, help="the ESCO dev split's seed (train.py holds it out with data.DEV_SEED)")
    p.add_argument("--work", default="models/training/.work/int8")
    args = p.parse_args(argv)
    root = os.getcwd()
    require_built(root, "int8")
    model_path = os.path.join(args.model, "model.onnx")
    base = onnx.load(model_path)
    if any(i.name == int8.INT8 for i in base.graph.initializer):
        print(f"int8: {model_path} already stores its token embedding as int8", flush=True)
        return
    manifest_path = os.path.join(args.model, "manifest.json")
    manifest = checked_manifest(args.model, "int8")
    small = int8.quantize_token_embedding(base)

    shutil.rmtree(args.work, ignore_errors=True)
    dev_dir = os.path.join(args.work, "dev")
    n = write_dev_folder(args.data, args.seed, dev_dir)
    figures = {}
    for name, graph in [("fp32", base), ("int8_embedding", small)]:
        folder = model_folder(args.model, graph, os.path.join(args.work, name))
        figures[name] = {"jobbert-dev": evaluate(root, folder, args.data, "jobbertDev"), "esco-dev": evaluate(root, folder, dev_dir)}
        print(f"{name}: {figures[name]}", flush=True)
    drop = max(figures["fp32"][k]["mrr"] - figures["int8_embedding"][k]["mrr"] for k in ("jobbert-dev", "esco-dev"))
    if drop > MAX_MRR_DROP:
        sys.exit(f"int8: dev MRR drops by {drop:.4f}, more than {MAX_MRR_DROP}; model.onnx is left in float32.")
    before = os.path.getsize(model_path)
    onnx.save(small, model_path)
    after = os.path.getsize(model_path)
    print(f"wrote {model_path}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB; largest dev MRR drop {drop:+.4f} (limit {MAX_MRR_DROP})", flush=True)
    manifest["files"]["model.onnx"] = {"sha256": sha256(model_path), "bytes": after}
    manifest["storage"] = {
        "token_embedding": "int8, one float32 scale per row (symmetric), dequantised after the lookup; the rest float32",
        "bytes": {"float32": before, "int8_embedding": after},
        "dev": {
            "jobbert-dev": "jobbert-val's fixed dev part, ranked against the ESCO preferred labels",
            "esco-dev": f"{n} held-out ESCO labels (train.py --dev, seed {args.seed})",
            "measured_with": "titlematch eval, onnxruntime-node cpu provider",
            **figures,
        },
        "max_mrr_drop": MAX_MRR_DROP,
        "mrr_drop": round(drop, 4),
        "command": "npm run int8",
    }
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"recorded in {manifest_path}", flush=True)


if __name__ == "__main__":
    main()
