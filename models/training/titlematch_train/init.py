"""Warm start: read an exported encoder's weights back from its ONNX initializers (`--init`).

The export names most initializers after the PyTorch parameters; the MatMul weights are stored
transposed under generated names, so each is found through the Add that follows it, whose other
input is the named bias of the same Linear layer.
"""
import json
import os

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from . import int8


def read_vocab(model_dir):
    with open(os.path.join(model_dir, "tokenizer.json"), encoding="utf-8") as f:
        ids = json.load(f)["model"]["vocab"]
    vocab = [None] * len(ids)
    for t, i in ids.items():
        vocab[i] = t
    return vocab


def read_config(model_dir):
    with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
        c = json.load(f)
    return dict(vocab_size=c["vocab_size"], hidden=c["hidden_size"], layers=c["num_hidden_layers"],
                heads=c["num_attention_heads"], ffn=c["intermediate_size"], max_len=c["max_position_embeddings"])


def parameter_names(model, init):
    """{initializer name: (PyTorch parameter name, stored transposed)} of an exported encoder, whose
    initializers `init` (name -> array) are already dequantised (int8.dequantized_state)."""
    names = {k: (k[len("model."):], False) for k in init if k.startswith("model.")}
    consumers = {}
    for node in model.graph.node:
        for x in node.input:
            consumers.setdefault(x, []).append(node)
    for node in model.graph.node:
        if node.op_type != "MatMul":
            continue
        weight = next((x for x in node.input if x in init and not x.startswith("model.")), None)
        if weight is None:
            continue
        adds = [n for n in consumers.get(node.output[0], []) if n.op_type == "Add"]
        bias = next((x for n in adds for x in n.input if x.startswith("model.") and x.endswith(".bias")), None)
        if bias is None:
            raise ValueError(f"MatMul {node.name} has no named bias after it")
        names[weight] = (bias[len("model."):-len(".bias")] + ".weight", True)
    return names


def numpy_state(model):
    """The encoder's parameters as {PyTorch name: float array}, read from an exported graph."""
    init = int8.dequantized_state({i.name: numpy_helper.to_array(i) for i in model.graph.initializer})
    return {key: np.ascontiguousarray(init[name].T) if transposed else init[name]
            for name, (key, transposed) in parameter_names(model, init).items()}


def state_dict_from_onnx(path):
    try:
        state = numpy_state(onnx.load(path))
    except ValueError as e:
        raise ValueError(f"{path}: {e}") from None
    return {k: torch.from_numpy(np.array(v)) for k, v in state.items()}


def extend_embeddings(state, old_vocab, new_vocab, encode_old):
    """Token embeddings for a vocabulary that extends the warm start's (new entries appended): each
    new entry starts at the mean embedding of the old pieces that spell it (encode_old(word) -> ids)."""
    old = state["tok.weight"]
    assert new_vocab[: len(old_vocab)] == old_vocab, "the new vocabulary must extend the old one"
    rows = [old]
    for t in new_vocab[len(old_vocab):]:
        word = t[2:] if t.startswith("##") else t
        ids = encode_old(word) or [1]
        rows.append(old[ids].mean(dim=0, keepdim=True))
    state["tok.weight"] = torch.cat(rows)
    return state


def load_into(model, path, extend=None):
    state = state_dict_from_onnx(path)
    if extend is not None:
        state = extend(state)
    missing, unexpected = model.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise ValueError(f"{path} does not fit the encoder: missing {missing}, unexpected {unexpected}")
