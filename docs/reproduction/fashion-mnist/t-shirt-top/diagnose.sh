#!/usr/bin/env bash
# What the paper-budget t-shirt/top network (docs/reproduction/fashion-mnist/t-shirt-top, 90.50
# against the paper's 99.4) recognises: each transformation's recognition accuracy on t-shirts/tops
# and, diagnosed as if each were the normal class, on pullovers and shirts, its two hardest
# anomaly classes (0.70 and 0.74). 2,000 test images each (one class against one other).
# CLONE: the clone that trained it (8feef69), built. Summarise with
#   python3 ../../cifar10/bird/as-anomaly/confusion_split.py diagnose/*/diagnostics.json
set -euo pipefail
CLONE=${CLONE:?the clone that trained the network, built}
root=${ROOT:-/var/tmp/geotrans-reproduction/libtorch}
out=${OUT:-$(cd "$(dirname "$0")" && pwd)/diagnose}; idx=/usr/share/datasets/fashion-mnist
model=$root/fashion-mnist-t-shirt-top/models/0-t-shirt-top-run0.geotrans
run() { local name=$1 normal=$2 other=$3
  [[ -f $out/$name/diagnostics.json ]] && return 0
  (cd "$CLONE" && /usr/bin/time -f "%e s wall, %M KB peak RSS" nice -n 19 bin/geotrans diagnose --model "$model" \
    --data "$idx" --normal-class "$normal" --anomaly-classes "$other" --out "$out/$name" --force) > "$out/$name.log" 2>&1
}
mkdir -p "$out"
run on-t-shirts T-shirt/top Pullover
run on-pullovers Pullover T-shirt/top
run on-shirts Shirt T-shirt/top
