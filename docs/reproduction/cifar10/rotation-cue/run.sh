#!/usr/bin/env bash
# Can a network read a 90-degree rotation off JPEG's luma artefacts, as it read flips off the 4:2:0
# chroma (../flip-cue)? A network that only tells an image from its 90-degree rotation
# (`--transforms 'identity;rot90'`, WRN-10-1, EPOCHS epochs over the 5,000 training birds) is trained
# on two variants written by ../flip-cue/Cifar10ZipVariant.java, then diagnosed on the test birds,
# cats and airplanes of the seeded 3,000-image subset:
#   chroma4-prerot            each image turned by a random multiple of 90 degrees: neither content
#                             nor earlier artefacts tell the rotation, so the probe should be at 0.5
#   chroma4-prerot-jpeg75-444 the same images encoded again as JPEG (quality 0.75, 4:4:4) after
#                             turning: new artefacts in the frame's orientation; above 0.5 means the
#                             luma quantisation gives a 90-degree rotation away on any image
# CLONE: a built clone; DATA: the folder with the variant zips.
set -euo pipefail
CLONE=${CLONE:?a built clone}
data=${DATA:-/var/tmp/geotrans-flipcue}; out=${OUT:-$data/rotation-runs}
epochs=${EPOCHS:-10}
mkdir -p "$out"
for variant in ${VARIANTS:-chroma4-prerot chroma4-prerot-jpeg75-444}; do
  src=$data/cifar10-$variant.zip
  model=$out/$variant/rot90-bird.geotrans
  if [[ ! -f $model ]]; then
    mkdir -p "$out/$variant"
    (cd "$CLONE" && /usr/bin/time -f "%e s wall, %M KB peak RSS" nice -n 10 bin/geotrans train --data "$src" \
      --normal-class bird --preset quick --transforms 'identity;rot90' --max-train 0 --calibration-share 0 \
      --epochs "$epochs" --seed 0 --model "$model") > "$out/$variant/train.log" 2>&1
  fi
  for class in bird cat airplane; do
    [[ -f $out/$variant/on-$class/diagnostics.json ]] && continue
    (cd "$CLONE" && nice -n 10 bin/geotrans diagnose --model "$model" --data "$src" --normal-class $class \
      --max-test 3000 --out "$out/$variant/on-$class" --force) > "$out/$variant/on-$class.log" 2>&1
  done
done
