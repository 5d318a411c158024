#!/usr/bin/env bash
# The README's first run: GeoTrans against the One-Class SVMs on Fashion-MNIST, 'trouser' as the
# normal class, with the quick preset. Installs the data and builds only when missing; writes to a
# new results/quickstart-<timestamp> folder each time, so no earlier result is overwritten.
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$repo"
data=/usr/share/datasets/fashion-mnist

if [[ ! -f "$data/train-images-idx3-ubyte.gz" && ! -f "$data/train-images-idx3-ubyte" ]]; then
  echo "quickstart: Fashion-MNIST is not in $data; installing it with scripts/install-data.sh"
  bash scripts/install-data.sh
fi

# bin/geotrans starts the JVM with tcmalloc when it is installed: 1.4-1.9x the training speed here
# (README, "The memory allocator"). Best effort: without it GeoTrans runs on glibc's malloc.
if command -v dpkg >/dev/null 2>&1 && ! dpkg -s libtcmalloc-minimal4 >/dev/null 2>&1; then
  echo "quickstart: installing tcmalloc (apt-get install libtcmalloc-minimal4) for faster training"
  sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  { $sudo apt-get install -y -qq libtcmalloc-minimal4 >/dev/null 2>&1 \
      || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq libtcmalloc-minimal4 >/dev/null 2>&1; }; } \
    || echo "quickstart: could not install tcmalloc; going on with glibc's malloc (slower)"
fi

if [[ ! -f adapters-cli/target/geotrans-cli.jar ]]; then
  echo "quickstart: GeoTrans is not built yet; building it now with: mvn -B -q -DskipTests package"
  mvn -B -q -DskipTests package
fi

out="results/quickstart-$(date +%Y%m%d-%H%M%S)"
echo "quickstart: results go to $out"
bin/geotrans compare --data "$data" --normal-class trouser --preset quick --out "$out"
