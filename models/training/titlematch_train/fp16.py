"""Half-precision variants of an exported encoder, for GPU execution providers.

`convert` turns the encoder body (everything up to last_hidden_state) to float16 and keeps the
pooling and normalisation tail in float32: graph inputs and outputs keep their types, so the app
feeds and reads the variant exactly like the float32 model. The mean over the mask, the square root
of the sum of squares and their epsilon clamps (1e-9, 1e-12) stay in float32, where they cannot
underflow.

`round_every_op` is a measuring device, not shipped: the float32 graph with float16-rounded weights
and every float tensor of the body rounded to float16 after the node that makes it. It reproduces
float16 storage of every intermediate on any provider, so the dev-set figure does not depend on
which float16 kernels the measuring provider happens to have.
"""
import onnx
from onnx import TensorProto, helper, numpy_helper

FLOAT, FLOAT16 = TensorProto.FLOAT, TensorProto.FLOAT16
BODY_OUTPUT = "last_hidden_state"
# Ops the bundled export uses; anything else means the graph changed and the split must be checked.
KNOWN_OPS = {
    "Add", "Cast", "Concat", "Constant", "Div", "Erf", "Gather", "LayerNormalization", "MatMul", "Mul",
    "Range", "Reshape", "Shape", "Softmax", "Split", "Squeeze", "Sub", "Transpose", "Unsqueeze",
    "ReduceSum", "Clip", "Sqrt",
}


def _body_end(graph):
    """Index of the node that writes last_hidden_state: the body is everything up to it."""
    for i, node in enumerate(graph.node):
        if BODY_OUTPUT in node.output:
            return i
    raise ValueError(f"the graph has no {BODY_OUTPUT} output")


def _check_ops(graph):
    unknown = sorted({n.op_type for n in graph.node} - KNOWN_OPS)
    if unknown:
        raise ValueError(f"ops {unknown} are not handled by the float16 conversion; extend KNOWN_OPS after checking them")


def _body_inputs(graph, end):
    used = set()
    for node in graph.node[: end + 1]:
        used.update(node.input)
    return used


def _tail_inputs(graph, end):
    used = set()
    for node in graph.node[end + 1:]:
        used.update(node.input)
    return used


def _copy_with_body_weights(model, cast):
    """A copy of model whose float weights and constants in the body went through cast (a numpy
    array -> numpy array function), with the index of the body's last node."""
    model = onnx.ModelProto.FromString(model.SerializeToString())
    graph = model.graph
    _check_ops(graph)
    end = _body_end(graph)
    body_in, tail_in = _body_inputs(graph, end), _tail_inputs(graph, end)
    shared = {i.name for i in graph.initializer if i.data_type == FLOAT and i.name in body_in and i.name in tail_in}
    if shared:
        raise ValueError(f"initializers {sorted(shared)} feed both the body and the pooling tail")
    for init in graph.initializer:
        if init.data_type == FLOAT and init.name in body_in:
            init.CopyFrom(numpy_helper.from_array(cast(numpy_helper.to_array(init)), init.name))
    for node in graph.node[: end + 1]:
        for attr in node.attribute:
            if node.op_type == "Constant" and attr.name == "value" and attr.t.data_type == FLOAT:
                attr.t.CopyFrom(numpy_helper.from_array(cast(numpy_helper.to_array(attr.t)), attr.t.name))
    return model, end


def convert(model):
    """Returns a copy of model with a float16 body and a float32 pooling tail."""
    model, end = _copy_with_body_weights(model, lambda a: a.astype("float16"))
    graph = model.graph
    for node in graph.node[: end + 1]:
        for attr in node.attribute:
            if node.op_type == "Cast" and attr.name == "to" and attr.i == FLOAT:
                attr.i = FLOAT16
    # The body now writes a float16 last_hidden_state; a Cast gives the tail and the output float32.
    half = BODY_OUTPUT + "_fp16"
    writer = graph.node[end]
    writer.output[list(writer.output).index(BODY_OUTPUT)] = half
    graph.node.insert(end + 1, helper.make_node("Cast", [half], [BODY_OUTPUT], name="/fp16/CastLastHiddenState", to=FLOAT))
    del graph.value_info[:]
    model.producer_name = "titlematch fp16"
    onnx.checker.check_model(model)
    return model


def round_every_op(model):
    """The float32 graph with float16-rounded weights and every float body tensor rounded to float16."""
    model, end = _copy_with_body_weights(model, lambda a: a.astype("float16").astype("float32"))
    graph = model.graph
    inferred = onnx.shape_inference.infer_shapes(model)
    types = {v.name: v.type.tensor_type.elem_type for v in list(inferred.graph.value_info) + list(inferred.graph.output)}
    nodes = []
    for i, node in enumerate(graph.node):
        nodes.append(node)
        if i > end or node.op_type in ("Constant", "Shape"):
            continue
        for k, out in enumerate(node.output):
            if types.get(out) != FLOAT:
                continue
            raw = f"{out}_fp32"
            node.output[k] = raw
            nodes.append(helper.make_node("Cast", [raw], [f"{out}_as_fp16"], to=FLOAT16))
            nodes.append(helper.make_node("Cast", [f"{out}_as_fp16"], [out], to=FLOAT))
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.value_info[:]
    onnx.checker.check_model(model)
    return model
