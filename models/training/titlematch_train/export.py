"""Exports the trained encoder to ONNX (dynamic batch and sequence axes; outputs last_hidden_state
and sentence_embedding, the latter mean-pooled over the mask and L2-normalised inside the graph) and
writes tokenizer.json, config.json and manifest.json beside it."""
import datetime
import hashlib
import json
import os

import torch

from . import tokenizer_json

ATTRIBUTION = [
    "This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.",
    "ESCO classification, European Commission.",
]


class _Graph(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model(input_ids, attention_mask)


# The files of a model folder that its manifest lists with their sha256 (model.fp16.onnx is added by fp16.py).
FILES = ["model.onnx", "tokenizer.json", "tokenizer_config.json", "config.json", "1_Pooling/config.json"]


def file_entries(folder):
    """The manifest's `files`: each of FILES in folder with its sha256 and size."""
    return {name: {"sha256": sha256(os.path.join(folder, name)), "bytes": os.path.getsize(os.path.join(folder, name))} for name in FILES}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_model(args, model, tok, vocab, metrics, params, train_minutes, argv, extra=None):
    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, "model.onnx")
    ids, mask = tok.batch(["senior software engineer", "rn"])
    with torch.no_grad():
        torch.onnx.export(
            _Graph(model), (ids, mask), onnx_path,
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state", "sentence_embedding"],
            dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                          "last_hidden_state": {0: "batch", 1: "sequence"}, "sentence_embedding": {0: "batch"}},
            opset_version=17, do_constant_folding=True,
        )
    tokenizer_json.write(os.path.join(args.out, "tokenizer.json"), os.path.join(args.out, "tokenizer_config.json"), vocab, args.max_len)
    c = model.config
    config = {
        "model_type": "bert", "architectures": ["BertModel"], "vocab_size": c["vocab_size"],
        "hidden_size": c["hidden"], "num_hidden_layers": c["layers"], "num_attention_heads": c["heads"],
        "intermediate_size": c["ffn"], "hidden_act": "gelu", "max_position_embeddings": c["max_len"],
        "type_vocab_size": 0, "layer_norm_eps": 1e-12, "pad_token_id": 0,
    }
    with open(os.path.join(args.out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    pooling_dir = os.path.join(args.out, "1_Pooling")
    os.makedirs(pooling_dir, exist_ok=True)
    with open(os.path.join(pooling_dir, "config.json"), "w") as f:
        json.dump({"word_embedding_dimension": c["hidden"], "pooling_mode_mean_tokens": True,
                   "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False}, f, indent=2)
    manifest = {
        "name": args.name,
        "version": args.version,
        "dimension": c["hidden"],
        "max_length": args.max_len,
        "parameters": params,
        "architecture": f"BERT encoder, {c['layers']} layers, hidden {c['hidden']}, {c['heads']} heads, FFN {c['ffn']}, WordPiece vocabulary {c['vocab_size']}",
        "inputs": ["input_ids", "attention_mask"],
        "outputs": {"last_hidden_state": "token vectors", "sentence_embedding": "mean pooled over attention_mask, L2-normalised"},
        "pooling": "mean",
        "normalized": True,
        "files": file_entries(args.out),
        "training": {
            "command": "python3 models/training/train.py " + " ".join(argv),
            "seed": args.seed, "steps": args.steps, "batch": args.batch, "minutes": round(train_minutes, 1),
            "threads": args.threads, "device": "cpu", "torch": torch.__version__,
            "objective": "normalised-softmax over occupation proxies (additive margin; O*NET and ESCO occupations linked "
                         "by ESCO's preferred label are not each other's negatives) + parent-group proxies + in-batch "
                         "title/title InfoNCE",
            "init": args.init,
            "data": ["O*NET 27.0: occupation, alternate, short and reported titles; descriptions; task statements",
                     "ESCO v1: preferred, alternative and hidden labels; descriptions",
                     *([f"esco-i18n ({', '.join(extra['languages'])}): ESCO labels in those languages (preferred, alternative and hidden), "
                        "joined to their occupations by concept URI"] if (extra or {}).get("languages") else []),
                     "jobbert-val, training part of the fixed split (models/training/titlematch_train/jobbert.py): vacancy titles",
                     "the project's recruiter lexicon (electron/core/text/lexicon.ts): abbreviated and expanded forms as positives"],
            "never_trained_on": "jobbert-dev (the dev part of jobbert-val's fixed split), 589 held-out ESCO labels"
                                + (", and a fifth of each language's esco-i18n alternative labels (titlematch_train/i18n.py)" if (extra or {}).get("languages") else ""),
            **(extra or {}),
            "date": datetime.date.today().isoformat(),
        },
        "metrics": {f"{k} (python, training-time tokenizer, raw titles)": v for k, v in metrics.items()},
        "license": "MIT (model weights); derived from data under CC BY 4.0 (O*NET) and the ESCO reuse terms",
        "attribution": ATTRIBUTION,
    }
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
