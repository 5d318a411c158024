#!/usr/bin/env bash
# The launcher's allocator choice measured on this machine: `bin/geotrans bench` for the
# quickstart's network (WRN-10-1, 32x32x1) and the paper's (WRN-10-4, 32x32x3), in the precision
# GeoTrans picks here (or PRECISION=bf16|fp32), under each setting of GEOTRANS_MALLOC: tcmalloc,
# glibc with the thresholds `auto` gives it when tcmalloc is missing, glibc as the system has it.
# ROUNDS rounds (default 2), the settings in turn inside each round, one process per row.
# Run it on a quiet machine (stop other work with SIGSTOP): every process competes for the cores.
# Usage: bench/allocators.sh [OUT.txt]   (needs `mvn -B -DskipTests package` first)
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="${1:-/dev/stdout}"
rounds="${ROUNDS:-2}"
precision="${PRECISION:-}"
if [[ -z "$precision" ]]; then
  precision=fp32
  grep -qwE 'avx512_bf16|amx_bf16' /proc/cpuinfo && precision=bf16
fi
networks=("--depth 10 --widen 1 --shapes 32x32x1 --iterations 16"
          "--depth 10 --widen 4 --shapes 32x32x3 --iterations 8")
thresholds=(MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=4294967296 MALLOC_TOP_PAD_=268435456)
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs), precision $precision, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for ((round = 1; round <= rounds; round++)); do
    for network in "${networks[@]}"; do
      for allocator in tcmalloc glibc-thresholds glibc; do
        case "$allocator" in
          tcmalloc) settings=(GEOTRANS_MALLOC=tcmalloc) ;;
          glibc-thresholds) settings=(GEOTRANS_MALLOC=glibc "${thresholds[@]}") ;;
          glibc) settings=(GEOTRANS_MALLOC=glibc) ;;
        esac
        echo "## round $round, $allocator: bench --backend libtorch --precision $precision $network"
        # shellcheck disable=SC2086 # the network's options are words
        env "${settings[@]}" "$repo/bin/geotrans" bench --backend libtorch --precision "$precision" $network 2>&1 \
          | grep -E '^WRN' || echo "(failed)"
      done
    done
  done
} | tee "$out"
