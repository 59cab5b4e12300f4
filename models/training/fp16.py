"""Builds and qualifies the float16 variant of the bundled model: `npm run fp16`.

1. Writes model.fp16.onnx beside model.onnx (float16 encoder body, float32 pooling; see
   titlematch_train/fp16.py).
2. Rebuilds the training's dev split (the held-out ESCO labels, same seed) as an evaluation folder.
3. Measures dev-set MRR with the app's own engine (`titlematch eval`, cpu provider) for the float32
   model, the float16 model, and the float32 graph with every body tensor rounded to float16 (so the
   figure does not hang on which float16 kernels the cpu provider has).
4. Records the figures in manifest.json under variants.fp16. The engine uses the variant on GPU
   providers only if `eligible` is true: both float16 dev MRRs within 0.005 of float32.

Needs python3-onnx and a built project (`npm install` builds out/). jobbert-val is not read.
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys

import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from titlematch_train import data, fp16  # noqa: E402
from titlematch_train.export import sha256  # noqa: E402

MAX_MRR_DROP = 0.005
GPU_PROVIDERS = ["webgpu", "cuda", "dml", "coreml"]
FOLDER_FILES = ["tokenizer.json", "tokenizer_config.json", "config.json"]


def write_dev_folder(data_dir, seed, out):
    """The dev split in the layout `titlematch eval --data` reads (jobbert-val/titles.csv, esco/)."""
    groups = data.load_groups(data_dir)
    dev = data.split_dev(groups, seed)
    os.makedirs(os.path.join(out, "jobbert-val"), exist_ok=True)
    os.makedirs(os.path.join(out, "esco"), exist_ok=True)
    with open(os.path.join(out, "jobbert-val", "titles.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["vacancyTitle", "conceptUri"])
        for title, key in dev:
            w.writerow([title, key[len("esco:"):]])
    shutil.copyfile(os.path.join(data_dir, "esco", "occupations_en.csv"), os.path.join(out, "esco", "occupations_en.csv"))
    return len(dev)


def model_folder(model_dir, onnx_model, out):
    """A model folder with the given graph as model.onnx and the bundled tokenizer and config."""
    os.makedirs(out, exist_ok=True)
    for name in FOLDER_FILES:
        shutil.copyfile(os.path.join(model_dir, name), os.path.join(out, name))
    onnx.save(onnx_model, os.path.join(out, "model.onnx"))
    return out


def evaluate(root, folder, data_dir, part="jobbertVal"):
    """`titlematch eval --jobbert-only` on data_dir with the app's engine (cpu): the figures of
    `part`. In the dev folder written above the "vacancy titles" are the held-out ESCO labels, so
    the whole file (jobbertVal) is the measure; on the real data, jobbertDev is."""
    cmd = ["node", os.path.join(root, "out", "electron", "cli", "eval.js"), "--data", data_dir, "--model", folder,
           "--provider", "cpu", "--json", "--jobbert-only"]
    result = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=root)
    model = json.loads(result.stdout)[part]["model"]
    return {"mrr": round(model["mrr"], 4), "top1": round(model["top1"], 4), "top5": round(model["top5"], 4), "queries": model["n"]}


def require_built(root, who):
    """Stops with what to do when the project is not built (eval.js measures the graphs)."""
    if not os.path.exists(os.path.join(root, "out", "electron", "cli", "eval.js")):
        sys.exit(f"{who}: out/electron/cli/eval.js is missing; run `npm install` (or `npm run build:node`) first.")


def checked_manifest(model_dir, who):
    """The model's manifest, when it records model.onnx as it is on disk; else stops."""
    model_path, manifest_path = os.path.join(model_dir, "model.onnx"), os.path.join(model_dir, "manifest.json")
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    if manifest.get("files", {}).get("model.onnx", {}).get("sha256") != sha256(model_path):
        sys.exit(f"{who}: {model_path} does not match the sha256 in {manifest_path}; export the model again first.")
    return manifest


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", default="models/titlematch")
    p.add_argument("--data", default=os.environ.get("TITLEMATCH_DATA", "../shared/data"))
    p.add_argument("--seed", type=int, default=data.DEV_SEED, help="the ESCO dev split's seed (train.py holds it out with data.DEV_SEED)")
    p.add_argument("--work", default="models/training/.work/fp16")
    args = p.parse_args(argv)
    root = os.getcwd()
    require_built(root, "fp16")

    model_path = os.path.join(args.model, "model.onnx")
    base = onnx.load(model_path)
    half = fp16.convert(base)
    half_path = os.path.join(args.model, "model.fp16.onnx")
    onnx.save(half, half_path)
    print(f"wrote {half_path} ({os.path.getsize(half_path) / 1e6:.1f} MB)", flush=True)

    shutil.rmtree(args.work, ignore_errors=True)
    dev_dir = os.path.join(args.work, "dev")
    n = write_dev_folder(args.data, args.seed, dev_dir)
    print(f"dev split: {n} held-out ESCO labels", flush=True)
    figures = {}
    for name, graph in [("fp32", base), ("fp16", half), ("fp16_rounded_every_op", fp16.round_every_op(base))]:
        figures[name] = evaluate(root, model_folder(args.model, graph, os.path.join(args.work, name)), dev_dir)
        print(f"dev {name}: {figures[name]}", flush=True)
    drop = max(figures["fp32"]["mrr"] - figures[k]["mrr"] for k in ("fp16", "fp16_rounded_every_op"))
    eligible = drop <= MAX_MRR_DROP
    print(f"largest dev MRR drop {drop:+.4f} (limit {MAX_MRR_DROP}): {'eligible' if eligible else 'NOT eligible'}", flush=True)

    manifest_path = os.path.join(args.model, "manifest.json")
    manifest = checked_manifest(args.model, "fp16")
    manifest["files"]["model.fp16.onnx"] = {"sha256": sha256(half_path), "bytes": os.path.getsize(half_path)}
    manifest["variants"] = {
        "fp16": {
            "file": "model.fp16.onnx",
            "precision": "float16 encoder, float32 pooling and normalisation; float32 inputs and outputs",
            "providers": GPU_PROVIDERS,
            "dev": {
                "split": f"{n} held-out ESCO labels (train.py --dev, seed {args.seed}), ranked against the ESCO preferred labels",
                "measured_with": "titlematch eval, onnxruntime-node cpu provider",
                **figures,
            },
            "max_mrr_drop": MAX_MRR_DROP,
            "mrr_drop": round(drop, 4),
            "eligible": eligible,
            "command": "npm run fp16",
        }
    }
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"recorded in {manifest_path}", flush=True)


if __name__ == "__main__":
    main()
