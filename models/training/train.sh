#!/bin/sh
# Retrains the bundled model: `npm run train` (or `sh models/training/train.sh [options]`).
# Two stages, one command:
#   1. the 1.0 recipe from scratch (taxonomy titles only, 1,500 steps): models/training/.work/stage1/.
#      Skipped when that folder already holds a model; `--stage1-from-git` takes the 1.0 export
#      from the git history instead of training it (exact, and 84 CPU-minutes faster).
#   2. model 2.0 warm-started from stage 1 (--init): real vacancy titles, linked occupations and
#      the recruiter lexicon, 2,000 steps: models/training/.work/stage2/out/ (skipped when it holds a
#      model; `--stage2-from-git` takes the 2.0 export from the git history instead).
#   3. the multilingual model 2.1 warm-started from stage 2: the esco-i18n labels of six languages,
#      the vocabulary extended to 14,000 pieces, 1,000 steps; written to --out (models/titlematch).
# A stopped stage continues with `sh models/training/train.sh --resume models/training/.work/stageN`.
# `train.sh --fp16 [options]` runs fp16.py instead: builds and qualifies the float16 variant;
# `train.sh --int8 [options]` runs int8.py: stores the token embedding as int8 if the dev sets allow.
# Needs Python 3 with PyTorch (Debian: apt-get install python3-torch python3-onnx libopenblas0-pthread).
# Options are passed to train.py (or fp16.py); `--help` lists them. Data: ../shared/data or $TITLEMATCH_DATA.
set -e
here="$(dirname "$0")"
script=train.py
if [ "${1:-}" = "--fp16" ]; then
  shift
  script=fp16.py
elif [ "${1:-}" = "--int8" ]; then
  shift
  script=int8.py
fi
python=""
for py in "${PYTHON:-}" python3 /usr/bin/python3; do
  [ -n "$py" ] || continue
  if "$py" -c 'import torch, numpy, onnx' 2>/dev/null; then
    python="$py"
    break
  fi
done
if [ -z "$python" ]; then
  echo "train: no Python with PyTorch and ONNX found. On Debian: apt-get install python3-torch python3-onnx libopenblas0-pthread (or set PYTHON=/path/to/python3)." >&2
  exit 2
fi
if [ "$script" != train.py ] || [ "${1:-}" = "--help" ] || [ "${1:-}" = "--resume" ]; then
  exec "$python" -u "$here/$script" "$@"
fi
stage1="$here/.work/stage1"
stage2="$here/.work/stage2"
# from_git COMMIT DIR: the bundled model of COMMIT (what a warm start reads) into DIR.
from_git() {
  mkdir -p "$2"
  for f in model.onnx tokenizer.json config.json; do
    git show "$1:models/titlematch/$f" > "$2/$f"
  done
}
if [ "${1:-}" = "--stage1-from-git" ]; then
  shift
  from_git 7866d0a "$stage1"
fi
if [ "${1:-}" = "--stage2-from-git" ]; then
  shift
  from_git e83a023 "$stage2/out"
fi
if [ ! -f "$stage2/out/model.onnx" ]; then
  if [ ! -f "$stage1/model.onnx" ]; then
    echo "train: stage 1, the 1.0 recipe from scratch -> $stage1" >&2
    "$python" -u "$here/$script" --out "$stage1" --work "$stage1" --steps 1500 --threads 1 --eval-every 300 \
      --vacancy-share 0 --abbr 0 --no-links --lr 1e-3 --warmup 0.05 --version 1.0.0
  fi
  echo "train: stage 2, model 2.0 from $stage1/model.onnx -> $stage2/out" >&2
  "$python" -u "$here/$script" --init "$stage1/model.onnx" --work "$stage2" --out "$stage2/out"
fi
echo "train: stage 3, the multilingual model 2.1 from $stage2/out/model.onnx" >&2
exec "$python" -u "$here/$script" --init "$stage2/out/model.onnx" --work "$here/.work/stage3" \
  --languages de,es,fr,nl,pl,pt --vocab-size 14000 --steps 1000 --eval-every 500 \
  --version 2.1.0 "$@"
