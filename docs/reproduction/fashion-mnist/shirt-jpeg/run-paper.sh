#!/usr/bin/env bash
# Fashion-MNIST shirt at the paper's budget on the JPEG re-encoding (quality 75, the CIFAR-10 zip's
# luminance table), with the reproduction's command otherwise: the same seed, build and training
# order as docs/reproduction/fashion-mnist/shirt (84.41), so the pixels are the one difference.
# CLONE: a clean clone, built (3053ffc, the build of shirt's run, makes the two comparable).
# About 55 minutes on the two quiet cores; resumable (run it again after a stop).
set -euo pipefail
CLONE=${CLONE:?a clean clone, built}
here=$(cd "$(dirname "$0")" && pwd)
data=${DATA:-/var/tmp/geotrans-jpeg}
out=${OUT:-/var/tmp/geotrans-reproduction/libtorch/fashion-mnist-jpg75-shirt}
mkdir -p "$data"
[[ -f $data/fmnist-jpg75.zip ]] || java "$here/FashionMnistToZip.java" /usr/share/datasets/fashion-mnist jpg "$data/fmnist-jpg75.zip" 0.75
[[ -f $out/results.json ]] && { echo "finished: $out/results.json"; exit 0; }
cd "$CLONE"
nice -n 19 bin/geotrans compare --data "$data/fmnist-jpg75.zip" --normal-class shirt --preset paper --runs 1 \
  --calibration-share 0 --keep-models --out "$out" --resume --backend libtorch
