"""WordPiece vocabulary learning (BPE merges with '##' continuation pieces, as the Hugging Face
WordPieceTrainer does) and greedy longest-match-first encoding, as the runtime WordPiece model does."""
from collections import Counter, defaultdict
import heapq

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
EXTRA_CHARS = [chr(c) for c in range(33, 127) if not ("A" <= chr(c) <= "Z")] + list("–—‘’“”•·…€£¥§°±×÷")


def learn_vocab(word_counts: Counter, vocab_size: int, min_frequency: int = 2, limit_alphabet: int = 1000) -> list:
    """Return the vocabulary as a list (index = id)."""
    # Alphabet: the most frequent characters, at word start and as continuations.
    char_counts = Counter()
    for w, c in word_counts.items():
        for ch in w:
            char_counts[ch] += c
    alphabet = [ch for ch, _ in char_counts.most_common(limit_alphabet)]
    # Characters that titles in the wild carry even where the taxonomies do not.
    for ch in EXTRA_CHARS:
        if ch not in alphabet:
            alphabet.append(ch)
    keep = set(alphabet)
    vocab = list(SPECIALS)
    seen = set(vocab)
    for ch in sorted(alphabet):
        for piece in (ch, "##" + ch):
            if piece not in seen:
                seen.add(piece)
                vocab.append(piece)
    # Each word as a list of pieces.
    words = []
    counts = []
    for w, c in word_counts.items():
        if any(ch not in keep for ch in w):
            continue
        words.append([w[0]] + ["##" + ch for ch in w[1:]])
        counts.append(c)
    pair_counts = Counter()
    where = defaultdict(set)
    for i, pieces in enumerate(words):
        for a, b in zip(pieces, pieces[1:]):
            pair_counts[(a, b)] += counts[i]
            where[(a, b)].add(i)
    heap = [(-c, p) for p, c in pair_counts.items()]
    heapq.heapify(heap)
    while len(vocab) < vocab_size and heap:
        negc, pair = heapq.heappop(heap)
        c = pair_counts.get(pair, 0)
        if c != -negc:
            if c > 0:
                heapq.heappush(heap, (-c, pair))
            continue
        if c < min_frequency:
            break
        a, b = pair
        merged = a + b[2:]
        if merged not in seen:
            seen.add(merged)
            vocab.append(merged)
        changed = Counter()
        for i in list(where[pair]):
            pieces = words[i]
            cnt = counts[i]
            j = 0
            new = []
            while j < len(pieces):
                if j + 1 < len(pieces) and pieces[j] == a and pieces[j + 1] == b:
                    new.append(merged)
                    j += 2
                else:
                    new.append(pieces[j])
                    j += 1
            if new == pieces:
                continue
            for x, y in zip(pieces, pieces[1:]):
                pair_counts[(x, y)] -= cnt
                changed[(x, y)] += 0
                where[(x, y)].discard(i)
            for x, y in zip(new, new[1:]):
                pair_counts[(x, y)] += cnt
                changed[(x, y)] += 0
                where[(x, y)].add(i)
            words[i] = new
        pair_counts.pop(pair, None)
        where.pop(pair, None)
        for p in changed:
            pc = pair_counts.get(p, 0)
            if pc > 0:
                heapq.heappush(heap, (-pc, p))
            else:
                pair_counts.pop(p, None)
    return vocab


class WordPiece:
    def __init__(self, vocab: list, unk: str = "[UNK]", max_chars: int = 100):
        self.vocab = vocab
        self.ids = {t: i for i, t in enumerate(vocab)}
        self.unk = unk
        self.max_chars = max_chars
        self.cache = {}

    def encode_word(self, word: str) -> list:
        hit = self.cache.get(word)
        if hit is not None:
            return hit
        if len(word) > self.max_chars:
            out = [self.ids[self.unk]]
        else:
            out = []
            start = 0
            while start < len(word):
                end = len(word)
                cur = None
                while start < end:
                    sub = word[start:end]
                    if start > 0:
                        sub = "##" + sub
                    if sub in self.ids:
                        cur = self.ids[sub]
                        break
                    end -= 1
                if cur is None:
                    out = [self.ids[self.unk]]
                    break
                out.append(cur)
                start = end
        self.cache[word] = out
        return out
