#!/usr/bin/env bash
# The side-by-side of issue #10 in one go, one process per row, back to back on the same cores:
# the machine's GEMM peak (PyTorch 1.13 and libtorch 2.10), PyTorch's WRN-10-4 in its four
# configurations (bf16 also under tcmalloc when installed), then GeoTrans on both backends
# (libtorch bf16 and fp32, DL4J fp32; libtorch bf16 also on glibc's malloc). On a processor without
# native bfloat16 (no avx512_bf16 or amx_bf16 flag) the bf16 rows are left out, as GeoTrans leaves
# bf16 there (autocast emulates it, six times slower), and the fp32 rows take their place;
# PRECISIONS="fp32 bf16" overrides.
# Run it on a quiet machine: every other process competes for the same two cores.
# Ends with issue #10's ratios: each GeoTrans row against PyTorch's best rates (bench/ratios.py).
# Usage: bench/side_by_side.sh [OUT.txt]   (needs `mvn -B -DskipTests package` first)
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="${1:-/dev/stdout}"
py=/usr/bin/python3
jar="$repo/adapters-cli/target/geotrans-cli.jar"
tcmalloc="${TCMALLOC:-/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4}"
precisions="${PRECISIONS:-fp32}"
if [[ -z "${PRECISIONS:-}" ]] && grep -qwE 'avx512_bf16|amx_bf16' /proc/cpuinfo; then
  precisions="fp32 bf16"
fi
best="${precisions##* }" # the precision GeoTrans picks here: bf16 where the processor has it
rows="$(mktemp)"
trap 'rm -f "$rows"' EXIT
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "## GEMM peak"
  "$py" "$repo/bench/gemm_peak.py" --sizes 1024,2048 --precisions "${precisions// /,}"
  java -cp "$jar" org.geotrans.adapters.libtorch.LibtorchGemmPeak 2 1024,2048 "${precisions// /,}"
  echo "## PyTorch 1.13, WRN-10-4 32x32x3, k = 72"
  for layout in nchw nhwc; do
    for precision in $precisions; do
      echo "# --layout $layout --precision $precision"
      "$py" "$repo/bench/pytorch_wrn.py" --layout "$layout" --precision "$precision"
    done
  done
  # bin/geotrans preloads tcmalloc when installed; PyTorch gets the same allocator for a fair pair
  if [[ -f "$tcmalloc" ]]; then
    for layout in nchw nhwc; do
      echo "# --layout $layout --precision $best, LD_PRELOAD=$tcmalloc"
      LD_PRELOAD="$tcmalloc" "$py" "$repo/bench/pytorch_wrn.py" --layout "$layout" --precision "$best"
    done
  fi
  echo "## GeoTrans (allocator: bin/geotrans's choice, then glibc)"
  for precision in $(echo "$precisions" | tr ' ' '\n' | sort -r); do
    "$repo/bin/geotrans" bench --backend libtorch --shapes 32x32x3 --precision "$precision"
  done
  GEOTRANS_MALLOC=glibc "$repo/bin/geotrans" bench --backend libtorch --shapes 32x32x3 --precision "$best"
  "$repo/bin/geotrans" bench --backend dl4j --shapes 32x32x3
  echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$rows"
echo "## Ratios against PyTorch's best configuration" | tee -a "$rows"
"$py" "$repo/bench/ratios.py" "$rows" | tee -a "$rows"
if [[ "$out" != /dev/stdout ]]; then
  cp "$rows" "$out"
fi
