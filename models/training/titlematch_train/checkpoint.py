"""Resumable training: the whole state of a run (weights, proxies, optimiser, random generators,
step and minutes so far, the command line) in one checkpoint.pt, written atomically, so that
`train.py --resume DIR` continues a stopped run exactly where it was."""
import os

import torch


def save(folder, argv, step, minutes, model, proxies, pproxies, opt, rng, notes=()):
    state = {
        "argv": list(argv), "step": step, "minutes": minutes, "notes": list(notes),
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


def restore(state, model, proxies, pproxies, opt, rng):
    model.load_state_dict(state["model"])
    with torch.no_grad():
        proxies.copy_(state["proxies"])
        pproxies.copy_(state["pproxies"])
    opt.load_state_dict(state["opt"])
    rng.setstate(state["rng"])
    torch.set_rng_state(state["torch_rng"])
