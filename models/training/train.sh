#!/bin/sh
# Retrains the bundled model: `npm run train` (or `sh models/training/train.sh [options]`).
# `train.sh --fp16 [options]` runs fp16.py instead: builds and qualifies the float16 variant.
# Needs Python 3 with PyTorch (Debian: apt-get install python3-torch python3-onnx libopenblas0-pthread).
# Options are passed to train.py (or fp16.py); `--help` lists them. Data: ../shared/data or $TITLEMATCH_DATA.
set -e
script=train.py
if [ "${1:-}" = "--fp16" ]; then
  shift
  script=fp16.py
fi
for py in "${PYTHON:-}" python3 /usr/bin/python3; do
  [ -n "$py" ] || continue
  if "$py" -c 'import torch, numpy, onnx' 2>/dev/null; then
    exec "$py" -u "$(dirname "$0")/$script" "$@"
  fi
done
echo "train: no Python with PyTorch and ONNX found. On Debian: apt-get install python3-torch python3-onnx libopenblas0-pthread (or set PYTHON=/path/to/python3)." >&2
exit 2
