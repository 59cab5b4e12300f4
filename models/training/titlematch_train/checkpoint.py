"""Resumable training: the whole state of a run (weights, proxies, optimiser, random generators,
step and minutes so far, the command line) in one checkpoint.pt, written atomically, so that
`train.py --resume DIR` continues a stopped run exactly where it was."""
import hashlib
import os

import torch


def vocab_digest(vocab):
    """The sha256 of a vocabulary in order: token ids mean the same only under the same one."""
    return hashlib.sha256("\n".join(vocab).encode("utf-8")).hexdigest()


def save(folder, argv, step, minutes, model, proxies, pproxies, opt, rng, notes=(), vocab=None):
    state = {
        "argv": list(argv), "step": step, "minutes": minutes, "notes": list(notes),
        **({"vocab_sha256": vocab_digest(vocab)} if vocab is not None else {}),
        "model": model.state_dict(), "proxies": proxies.detach().clone(), "pproxies": pproxies.detach().clone(),
        "opt": opt.state_dict(), "rng": rng.getstate(), "torch_rng": torch.get_rng_state(),
    }
    path = os.path.join(folder, "checkpoint.pt")
    tmp = path + ".tmp"
    torch.save(state, tmp)
    os.replace(tmp, path)


def load(folder):
    path = os.path.join(folder, "checkpoint.pt")
    if not os.path.exists(path):
        raise SystemExit(f"train: {folder} has no checkpoint.pt to resume from")
    return torch.load(path)


def check_vocab(state, vocab):
    """Stops a resumed run whose vocabulary is not the one it was trained with (its --init folder
    changed since: the vocabulary is built again from it on resume), rather than train on ids that
    now mean other pieces."""
    saved = state.get("vocab_sha256")
    if saved is not None and saved != vocab_digest(vocab):
        raise SystemExit("train: the vocabulary built on resume is not the one this run was trained with: its --init folder has "
                         "changed since the run started. Put the model it started from back at that path (the checkpoint's argv names it).")


def restore(state, model, proxies, pproxies, opt, rng):
    model.load_state_dict(state["model"])
    with torch.no_grad():
        proxies.copy_(state["proxies"])
        pproxies.copy_(state["pproxies"])
    opt.load_state_dict(state["opt"])
    rng.setstate(state["rng"])
    torch.set_rng_state(state["torch_rng"])
