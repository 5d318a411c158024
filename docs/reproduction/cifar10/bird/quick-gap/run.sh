#!/usr/bin/env bash
# The quick-preset runs behind "the gap at the quick preset" in docs/reproduction/README.md
# (2026-12-02, 21:25-22:00 UTC, this project's 2-core machine, beside a nice-19 ADGAN run).
# BEFORE: a clean clone of aad0aa8 (libtorch without L2 on the dense bias); AFTER: one of 3053ffc (with it).
# Each run: about 1-1.5 min on libtorch bf16, 3 min in fp32, 6 min on DL4J.
set -euo pipefail
BEFORE=${BEFORE:?clean clone of aad0aa8, built}; AFTER=${AFTER:?clean clone of 3053ffc, built}
CIFAR=${CIFAR:-$AFTER/../shared/datasets/cifar10-jpg.zip}; FMNIST=/usr/share/datasets/fashion-mnist
out=${OUT:-/tmp/quick-gap}
run() { local clone=$1 name=$2; shift 2
  (cd "$clone" && bin/geotrans compare --preset quick --detectors geotrans --out "$out/$name" "$@") > "$out/$name.log" 2>&1; }
mkdir -p "$out"
for v in before after; do clone=$AFTER; [[ $v == before ]] && clone=$BEFORE
  run "$clone" trouser-$v --data "$FMNIST" --normal-class trouser --backend libtorch
  run "$clone" automobile-$v --data "$CIFAR" --normal-class automobile --backend libtorch
  run "$clone" bird-$v --data "$CIFAR" --normal-class bird --backend libtorch
done
run "$AFTER" bird-seed1 --data "$CIFAR" --normal-class bird --backend libtorch --seed 1
run "$AFTER" bird-seed2 --data "$CIFAR" --normal-class bird --backend libtorch --seed 2
run "$AFTER" bird-fp32 --data "$CIFAR" --normal-class bird --backend libtorch --precision fp32
run "$AFTER" bird-dl4j --data "$CIFAR" --normal-class bird --backend dl4j
run "$AFTER" bird-cal0 --data "$CIFAR" --normal-class bird --backend libtorch --calibration-share 0
for s in 0 1 2; do  # no translations, as many training steps as paper72 for one epoch
  run "$AFTER" bird-simple8-seed$s --data "$CIFAR" --normal-class bird --backend libtorch --transforms simple8 --epochs 9 --seed $s
done
