#!/bin/bash
# CIFAR-10 cat at the paper preset with the reference code's (absent) clipping, one process, timed;
# same seed and build family as the 41f5274 cat run, so its simplified scores show whether the
# network is the same one.
cd /var/tmp/geotrans-src-94faf53
out=/var/tmp/geotrans-reproduction/libtorch-clip/cifar10-cat
echo "start $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD)"
/usr/bin/time -v nice -n 19 bin/geotrans compare --data /work/shared/datasets/cifar10-jpg.zip --normal-class cat \
  --preset paper --runs 1 --calibration-share 0 --keep-models --dirichlet-clip 1e-45 --backend libtorch \
  --out "$out" --resume
echo "end $(date -u +%FT%TZ) rc $?"
