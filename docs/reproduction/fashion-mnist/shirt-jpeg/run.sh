#!/usr/bin/env bash
# Does a JPEG re-encoding like the CIFAR-10 zip's (quality 75, the same luminance table) cost
# GeoTrans on data where it reproduces the paper? Fashion-MNIST shirt at the quick preset, seeds
# 0-2, the whole test set (the quick preset's 3,000-image subset depends on the order the reader
# gives), on the original IDX files, on a lossless PNG zip of them (the control: the folder reader must
# give the same figures), on the JPEG zip and on a JPEG zip of the images zero-padded to 32x32 before
# encoding (the block grid then lines up with every transformation, as on CIFAR-10).
# CLONE: a clean clone of 3053ffc, built (the build the reproduction runs). About 1:45 a run.
set -euo pipefail
CLONE=${CLONE:?clean clone of 3053ffc, built}
here=$(cd "$(dirname "$0")" && pwd)
data=${DATA:-/var/tmp/geotrans-jpeg}; out=${OUT:-$data/quick}
mkdir -p "$out"
[[ -f $data/fmnist-png.zip ]] || java "$here/FashionMnistToZip.java" /usr/share/datasets/fashion-mnist png "$data/fmnist-png.zip"
[[ -f $data/fmnist-jpg75.zip ]] || java "$here/FashionMnistToZip.java" /usr/share/datasets/fashion-mnist jpg "$data/fmnist-jpg75.zip" 0.75
[[ -f $data/fmnist-jpg75pad32.zip ]] || java "$here/FashionMnistToZip.java" /usr/share/datasets/fashion-mnist jpg "$data/fmnist-jpg75pad32.zip" 0.75 32
for s in 0 1 2; do
  for d in idx png jpg75 jpg75pad32; do
    src=/usr/share/datasets/fashion-mnist; [[ $d != idx ]] && src=$data/fmnist-$d.zip
    [[ -f $out/$d-seed$s/results.json ]] && continue
    [[ $d == png && $s != 0 ]] && continue  # the control once: its scores equal the IDX run's bit for bit
    (cd "$CLONE" && bin/geotrans compare --preset quick --detectors geotrans --data "$src" --normal-class shirt --max-test 0 \
      --seed $s --backend libtorch --out "$out/$d-seed$s") > "$out/$d-seed$s.log" 2>&1
  done
done
