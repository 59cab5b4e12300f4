"""Weight averaging ("model soup"): encoders of one lineage, averaged weight by weight.

Encoders warm-started from one another (the English model 2.0 and the multilingual models trained
on from it) stay in one basin of the loss, so the mean of their weights is itself a good encoder,
often better than each (Wortsman et al. 2022, "Model soups"). The multilingual vocabulary extends
the English one (its first 8,000 entries are the English pieces with the same ids), so an
English-vocabulary soup takes the first rows of the multilingual token embedding.

Works on the exported ONNX graphs, whose weights init.py names by their PyTorch parameters (the
token embedding also when stored as int8, read back as float).
"""
import numpy as np
import onnx
from onnx import numpy_helper

from . import init as warm


def average(base, others, weights):
    """A copy of base (an onnx.ModelProto, float32 token embedding) whose every weight is the
    weighted mean of its own and the others' (weights: base's first, summing to 1). A token
    embedding with more rows than base's contributes its first rows."""
    if len(weights) != 1 + len(others) or abs(sum(weights) - 1.0) > 1e-9:
        raise ValueError("one weight per model, summing to 1")
    model = onnx.ModelProto.FromString(base.SerializeToString())
    names = warm.parameter_names(model, {i.name: numpy_helper.to_array(i) for i in model.graph.initializer})
    states = [warm.numpy_state(o) for o in others]
    for t in model.graph.initializer:
        if t.name not in names:
            continue
        key, transposed = names[t.name]
        a = numpy_helper.to_array(t)
        total = weights[0] * a.astype(np.float64)
        for w, state in zip(weights[1:], states):
            b = state.get(key)
            if b is None:
                raise ValueError(f"{key} is missing from a model to average")
            if transposed:
                b = b.T
            if b.shape != a.shape:
                if key != "tok.weight" or b.shape[0] < a.shape[0] or b.shape[1:] != a.shape[1:]:
                    raise ValueError(f"{key}: shapes {a.shape} and {b.shape} do not average")
                b = b[: a.shape[0]]
            total += w * b.astype(np.float64)
        t.CopyFrom(numpy_helper.from_array(total.astype(a.dtype), t.name))
    onnx.checker.check_model(model)
    return model
