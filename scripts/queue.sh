#!/usr/bin/env bash
# The long runs still to do for issue #11, in one background queue. Each step skips what is finished
# (in /var/tmp) or already committed (under docs/reproduction), and resumes an interrupted class from
# its checkpoint, so after a wiped /var/tmp it starts with the first class that has no committed result.
# Earlier steps of this queue (section 6, ADGAN at the quick preset, the Fashion-MNIST JPEG shirt, dog
# and bird on the chroma4 zip) are finished and committed; `git log -p scripts/queue.sh` has them.
# Start it from a clean clone, built with mvn -B -DskipTests package (the work tree changes while it runs):
#   nohup scripts/queue.sh > /var/tmp/geotrans-queue.log 2>&1 &
src="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
while pgrep -f "scripts/reproduce.sh|run-paper.sh" >/dev/null; do sleep 30; done
cd "$src"
mkdir -p /var/tmp/geotrans-reproduction/libtorch
# The plan's classes still missing, one at a time: CIFAR-10 ship and truck, then Fashion-MNIST's other seven.
scripts/reproduce.sh --backend libtorch --root /var/tmp/geotrans-reproduction/libtorch \
  >> /var/tmp/geotrans-reproduction-libtorch.log 2>&1
# Then what the strided convolutions' padding changes at the paper's budget (dog on the chroma4 zip with
# the reference's padding, against its 80.50 with the even one); it only runs where GeoTrans trains in
# bf16, like the row it is compared with.
CLONE="$src" docs/reproduction/cifar10/padding/run-paper.sh \
  >> /var/tmp/geotrans-reproduction/libtorch/cifar10-chroma4-dog-keras-same.log 2>&1 || true
