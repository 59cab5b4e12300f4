#!/bin/sh
# Retrains the two bundled models: `npm run train` (or `sh models/training/train.sh [options]`).
# Eleven stages, one command:
#   1. the 1.0 recipe from scratch (taxonomy titles only, 1,500 steps): models/training/.work/stage1/.
#      Skipped when that folder already holds a model; `--stage1-from-git` takes the 1.0 export
#      from the git history instead of training it (exact, and 84 CPU-minutes faster).
#   2. the English model 2.0 warm-started from stage 1 (--init): real vacancy titles, linked
#      occupations and the recruiter lexicon, 2,000 steps: models/training/.work/stage2/out/ (skipped
#      when it holds a model; `--stage2-from-git` takes the 2.0 export from the git history instead).
#   3. the multilingual model 2.1 warm-started from stage 2: the esco-i18n labels of six languages,
#      the vocabulary extended to 14,000 pieces, 1,000 steps: models/training/.work/stage3/out/
#      (skipped when it holds a model; `--stage3-from-git` takes the 2.1 export from the git history).
#   4. the multilingual model 2.2 warm-started from stage 3: a third of each batch drawn from the six
#      languages, each as likely as any, paired half the time with an English title
#      (--language-share 0.3), fewer vacancy titles (--vacancy-share 0.15); a 1,000-step schedule
#      stopped after step 50 and continued with the schedule cut to 500 steps, as the shipped run
#      was: models/training/.work/stage4/out/.
#   5. the multilingual model 2.3: stage 4's recipe for 300 more steps, from 2.2 with its token
#      embedding stored as int8: models/training/.work/stage5/out.
#   6. the multilingual model 2.4 from 2.3: the vocabulary extended to 15,000 entries for Polish and
#      Dutch (--vocab-languages pl,nl), Polish and Dutch drawn more often (--language-weights
#      pl=3,nl=2), 450 steps: models/training/.work/stage6/out.
#   7. the multilingual model 2.5 from 2.4: Polish drawn four times as often (--language-weights
#      pl=4), 250 steps: models/training/.work/stage7/out.
#   8. the multilingual model 2.6 from 2.5: Polish drawn eight times and Dutch twice as often as
#      each other language (--language-weights pl=8,nl=2), 500 steps.
#   9. the English model 2.1: the weight average of stage 2's model and stage 8's (soup.py), to
#      models/titlematch.
#  10. the multilingual model 2.7: two more runs of stage 8's recipe from 2.6 (seeds 13 and 29),
#      averaged with 2.6 (soup.py).
#  11. the multilingual model 2.8: one more run from 2.7 with Polish drawn sixteen times as often
#      (seed 41, 200 steps), averaged with 2.7, to models/titlematch-multilingual.
#      Then npm run int8 (multilingual), fp16 and fit-confidence (both models) and language-profile.
# A stopped stage continues with `sh models/training/train.sh --resume models/training/.work/stageN`.
# `train.sh --fp16 [options]` runs fp16.py instead: builds and qualifies the float16 variant;
# `train.sh --int8 [options]` runs int8.py: stores the token embedding as int8 if the dev sets allow.
# `train.sh --soup [options]` runs soup.py: averages encoders of one lineage weight by weight.
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
elif [ "${1:-}" = "--soup" ]; then
  shift
  script=soup.py
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
  mkdir -p "$2/1_Pooling"
  for f in model.onnx tokenizer.json config.json tokenizer_config.json 1_Pooling/config.json manifest.json training-log.jsonl; do
    git show "$1:models/titlematch/$f" > "$2/$f" 2>/dev/null || rm -f "$2/$f"
  done
}
# lexicon_at COMMIT: the lexicon file of COMMIT, extracted once. Each stage trains with the lexicon
# of its day (the shipped models 2.0 to 2.6 with the 805 entries of aceb325), not the file as it
# stands, so a rerun augments with the same entries.
lexicon_at() {
  mkdir -p "$here/.work"
  if [ ! -f "$here/.work/lexicon-$1.ts" ]; then
    if ! git show "$1:electron/core/text/lexicon.ts" > "$here/.work/lexicon-$1.ts.part" 2>/dev/null; then
      echo "train: the lexicon of commit $1 (what the stages were trained with) is not in this clone's git history; fetch the whole history (git fetch --unshallow) and run again." >&2
      exit 2
    fi
    mv "$here/.work/lexicon-$1.ts.part" "$here/.work/lexicon-$1.ts"
  fi
  echo "$here/.work/lexicon-$1.ts"
}
lexicon805="$(lexicon_at aceb325)"
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
  "$python" -u "$here/$script" --init "$stage1/model.onnx" --lexicon "$lexicon805" --work "$stage2" --out "$stage2/out"
fi
stage3="$here/.work/stage3"
stage4="$here/.work/stage4"
if [ "${1:-}" = "--stage3-from-git" ]; then
  shift
  from_git 9334e83 "$stage3/out"
fi
if [ ! -f "$stage3/out/model.onnx" ]; then
  echo "train: stage 3, the multilingual model 2.1 from $stage2/out/model.onnx" >&2
  "$python" -u "$here/$script" --init "$stage2/out/model.onnx" --lexicon "$lexicon805" --work "$stage3" --out "$stage3/out" \
    --languages de,es,fr,nl,pl,pt --vocab-size 14000 --steps 1000 --eval-every 500 --version 2.1.0
fi
echo "train: stage 4, the multilingual model 2.2 from $stage3/out/model.onnx" >&2
if [ ! -f "$stage4/checkpoint.pt" ]; then
  "$python" -u "$here/$script" --init "$stage3/out/model.onnx" --lexicon "$lexicon805" --work "$stage4" \
    --languages de,es,fr,nl,pl,pt --vocab-size 14000 --language-share 0.3 --vacancy-share 0.15 \
    --steps 1000 --stop-after 50 --eval-every 500 --checkpoint-every 50 \
    --name titlematch-job-encoder-multilingual --version 2.2.0 --out "$stage4/out" "$@"
fi
if [ ! -f "$stage4/out/model.onnx" ]; then
  "$python" -u "$here/$script" --resume "$stage4" --steps 500
fi
# 5. the multilingual model 2.3: stage 4's recipe 300 steps further, from stage 4's model with its
#    token embedding stored as int8 (as the shipped 2.2.0 was): models/training/.work/stage5/out.
stage5="$here/.work/stage5"
# Stages 5 to 7 each start from the previous stage's model as it shipped, its token embedding
# stored as int8: `npm run int8` stores it so in place first (a model already stored so is left alone).
if [ ! -f "$stage5/out/model.onnx" ]; then
  npm run int8 -- --model "$stage4/out"
  "$python" -u "$here/$script" --init "$stage4/out/model.onnx" --lexicon "$lexicon805" --work "$stage5" \
    --languages de,es,fr,nl,pl,pt --vocab-size 14000 --language-share 0.3 --vacancy-share 0.15 \
    --steps 300 --eval-every 300 --checkpoint-every 50 \
    --name titlematch-job-encoder-multilingual --version 2.3.0 --out "$stage5/out"
fi
# 6. the multilingual model 2.4: from 2.3 (int8 token embedding, as shipped), the vocabulary extended
#    to 15,000 entries learnt from Polish and Dutch training titles, the six languages drawn
#    pl 3 : nl 2 : the others 1; a 600-step schedule stopped after step 100 and continued with the
#    schedule cut to 450 steps, as the shipped run was: models/training/.work/stage6/out.
stage6="$here/.work/stage6"
if [ ! -f "$stage6/out/model.onnx" ]; then
  if [ ! -f "$stage6/checkpoint.pt" ]; then
    npm run int8 -- --model "$stage5/out"
    "$python" -u "$here/$script" --init "$stage5/out/model.onnx" --lexicon "$lexicon805" --work "$stage6" \
      --languages de,es,fr,nl,pl,pt --vocab-size 15000 --vocab-languages pl,nl \
      --language-share 0.3 --language-weights pl=3,nl=2 --vacancy-share 0.15 \
      --steps 600 --stop-after 100 --eval-every 300 --checkpoint-every 50 \
      --name titlematch-job-encoder-multilingual --version 2.4.0 --out "$stage6/out"
  fi
  "$python" -u "$here/$script" --resume "$stage6" --steps 450
fi
# 7. the multilingual model 2.5: from 2.4 (int8 token embedding, as shipped), Polish drawn four times
#    as often as each other language, 250 steps: models/training/.work/stage7/out.
stage7="$here/.work/stage7"
if [ ! -f "$stage7/out/model.onnx" ]; then
  npm run int8 -- --model "$stage6/out"
  "$python" -u "$here/$script" --init "$stage6/out/model.onnx" --lexicon "$lexicon805" --work "$stage7" \
    --languages de,es,fr,nl,pl,pt --vocab-size 15000 --language-share 0.3 --language-weights pl=4 \
    --vacancy-share 0.15 --steps 250 --eval-every 250 --checkpoint-every 50 \
    --name titlematch-job-encoder-multilingual --version 2.5.0 --out "$stage7/out"
fi
# 8. the multilingual model 2.6: from 2.5 (int8 token embedding, as shipped), Polish drawn eight times
#    and Dutch twice as often as each other language, 500 steps: models/training/.work/stage8/out.
#    Stages 9 and 10 read it as shipped, its token embedding stored as int8.
stage8="$here/.work/stage8"
recipe8="--languages de,es,fr,nl,pl,pt --vocab-size 15000 --language-share 0.3 --language-weights pl=8,nl=2 --vacancy-share 0.15 --eval-every 500 --checkpoint-every 50 --name titlematch-job-encoder-multilingual"
if [ ! -f "$stage8/out/model.onnx" ]; then
  npm run int8 -- --model "$stage7/out"
  "$python" -u "$here/$script" --init "$stage7/out/model.onnx" --lexicon "$lexicon805" --work "$stage8" \
    $recipe8 --steps 500 --version 2.6.0 --out "$stage8/out"
fi
npm run int8 -- --model "$stage8/out"
# 9. the English model 2.1: stage 2's model (2.0) and stage 8's (2.6, its token embedding stored as
#    int8, as shipped) averaged weight by weight, the English vocabulary's rows of the multilingual
#    token embedding: models/training/.work/english-2.1, copied to models/titlematch.
english21="$here/.work/english-2.1"
if [ ! -f "$english21/model.onnx" ]; then
  "$python" -u "$here/soup.py" --base "$stage2/out" --with "$stage8/out" --out "$english21" \
    --name titlematch-job-encoder --version 2.1.0
fi
mkdir -p models/titlematch
cp -r "$english21/." models/titlematch/
# 10. the multilingual model 2.7: two more runs of stage 8's recipe from 2.6 (int8 token embedding,
#     as shipped), averaged with 2.6 weight by weight (soup.py, a third each):
#     stage 10a, seed 13, the 805-entry lexicon, a 500-step schedule stopped after step 200 and
#     continued with the schedule cut to 400 steps: models/training/.work/stage9 (as the run was);
#     stage 10b, seed 29, the 1,068-entry lexicon (ffbb507), a 500-step schedule stopped after step
#     250 and continued with the schedule cut to 400 steps: models/training/.work/stage11;
#     the average, its token embedding stored as int8: models/training/.work/ml-2.7, copied to
#     models/titlematch-multilingual (whose languages.json stays).
stage10a="$here/.work/stage9"
stage10b="$here/.work/stage11"
multilingual27="$here/.work/ml-2.7"
if [ ! -f "$multilingual27/model.onnx" ]; then
  if [ ! -f "$stage10a/out/model.onnx" ]; then
    [ -f "$stage10a/checkpoint.pt" ] || "$python" -u "$here/$script" --init "$stage8/out/model.onnx" --lexicon "$lexicon805" \
      --work "$stage10a" --out "$stage10a/out" $recipe8 --version 2.7.0 --steps 500 --stop-after 200
    "$python" -u "$here/$script" --resume "$stage10a" --steps 400
  fi
  if [ ! -f "$stage10b/out/model.onnx" ]; then
    [ -f "$stage10b/checkpoint.pt" ] || "$python" -u "$here/$script" --init "$stage8/out/model.onnx" --lexicon "$(lexicon_at ffbb507)" \
      --work "$stage10b" --out "$stage10b/out" $recipe8 --version 2.7.0 --seed 29 --steps 500 --stop-after 250
    "$python" -u "$here/$script" --resume "$stage10b" --steps 400
  fi
  npm run int8 -- --model "$stage10a/out"
  "$python" -u "$here/soup.py" --base "$stage10b/out" --with "$stage8/out" --with "$stage10a/out" --out "$multilingual27" \
    --name titlematch-job-encoder-multilingual --version 2.7.0
  npm run int8 -- --model "$multilingual27"
fi
# 11. the multilingual model 2.8: a run from 2.7 (int8 token embedding, as shipped) with Polish drawn
#     sixteen times and Dutch twice as often as each other language (--language-weights pl=16,nl=2),
#     seed 41, one thread, the 1,378-entry lexicon (24f973d), a 300-step schedule stopped after step
#     100 and continued with the schedule cut to 200 steps: models/training/.work/stage12 (as the run
#     was); averaged with 2.7 weight by weight (half each), its token embedding stored as int8:
#     models/training/.work/ml-2.8, copied to models/titlematch-multilingual (languages.json stays).
stage11="$here/.work/stage12"
multilingual28="$here/.work/ml-2.8"
if [ ! -f "$multilingual28/model.onnx" ]; then
  if [ ! -f "$stage11/out/model.onnx" ]; then
    [ -f "$stage11/checkpoint.pt" ] || "$python" -u "$here/$script" --init "$multilingual27/model.onnx" --lexicon "$(lexicon_at 24f973d)" \
      --work "$stage11" --out "$stage11/out" --languages de,es,fr,nl,pl,pt --vocab-size 15000 --language-share 0.3 \
      --language-weights pl=16,nl=2 --vacancy-share 0.15 --eval-every 500 --checkpoint-every 50 \
      --name titlematch-job-encoder-multilingual --version 2.8.0 --seed 41 --steps 300 --threads 1 --stop-after 100
    "$python" -u "$here/$script" --resume "$stage11" --steps 200
  fi
  "$python" -u "$here/soup.py" --base "$stage11/out" --with "$multilingual27" --out "$multilingual28" \
    --name titlematch-job-encoder-multilingual --version 2.8.0
  npm run int8 -- --model "$multilingual28"
fi
mkdir -p models/titlematch-multilingual
cp -r "$multilingual28/." models/titlematch-multilingual/
# Then what every new model gets: the int8 token embedding where the dev sets allow (the multilingual
# model; the English one ships float32), the float16 copies, the calibrations, the language profile.
npm run int8 -- --model models/titlematch-multilingual
npm run fp16 -- --model models/titlematch
npm run fp16 -- --model models/titlematch-multilingual
npm run fit-confidence -- --model english
npm run fit-confidence -- --model multilingual
npm run language-profile
