"""The token embedding stored as int8, one scale per row: the shipped model's size.

The token embedding is the largest tensor of the encoder (vocabulary x hidden: 14,000 x 256 floats,
14.3 MB of a 27 MB multilingual model). `quantize_token_embedding` stores it as int8 with a float32
scale per row (symmetric: scale = max |w| / 127) and replaces its Gather by
Gather(int8) -> Cast(float) -> Mul(Gather(scales)): standard ops that every execution provider runs,
so the app feeds and reads the model as before. Only the looked-up rows are dequantised; the body
stays float32 (and float16 in the fp16 variant, whose conversion turns the Cast and the scales to
float16 with the rest of the body). `dequantized_state` gives warm starts (`--init`) the float rows back.
"""
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

EMBEDDING = "model.tok.weight"
INT8, SCALE = EMBEDDING + ".int8", EMBEDDING + ".scale"


def quantize_token_embedding(model):
    """Returns a copy of model whose token embedding is int8 with a scale per row."""
    model = onnx.ModelProto.FromString(model.SerializeToString())
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    if EMBEDDING not in inits:
        raise ValueError(f"the graph has no {EMBEDDING} initializer (already quantised?)")
    w = numpy_helper.to_array(inits[EMBEDDING]).astype(np.float32)
    scale = np.abs(w).max(axis=1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(w / scale), -127, 127).astype(np.int8)
    gathers = [n for n in graph.node if n.op_type == "Gather" and n.input[0] == EMBEDDING]
    users = [n for n in graph.node if EMBEDDING in n.input]
    if len(gathers) != 1 or len(users) != 1:
        raise ValueError(f"{EMBEDDING} is used by {len(users)} nodes; expected one Gather")
    gather = gathers[0]
    ids, out = gather.input[1], gather.output[0]
    nodes = [
        helper.make_node("Gather", [INT8, ids], [out + "_int8"], name="/int8/GatherRows", axis=0),
        helper.make_node("Cast", [out + "_int8"], [out + "_float"], name="/int8/Cast", to=TensorProto.FLOAT),
        helper.make_node("Gather", [SCALE, ids], [out + "_scale"], name="/int8/GatherScales", axis=0),
        helper.make_node("Mul", [out + "_float", out + "_scale"], [out], name="/int8/Dequantize"),
    ]
    at = list(graph.node).index(gather)
    del graph.node[at]
    for k, n in enumerate(nodes):
        graph.node.insert(at + k, n)
    graph.initializer.remove(inits[EMBEDDING])
    graph.initializer.extend([numpy_helper.from_array(q, INT8), numpy_helper.from_array(scale.astype(np.float32), SCALE)])
    del graph.value_info[:]
    onnx.checker.check_model(model)
    return model


def dequantized_state(init):
    """The float token embedding of a quantised graph's initializers (name -> array), in place."""
    if INT8 in init:
        init[EMBEDDING] = init.pop(INT8).astype(np.float32) * init.pop(SCALE)
    return init
