#!/usr/bin/env bash
# Where does the CIFAR-10 networks' flip cue live? A network that only tells an image from its mirror
# (`--transforms 'identity;flip'`, k = 2) is trained on the training birds of each variant of the
# zip written by Cifar10ZipVariant.java (the JPEG zip itself; its decoded pixels as PNG; luma only;
# randomly pre-mirrored), then diagnosed on test birds, cats and airplanes (each as the normal class,
# so its recognition accuracy is the share of those images whose flip it tells): on classes it never
# saw, a mirrored photograph should look as likely as the original, so accuracy well above 0.5 means
# a cue that is not the class's.
# CLONE: a built clone (the reproduction's, 3053ffc); DATA: the folder with the variant zips.
# TRANSFORMS and NAME probe another pair (../rotation-cue/run.sh: 'identity;rot90', rot90).
set -euo pipefail
CLONE=${CLONE:?a built clone}
data=${DATA:-/var/tmp/geotrans-flipcue}; out=${OUT:-$data/runs}
jpeg=${JPEG:-/work/shared/datasets/cifar10-jpg.zip}
epochs=${EPOCHS:-10}
transforms=${TRANSFORMS:-identity;flip}; name=${NAME:-flip}
mkdir -p "$out"
for variant in ${VARIANTS:-jpeg png grey preflip}; do
  src=$data/cifar10-$variant.zip; [[ $variant == jpeg ]] && src=$jpeg
  # the official release's batches (../original/run-paper.sh writes them): the data the zip departs from
  [[ $variant == original ]] && src=${ORIGINAL:-/var/tmp/geotrans-cifar10-original/batches}
  model=$out/$variant/$name-bird.geotrans
  if [[ ! -f $model ]]; then
    mkdir -p "$out/$variant"
    (cd "$CLONE" && /usr/bin/time -f "%e s wall, %M KB peak RSS" nice -n 10 bin/geotrans train --data "$src" \
      --normal-class bird --preset quick --transforms "$transforms" --max-train 0 --calibration-share 0 \
      --epochs "$epochs" --seed 0 --model "$model") > "$out/$variant/train.log" 2>&1
  fi
  for class in bird cat airplane; do
    [[ -f $out/$variant/on-$class/diagnostics.json ]] && continue
    (cd "$CLONE" && nice -n 10 bin/geotrans diagnose --model "$model" --data "$src" --normal-class $class \
      --max-test 3000 --out "$out/$variant/on-$class" --force) > "$out/$variant/on-$class.log" 2>&1
  done
done
