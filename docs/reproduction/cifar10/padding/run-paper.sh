#!/usr/bin/env bash
# What the strided convolutions' padding changes at the paper's budget: a CIFAR-10 class (CLASS,
# default dog) on the chroma4 zip (flip cue removed, ../flip-cue/run-paper.sh) with the reference's
# Keras "same" padding, the default since 871f6a3, against that class's chroma4 row trained with the
# even padding of earlier builds (dog: ../flip-cue/dog-chroma4, Dirichlet 80.50, bf16, 3053ffc).
# The same command, seed and data; the padding and the build are the differences. Dog's row is bf16,
# so this refuses to run where GeoTrans trains in fp32 (no AVX512_BF16) unless FORCE=1: the precision
# would be a second difference. About 50 minutes on two quiet Zen 5 cores; resumable.
# CLONE: a clean clone of 871f6a3 or later, built (mvn -B -DskipTests package).
set -euo pipefail
CLONE=${CLONE:?a clean clone, built}
here=$(cd "$(dirname "$0")" && pwd)
data=${DATA:-/var/tmp/geotrans-flipcue}
jpeg=${JPEG:-/work/shared/datasets/cifar10-jpg.zip}
class=${CLASS:-dog}
out=${OUT:-/var/tmp/geotrans-reproduction/libtorch/cifar10-chroma4-$class-keras-same}
[[ -f $out/results.json ]] && { echo "finished: $out/results.json"; exit 0; }
[[ -f $here/$class-chroma4-keras-same/results.json ]] && { echo "committed: $here/$class-chroma4-keras-same/results.json"; exit 0; }
if ! grep -qwE 'avx512_bf16|amx_bf16' /proc/cpuinfo && [[ ${FORCE:-0} != 1 ]]; then
  echo "no AVX512_BF16 here: GeoTrans would train in fp32, the row it is compared with is bf16 (FORCE=1 runs anyway)" >&2
  exit 2
fi
mkdir -p "$data"
[[ -f $data/cifar10-chroma4.zip ]] || java "$here/../flip-cue/Cifar10ZipVariant.java" "$jpeg" chroma4 "$data/cifar10-chroma4.zip"
cd "$CLONE"
GEOTRANS_JAVA_OPTS="${GEOTRANS_JAVA_OPTS:-} -Dgeotrans.libtorch.revision=KERAS_SAME" \
  nice -n 19 bin/geotrans compare --data "$data/cifar10-chroma4.zip" --normal-class "$class" --preset paper --runs 1 \
  --calibration-share 0 --keep-models --out "$out" --resume --backend libtorch
