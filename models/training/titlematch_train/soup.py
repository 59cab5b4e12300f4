"""Weight averaging ("model soup"): encoders of one lineage, averaged weight by weight.

Encoders warm-started from one another (the English model 2.0 and the multilingual models trained
on from it) stay in one basin of the loss, so the mean of their weights is itself a good encoder,
often better than each (Wortsman et al. 2022, "Model soups"). The multilingual vocabulary extends
the English one (its first 8,000 entries are the English pieces with the same ids), so an
English-vocabulary soup takes the first rows of the multilingual token embedding.

Works on the exported ONNX graphs: each weight is named after its PyTorch parameter (the token
embedding also when stored as int8, read back as float); MatMul weights, stored transposed under
generated names, are matched through the named bias of the same Linear layer (as init.py does).
"""
import numpy as np
import onnx
from onnx import numpy_helper

from . import int8


def _canonical(model):
    """{initializer name: parameter key} and {parameter key: float array} of an exported encoder."""
    init = int8.dequantized_state({i.name: numpy_helper.to_array(i) for i in model.graph.initializer})
    consumers = {}
    for node in model.graph.node:
        for x in node.input:
            consumers.setdefault(x, []).append(node)
    keys = {name: name for name in init if name.startswith("model.")}
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
        keys[weight] = bias[: -len(".bias")] + ".weight (transposed)"
    return keys, {keys[name]: init[name] for name in keys}


def average(base, others, weights):
    """A copy of base (an onnx.ModelProto, float32 token embedding) whose every weight is the
    weighted mean of its own and the others' (weights: base's first, summing to 1). A token
    embedding with more rows than base's contributes its first rows."""
    if len(weights) != 1 + len(others) or abs(sum(weights) - 1.0) > 1e-9:
        raise ValueError("one weight per model, summing to 1")
    model = onnx.ModelProto.FromString(base.SerializeToString())
    keys, _ = _canonical(model)
    states = [_canonical(o)[1] for o in others]
    for t in model.graph.initializer:
        if t.name not in keys:
            continue
        a = numpy_helper.to_array(t)
        total = weights[0] * a.astype(np.float64)
        for w, state in zip(weights[1:], states):
            b = state.get(keys[t.name])
            if b is None:
                raise ValueError(f"{keys[t.name]} is missing from a model to average")
            if b.shape != a.shape:
                if keys[t.name] != int8.EMBEDDING or b.shape[0] < a.shape[0] or b.shape[1:] != a.shape[1:]:
                    raise ValueError(f"{keys[t.name]}: shapes {a.shape} and {b.shape} do not average")
                b = b[: a.shape[0]]
            total += w * b.astype(np.float64)
        t.CopyFrom(numpy_helper.from_array(total.astype(a.dtype), t.name))
    onnx.checker.check_model(model)
    return model
