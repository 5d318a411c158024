#!/usr/bin/env bash
# Does taking the flip cue away help the other CIFAR-10 classes below the paper? A cheap answer at the
# quick preset (WRN-10-1, one epoch over 1,000 normal images, 3,000 test images), before an hour-long
# (or, on an AVX2-only machine, five-hour) paper-budget run per class: the same command on the zip as
# published and on its chroma4 variant (Cifar10ZipVariant.java: chroma averaged over 4x4 blocks),
# classes dog (whose paper-budget figures are known on both), bird, cat and airplane, seed 0, fp32
# (the same on any processor), no calibration share (all normal images train, as the reproduction).
set -euo pipefail
CLONE=${CLONE:?a clean clone, built}
here=$(cd "$(dirname "$0")" && pwd)
jpeg=${JPEG:-/work/shared/datasets/cifar10-jpg.zip}
chroma4=${CHROMA4:-/var/tmp/geotrans-flipcue/cifar10-chroma4.zip}
out=${OUT:-/var/tmp/geotrans-flipcue/quick}
classes=${CLASSES:-dog,bird,cat,airplane}
seed=${SEED:-0}
[[ -f $chroma4 ]] || java "$here/../Cifar10ZipVariant.java" "$jpeg" chroma4 "$chroma4"
mkdir -p "$out"
for variant in jpeg chroma4; do
  data=$jpeg; [[ $variant == chroma4 ]] && data=$chroma4
  name=$variant-seed$seed
  [[ -f $out/$name/results.json ]] && continue
  (cd "$CLONE" && /usr/bin/time -v bin/geotrans compare --data "$data" --normal-class "$classes" --preset quick \
     --detectors geotrans --calibration-share 0 --precision fp32 --seed "$seed" --out "$out/$name" --force) \
     > "$out/$name.log" 2>&1
done
