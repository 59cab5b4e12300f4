#!/usr/bin/env python3
"""Trains the TitleMatch job-title encoder from the public data in ../shared/data and writes the ONNX
model, tokenizer and manifest that the app loads. One command, seeded:

    python3 models/training/train.py --data ../shared/data --out models/titlematch

See models/training/README.md for the method and the figures.
"""
import argparse
import json
import os
import random
import shutil
import sys
import time
from collections import Counter

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from titlematch_train import checkpoint, data, evaluate, export, i18n, init, jobbert, lexicon, text, wordpiece  # noqa: E402
from titlematch_train.augment import augment  # noqa: E402
from titlematch_train.model import Encoder  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", default=os.environ.get("TITLEMATCH_DATA", "../shared/data"))
    p.add_argument("--out", default="models/titlematch")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--init", help="warm start: an exported model.onnx (its folder's tokenizer.json and config.json fix the vocabulary and shape)")
    p.add_argument("--resume", help="a run folder with checkpoint.pt: continue that run where it stopped")
    p.add_argument("--work", default="models/training/.work/run",
                   help="the run folder: checkpoint.pt every --checkpoint-every steps and train-log.jsonl")
    p.add_argument("--checkpoint-every", type=int, default=100)
    p.add_argument("--stop-after", type=int, default=0,
                   help="stop after this step with a checkpoint and no export (continue with --resume DIR, where --steps may change the schedule)")
    p.add_argument("--vacancy-share", type=float, default=0.3,
                   help="share of anchors drawn from jobbert-val's training part (real vacancy titles); 0 for none")
    p.add_argument("--abbr", type=float, default=0.25,
                   help="probability of rewriting a title between its expanded and abbreviated forms (lexicon)")
    p.add_argument("--lexicon", help="the lexicon file to augment with (default: electron/core/text/lexicon.ts as it stands); "
                                     "train.sh passes each stage the lexicon of its day from git, so a rerun trains on the same entries")
    p.add_argument("--languages", default="",
                   help="esco-i18n languages whose labels join their ESCO occupations (e.g. de,es,fr,nl,pl,pt; none for the English model); "
                        "with --init and --vocab-size above the warm start's, the vocabulary is extended for them")
    p.add_argument("--language-share", type=float, default=0.0,
                   help="share of anchors drawn as --languages titles, the language picked uniformly (so that a small one counts as "
                        "much as a large one), each paired half the time with an English title of its occupation; 0 for none")
    p.add_argument("--language-weights", default="",
                   help="with --language-share, how likely each language is drawn instead of uniformly, e.g. pl=3,nl=2 "
                        "(unnamed languages weigh 1): more steps for the languages the dev sets find weakest")
    p.add_argument("--vocab-languages", default="",
                   help="with --init and a larger --vocab-size, learn the new vocabulary entries from these languages' "
                        "training titles only (e.g. pl,nl), instead of from every title")
    p.add_argument("--links", action=argparse.BooleanOptionalAction, default=True,
                   help="one job, one class: O*NET and ESCO occupations linked by ESCO's preferred label are not each other's negatives")
    p.add_argument("--steps", type=int, default=2000)
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--lr", type=float, default=5e-4, help="peak learning rate (1.0 from scratch: 1e-3)")
    p.add_argument("--vocab-size", type=int, default=8000, help="WordPiece entries (from scratch), or the extended size with --init and --languages")
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--ffn", type=int, default=1024)
    p.add_argument("--max-len", type=int, default=32)
    p.add_argument("--scale", type=float, default=20.0, help="inverse temperature of the proxy softmax")
    p.add_argument("--margin", type=float, default=0.1, help="additive cosine margin on the true class")
    p.add_argument("--parent-weight", type=float, default=0.25)
    p.add_argument("--pair-weight", type=float, default=0.5, help="in-batch title/title contrastive term")
    p.add_argument("--text-share", type=float, default=0.12, help="share of descriptions and tasks in a batch")
    p.add_argument("--aug", type=float, default=0.5, help="probability of augmenting a title")
    p.add_argument("--dev", action=argparse.BooleanOptionalAction, default=True,
                   help="hold out 589 ESCO labels and report dev metrics (for decisions); --no-dev trains on all")
    p.add_argument("--threads", type=int, default=2, help="intra-op threads (model 2.0: 2; 1.0: 1)")
    p.add_argument("--eval-every", type=int, default=250)
    p.add_argument("--name", default="titlematch-job-encoder")
    p.add_argument("--version", default="2.0.0")
    p.add_argument("--warmup", type=float, default=0.03, help="share of steps spent warming up the learning rate (1.0: 0.05)")
    return p.parse_args(argv)


class Tok:
    def __init__(self, wp, max_len):
        self.wp = wp
        self.max_len = max_len
        self.cache = {}

    def ids(self, s):
        hit = self.cache.get(s)
        if hit is None:
            out = [2]
            for w in text.words_of(s):
                out.extend(self.wp.encode_word(w))
                if len(out) >= self.max_len - 1:
                    break
            out = out[: self.max_len - 1] + [3]
            hit = self.cache[s] = out
        return hit

    def batch(self, strings):
        seqs = [self.ids(s) for s in strings]
        n = max(len(x) for x in seqs)
        ids = np.zeros((len(seqs), n), dtype=np.int64)
        mask = np.zeros((len(seqs), n), dtype=np.int64)
        for i, x in enumerate(seqs):
            ids[i, : len(x)] = x
            mask[i, : len(x)] = 1
        return torch.from_numpy(ids), torch.from_numpy(mask)


def names(option):
    """A comma-separated option ("de,es,pl") as a list, empty when unset."""
    return [x for x in option.split(",") if x]


def language_weights(option, languages):
    """--language-weights ("pl=3,nl=2") as one weight per language of --languages (unnamed ones 1.0),
    or None for the uniform draw; a language that --languages does not train stops the run."""
    weight_of = {k: float(v) for k, v in (x.split("=") for x in names(option))}
    unknown = sorted(set(weight_of) - set(languages))
    if unknown:
        raise SystemExit(f"--language-weights names {','.join(unknown)}, which --languages does not train")
    return [weight_of.get(x, 1.0) for x in languages] if weight_of else None


def word_counts(strings):
    """How often each word (as the tokenizer splits them) occurs in strings, in first-seen order."""
    counts = Counter()
    for s in strings:
        counts.update(text.words_of(s))
    return counts


def make_encode(model, tok, bs=512):
    def encode(strings):
        model.eval()
        out = []
        with torch.no_grad():
            order = sorted(range(len(strings)), key=lambda i: len(tok.ids(strings[i])))
            for s in range(0, len(order), bs):
                idx = order[s : s + bs]
                ids, mask = tok.batch([strings[i] for i in idx])
                out.append((idx, model(ids, mask)[1]))
        res = torch.zeros(len(strings), model.config["hidden"])
        for idx, e in out:
            res[torch.tensor(idx)] = e
        model.train()
        return res

    return encode


def encode_train(model, tok, strings, chunks=2):
    """Forward pass in length-sorted chunks so that short titles are not padded to the length of a
    description that shares their batch."""
    order = sorted(range(len(strings)), key=lambda i: len(tok.ids(strings[i])))
    size = (len(order) + chunks - 1) // chunks
    parts, index = [], []
    for s in range(0, len(order), size):
        idx = order[s : s + size]
        ids, mask = tok.batch([strings[i] for i in idx])
        parts.append(model(ids, mask)[1])
        index.extend(idx)
    out = torch.cat(parts)
    inverse = torch.empty(len(index), dtype=torch.long)
    inverse[torch.tensor(index)] = torch.arange(len(index))
    return out[inverse]


def proxy_loss(e, proxies, labels, scale, margin, exclude=None):
    logits = e @ F.normalize(proxies, dim=-1).T
    logits = logits - margin * F.one_hot(labels, logits.shape[1]).to(logits.dtype)
    if exclude is not None:
        # Linked occupations (the same job in O*NET and ESCO) are not negatives of each other.
        logits = logits.masked_fill(exclude, -1e4)
    return F.cross_entropy(scale * logits, labels)


def centroids(encode, groups, strings_of, n):
    """Mean vector of each group's strings (proxies of a warm-started run start at their class)."""
    flat, owner = [], []
    for gi, g in enumerate(groups):
        for t in strings_of(g):
            flat.append(t)
            owner.append(gi)
    e = encode(flat)
    out = torch.zeros(n, e.shape[1])
    out.index_add_(0, torch.tensor(owner), e)
    return F.normalize(out, dim=-1)


class Log:
    """train-log.jsonl in the run folder: one JSON object per line (step, loss, dev figures)."""

    def __init__(self, folder):
        self.path = os.path.join(folder, "train-log.jsonl")

    def write(self, **record):
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")


def main(argv=None):
    argv = argv if argv is not None else sys.argv[1:]
    args = parse_args(argv)
    state = None
    notes = []
    if args.resume:
        resume = args.resume
        state = checkpoint.load(resume)
        # --steps on resume shortens or lengthens the schedule from the checkpoint on (recorded).
        steps = args.steps if any(a == "--steps" or a.startswith("--steps=") for a in argv) else None
        argv = list(state["argv"])
        args = parse_args(argv)
        notes = list(state.get("notes", []))
        if steps is not None and steps != args.steps:
            argv += ["--steps", str(steps)]
            notes.append(f"resumed at step {state['step']} of {args.steps} with --steps {steps}")
            args.steps = steps
        args.work = resume
        print(f"resuming {args.work} at step {state['step']} of {args.steps}", flush=True)
    os.makedirs(args.work, exist_ok=True)
    if state is None and not args.lexicon:
        # The lexicon the run starts with is kept in the run folder and named in the checkpoint's
        # argv, so a resumed run augments with the same entries whatever lexicon.ts holds by then.
        args.lexicon = os.path.join(args.work, "lexicon.ts")
        shutil.copyfile(lexicon.LEXICON_TS, args.lexicon)
        argv = list(argv) + ["--lexicon", args.lexicon]
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    t0 = time.time()
    log = Log(args.work)

    groups = data.load_groups(args.data)
    dev = data.split_dev(groups) if args.dev else []
    vac_train, vac_dev = jobbert.split(args.data)
    attached = data.attach_vacancies(groups, vac_train) if args.vacancy_share > 0 else 0
    languages = names(args.languages)
    # The language options are checked here, before minutes of data and warm-start work.
    lang_weights = language_weights(args.language_weights, languages)
    vocab_languages = names(args.vocab_languages)
    if set(vocab_languages) - set(languages):
        raise SystemExit("--vocab-languages must name languages that --languages trains")
    # Per language, the (group, title) pairs it added; a group's first n_english[gi] titles are English.
    n_english = [len(g.titles) for g in groups]
    lang_titles = {}
    if languages:
        counts_i18n = {}
        for language in languages:
            before = [len(g.titles) for g in groups]
            counts_i18n.update(i18n.attach(groups, args.data, [language], data._add))
            lang_titles[language] = [(gi, t) for gi, g in enumerate(groups) for t in g.titles[before[gi]:]]
        print(f"languages: {counts_i18n} (titles added, alternative labels held out)", flush=True)
    print(f"groups {len(groups)}, titles {sum(len(g.titles) for g in groups)}, texts {sum(len(g.texts) for g in groups)}, "
          f"vacancy titles {attached} (jobbert-dev {len(vac_dev)} never trained on), esco dev {len(dev)}", flush=True)

    extend = None
    if args.init:
        folder = os.path.dirname(os.path.abspath(args.init))
        vocab = init.read_vocab(folder)
        if languages and args.vocab_size > len(vocab):
            if vocab_languages:
                # Entries for the named languages: their training titles only (held-out labels were never
                # attached), learnt past the old size so that enough of the merges are new.
                counts = word_counts(s for language in vocab_languages for _, s in lang_titles[language])
                learn_to = len(vocab) + 4 * (args.vocab_size - len(vocab))
            else:
                counts = word_counts(s for g in groups for s in g.titles + g.texts)
                learn_to = args.vocab_size
            known = set(vocab)
            learned = wordpiece.learn_vocab(counts, learn_to)
            old_vocab, old_wp = vocab, wordpiece.WordPiece(vocab)
            vocab = vocab + [t for t in learned if t not in known][: args.vocab_size - len(vocab)]
            extend = lambda state: init.extend_embeddings(state, old_vocab, vocab, old_wp.encode_word)  # noqa: E731
            print(f"vocabulary extended from {len(old_vocab)} to {len(vocab)} entries for {','.join(vocab_languages or languages)}", flush=True)
        c = init.read_config(folder)
        args.hidden, args.layers, args.heads, args.ffn, args.max_len = c["hidden"], c["layers"], c["heads"], c["ffn"], c["max_len"]
        print(f"warm start from {args.init}: vocabulary {len(vocab)}, {c['layers']} layers x {c['hidden']}", flush=True)
    else:
        vocab = wordpiece.learn_vocab(word_counts(s for g in groups for s in g.titles + g.texts), args.vocab_size)
    wp = wordpiece.WordPiece(vocab)
    tok = Tok(wp, args.max_len)
    print(f"vocab {len(vocab)} ({time.time() - t0:.0f}s)", flush=True)

    abbrev = lexicon.Abbreviator(lexicon.load(args.lexicon))
    key_of = lambda t: " ".join(text.words_of(t))  # noqa: E731
    links = data.link_groups(groups, key_of) if args.links else {}
    link_mask = torch.zeros(len(groups), len(groups), dtype=torch.bool)
    for a, bs in links.items():
        link_mask[a, list(bs)] = True
    print(f"lexicon {len(abbrev.by_abbr)} entries; linked occupations {int(link_mask.sum()) // 2} pairs", flush=True)

    parents = sorted({g.parent for g in groups})
    parent_id = {p: i for i, p in enumerate(parents)}
    g_parent = [parent_id[g.parent] for g in groups]
    all_titles = [(gi, t) for gi, g in enumerate(groups) for t in g.titles]
    all_vacancies = [(gi, t) for gi, g in enumerate(groups) for t in g.vacancies]

    model = Encoder(len(vocab), args.hidden, args.layers, args.heads, args.ffn, max_len=args.max_len)
    proxies = torch.nn.Parameter(torch.randn(len(groups), args.hidden) * 0.02)
    pproxies = torch.nn.Parameter(torch.randn(len(parents), args.hidden) * 0.02)
    encode = make_encode(model, tok)
    if args.init and state is None:
        init.load_into(model, args.init, extend)
        with torch.no_grad():
            proxies.copy_(centroids(encode, groups, lambda g: g.titles, len(groups)))
            owner = torch.tensor(g_parent)
            p = torch.zeros(len(parents), args.hidden).index_add_(0, owner, proxies.detach())
            pproxies.copy_(F.normalize(p, dim=-1))
        print(f"proxies at their occupations' centroids ({time.time() - t0:.0f}s)", flush=True)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and not n.startswith(("tok", "pos"))]
    no_decay = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and not n.startswith(("tok", "pos")))]
    opt = torch.optim.AdamW(
        [
            {"params": decay, "weight_decay": 0.01, "lr": args.lr},
            {"params": no_decay, "weight_decay": 0.0, "lr": args.lr},
            {"params": [proxies, pproxies], "weight_decay": 0.0, "lr": args.lr * 5},
        ],
        betas=(0.9, 0.98),
    )
    base = [g["lr"] for g in opt.param_groups]
    warm = max(1, int(args.steps * args.warmup))
    params = sum(p.numel() for p in model.parameters())
    print(f"encoder parameters {params / 1e6:.2f}M", flush=True)
    dev_labels, dev_keys = evaluate.esco_labels(args.data)
    start, minutes_before = 0, 0.0
    if state is not None:
        checkpoint.check_vocab(state, vocab)
        checkpoint.restore(state, model, proxies, pproxies, opt, rng)
        start, minutes_before = state["step"], state["minutes"]

    def dev_figures(step):
        figures = {"esco-dev": evaluate.rank_metrics(encode, dev, dev_labels, dev_keys)} if dev else {}
        figures["jobbert-dev"] = evaluate.rank_metrics(encode, vac_dev, dev_labels, dev_keys)
        print(f"dev {step}: {figures}", flush=True)
        log.write(step=step, dev=figures)
        return figures

    def rewrite(t, p):
        # p == 0 draws nothing, so that the 1.0 recipe (--abbr 0) replays 1.0's random stream.
        if p > 0 and rng.random() < p:
            t2 = abbrev.abbreviate(t, rng) if rng.random() < 0.75 else abbrev.expand(t, rng)
            if t2:
                return t2
        return t

    if start == 0 and args.init:
        dev_figures(0)
    n_vac = int(args.batch * args.vacancy_share) if all_vacancies else 0
    n_lang = int(args.batch * args.language_share) if lang_titles else 0
    half = (args.batch - n_vac - n_lang) // 2
    t_train = time.time()
    for step in range(start + 1, args.steps + 1):
        frac = step / args.steps
        mult = step / warm if step <= warm else max(0.0, (1 - frac) / (1 - warm / args.steps))
        for g, b in zip(opt.param_groups, base):
            g["lr"] = b * mult
        # Anchors: real vacancy titles, then half over occupations (so that small ones count), half
        # over titles. Each anchor brings a second title of its occupation as an in-batch positive.
        # With --language-share, the next anchors are titles of the other languages, each language as
        # likely as any, paired half the time with an English title (the cross-lingual positive).
        vac = [all_vacancies[rng.randrange(len(all_vacancies))] for _ in range(n_vac)]
        gids = [gi for gi, _ in vac]
        foreign = []
        for _ in range(n_lang):
            if lang_weights:
                pool = lang_titles[rng.choices(languages, lang_weights)[0]]
            else:
                pool = lang_titles[languages[rng.randrange(len(languages))]]
            foreign.append(pool[rng.randrange(len(pool))])
        gids += [gi for gi, _ in foreign]
        gids += [rng.randrange(len(groups)) for _ in range(half)]
        gids += [all_titles[rng.randrange(len(all_titles))][0] for _ in range(args.batch - n_vac - n_lang - half)]
        a_strings, b_strings = [], []
        for j, gi in enumerate(gids):
            g = groups[gi]
            if j < n_vac:
                a = rewrite(vac[j][1], args.abbr * 0.5)
            elif j < n_vac + n_lang:
                a = foreign[j - n_vac][1]
                if rng.random() < args.aug:
                    a = augment(a, rng, g.titles)
                if n_english[gi] and rng.random() < 0.5:
                    a_strings.append(a)
                    b_strings.append(rng.choice(g.titles[: n_english[gi]]))
                    continue
            elif g.texts and rng.random() < args.text_share:
                a = rng.choice(g.texts)
            else:
                a = rewrite(rng.choice(g.titles), args.abbr)
                if rng.random() < args.aug:
                    a = augment(a, rng, g.titles)
            bt = rewrite(rng.choice(g.titles), args.abbr * 0.5)
            if rng.random() < args.aug * 0.5:
                bt = augment(bt, rng, g.titles)
            a_strings.append(a)
            b_strings.append(bt)
        labels = torch.tensor(gids)
        e = encode_train(model, tok, a_strings + b_strings)
        ea, eb = e[: len(gids)], e[len(gids):]
        both = torch.cat([labels, labels])
        exclude = link_mask[both] if links else None
        loss = proxy_loss(e, proxies, both, args.scale, args.margin, exclude)
        plabels = torch.tensor([g_parent[i] for i in gids])
        loss = loss + args.parent_weight * proxy_loss(e, pproxies, torch.cat([plabels, plabels]), args.scale, args.margin)
        if args.pair_weight > 0:
            sim = ea @ eb.T * args.scale
            same = labels[:, None] == labels[None, :]
            if links:
                same = same | link_mask[labels][:, labels]
            sim = sim.masked_fill(same & ~torch.eye(len(gids), dtype=torch.bool), -1e4)
            target = torch.arange(len(gids))
            loss = loss + args.pair_weight * 0.5 * (F.cross_entropy(sim, target) + F.cross_entropy(sim.T, target))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(list(model.parameters()) + [proxies, pproxies], 1.0)
        opt.step()
        minutes = minutes_before + (time.time() - t_train) / 60
        if step % 50 == 0:
            per = (time.time() - t_train) / (step - start)
            print(f"step {step}/{args.steps} loss {loss.item():.3f} {per:.2f}s/step eta {per * (args.steps - step) / 60:.1f}min", flush=True)
            log.write(step=step, loss=round(loss.item(), 4), minutes=round(minutes, 2))
        if step % args.eval_every == 0 or step == args.steps:
            dev_figures(step)
        if step % args.checkpoint_every == 0 or step == args.steps or step == args.stop_after:
            checkpoint.save(args.work, argv, step, minutes, model, proxies, pproxies, opt, rng, notes, vocab)
        if step == args.stop_after and step < args.steps:
            print(f"stopped after step {step} as asked (--stop-after); continue with --resume {args.work}", flush=True)
            return

    train_minutes = minutes_before + (time.time() - t_train) / 60
    final = dev_figures(args.steps)
    model.eval()
    export.write_model(args, model, tok, vocab, final, params, train_minutes, argv,
                       extra={"links": int(link_mask.sum()) // 2, "lexicon": len(abbrev.by_abbr),
                              "lexicon_sha256": export.sha256(args.lexicon or lexicon.LEXICON_TS),
                              "vacancy_titles": attached, "jobbert_dev": jobbert.dev_digest(args.data),
                              **({"resumed": notes} if notes else {}), **({"languages": languages} if languages else {})})
    shutil.copyfile(log.path, os.path.join(args.out, "training-log.jsonl"))
    print(f"done in {(time.time() - t0) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
