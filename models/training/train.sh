#!/bin/sh
# Retrains the bundled model: `npm run train` (or `sh models/training/train.sh [options]`).
# Needs Python 3 with PyTorch (Debian: apt-get install python3-torch python3-onnx libopenblas0-pthread).
# Options are passed to train.py; `--help` lists them. Data: ../shared/data or $TITLEMATCH_DATA.
set -e
for py in "${PYTHON:-}" python3 /usr/bin/python3; do
  [ -n "$py" ] || continue
  if "$py" -c 'import torch, numpy' 2>/dev/null; then
    exec "$py" -u "$(dirname "$0")/train.py" "$@"
  fi
done
echo "train: no Python with PyTorch found. On Debian: apt-get install python3-torch python3-onnx libopenblas0-pthread (or set PYTHON=/path/to/python3)." >&2
exit 2
