#!/usr/bin/env bash
# Can a network read a 90-degree rotation off JPEG's luma artefacts, as it read flips off the 4:2:0
# chroma (../flip-cue)? ../flip-cue/run.sh with a network that only tells an image from its 90-degree
# rotation (`--transforms 'identity;rot90'`, WRN-10-1, EPOCHS epochs over the 5,000 training birds),
# trained on two variants written by ../flip-cue/Cifar10ZipVariant.java, then diagnosed on the test
# birds, cats and airplanes of the seeded 3,000-image subset:
#   chroma4-prerot            each image turned by a random multiple of 90 degrees: neither content
#                             nor earlier artefacts tell the rotation, so the probe should be at 0.5
#   chroma4-prerot-jpeg75-444 the same images encoded again as JPEG (quality 0.75, 4:4:4) after
#                             turning: new artefacts in the frame's orientation; above 0.5 means the
#                             luma quantisation gives a 90-degree rotation away on any image
# CLONE: a built clone; DATA: the folder with the variant zips.
set -euo pipefail
data=${DATA:-/var/tmp/geotrans-flipcue}
TRANSFORMS='identity;rot90' NAME=rot90 OUT=${OUT:-$data/rotation-runs} \
  VARIANTS=${VARIANTS:-chroma4-prerot chroma4-prerot-jpeg75-444} exec "$(dirname "$0")/../flip-cue/run.sh"
