#!/usr/bin/env bash
# What the two paper-budget shirt networks (original pixels: docs/reproduction/fashion-mnist/shirt;
# JPEG: run-paper.sh) recognise: each transformation's recognition accuracy on shirts and on bags
# (diagnosed as if bag were the normal class), each on the data it was trained on, and the JPEG
# network on the original pixels. 2,000 test images each (one class against one other).
# CLONE: the clone that trained them (3053ffc), built.
set -euo pipefail
CLONE=${CLONE:?the clone that trained the networks, built}
root=${ROOT:-/var/tmp/geotrans-reproduction/libtorch}; data=${DATA:-/var/tmp/geotrans-jpeg}
out=${OUT:-$data/diagnose}; idx=/usr/share/datasets/fashion-mnist
original=$root/fashion-mnist-shirt/models/6-shirt-run0.geotrans
jpeg=$root/fashion-mnist-jpg75-shirt/models/6-shirt-run0.geotrans
run() { local name=$1 model=$2 src=$3 normal=$4 other=$5
  [[ -f $out/$name/diagnostics.json ]] && return 0
  (cd "$CLONE" && /usr/bin/time -f "%e s wall, %M KB peak RSS" bin/geotrans diagnose --model "$model" --data "$src" \
    --normal-class "$normal" --anomaly-classes "$other" --out "$out/$name" --force) > "$out/$name.log" 2>&1
}
mkdir -p "$out"
run original-on-shirts "$original" "$idx" shirt bag
run original-on-bags "$original" "$idx" bag shirt
run jpeg-on-shirts "$jpeg" "$data/fmnist-jpg75.zip" shirt bag
run jpeg-on-bags "$jpeg" "$data/fmnist-jpg75.zip" bag shirt
run jpeg-on-original-shirts "$jpeg" "$idx" shirt bag
