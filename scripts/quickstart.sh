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

script=quickstart
# shellcheck source=lib/tcmalloc.sh
source scripts/lib/tcmalloc.sh
install_tcmalloc

if [[ ! -f adapters-cli/target/geotrans-cli.jar ]]; then
  echo "quickstart: GeoTrans is not built yet; building it now with: mvn -B -q -DskipTests package"
  mvn -B -q -DskipTests package
fi

out="results/quickstart-$(date +%Y%m%d-%H%M%S)"
echo "quickstart: results go to $out"
bin/geotrans compare --data "$data" --normal-class trouser --preset quick --out "$out"
