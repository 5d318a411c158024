#!/usr/bin/env bash
# The long runs of issues #11-#13, in one background queue (2026-12-02): waits for section 6 (issue #12) if it is
# running, runs it again (it skips finished runs and resumes the rest), then ADGAN at the quick preset
# on Fashion-MNIST trouser and CIFAR-10 automobile (issue #13; ADGAN keeps no checkpoints, so start
# the queue at the beginning of a working session), then the rest of the reproduction (resumable).
# Dropped on the way, each answered more cheaply (docs/reproduction): a bird run with the Dirichlet
# fitted on held-out normal images (`diagnose --refit-share` on the same network) and a bird run
# trained in fp32 (at the quick preset fp32 training shows the same Dirichlet-vs-simplified gap).
# Each step skips what is finished; run it again to continue.
# Start it from a clean clone, built with mvn -B -DskipTests package (the work tree changes while it runs):
#   nohup scripts/queue.sh > /var/tmp/geotrans-queue.log 2>&1 &
src="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
while pgrep -f "scripts/section6.sh" >/dev/null; do sleep 30; done
cd "$src"
scripts/section6.sh --backend libtorch --root /var/tmp/geotrans-section6 >> /var/tmp/geotrans-section6.log 2>&1
adgan() { # dataset-folder data class
  local out=/var/tmp/geotrans-adgan/$1
  [[ -f $out/results.json ]] && return 0
  mkdir -p /var/tmp/geotrans-adgan
  nice -n 19 /usr/bin/time -v bin/geotrans compare --data "$2" --normal-class "$3" --preset quick --backend libtorch \
    --detectors adgan --out "$out" --force >> "/var/tmp/geotrans-adgan/$1.log" 2>&1
}
adgan fashion-mnist-trouser /usr/share/datasets/fashion-mnist trouser
adgan cifar10-automobile "${GEOTRANS_CIFAR10:-$src/../shared/datasets/cifar10-jpg.zip}" automobile
# One class at a time, in this order rather than the plan's: every CIFAR-10 class so far lands 5-19
# points below the paper, and Fashion-MNIST is the original data, not a JPEG re-encoding, so its
# first classes tell soonest how much of that gap is the data's (2026-12-03).
rep() { scripts/reproduce.sh --backend libtorch --root /var/tmp/geotrans-reproduction/libtorch --only "$1" \
    >> /var/tmp/geotrans-reproduction-libtorch.log 2>&1; }
for c in cifar10-deer cifar10-dog fashion-mnist-shirt fashion-mnist-sandal; do rep "$c"; done
# Shirt lands on the paper on the original data (2026-12-03); the same run on a JPEG re-encoding of
# Fashion-MNIST like the CIFAR-10 zip's says how much of the CIFAR-10 gap the re-encoding can explain,
# which the issue asks to find out before going on.
CLONE="$src" docs/reproduction/fashion-mnist/shirt-jpeg/run-paper.sh \
  >> /var/tmp/geotrans-reproduction/libtorch/fashion-mnist-jpg75-shirt.log 2>&1
rep fashion-mnist-pullover
# The zip's 4:2:0 chroma gives every image's flip away (docs/reproduction, "the flip cue"); dog with the
# cue taken away (chroma averaged over 4x4 blocks) rose from 74.87 to 80.50 (2026-12-03). Bird, the
# class furthest below the paper (-18.9), the same way after frog.
CLONE="$src" docs/reproduction/cifar10/flip-cue/run-paper.sh >> /var/tmp/geotrans-reproduction/libtorch/cifar10-chroma4-dog.log 2>&1
rep cifar10-frog
CLASS=bird CLONE="$src" docs/reproduction/cifar10/flip-cue/run-paper.sh \
  >> /var/tmp/geotrans-reproduction/libtorch/cifar10-chroma4-bird.log 2>&1
for c in cifar10-ship cifar10-truck fashion-mnist-t-shirt-top fashion-mnist-trouser \
         fashion-mnist-dress fashion-mnist-coat fashion-mnist-sneaker fashion-mnist-bag fashion-mnist-ankle-boot; do
  rep "$c"
done
