#!/usr/bin/env bash
# The reproduction plan of issue #11: `compare --preset paper`, one run per class, in this order:
#   CIFAR-10 automobile, cat, horse, airplane, then the other six;
#   Fashion-MNIST shirt, sandal, pullover, then the other seven.
# Each class runs in its own folder, ROOT/<dataset>-<class>, at the lowest priority (nice -n 19) and
# with --resume, so running this script again continues a killed class from its last checkpoint
# and skips the classes that are finished: those whose folder holds results.json, and those whose
# results are committed under docs/reproduction/<dataset>/<class>/ (so a wiped ROOT does not mean
# running every finished class again; GEOTRANS_RERUN_COMMITTED=1 runs them anyway).
#
# Usage: scripts/reproduce.sh [--backend NAME] [--root DIR] [--only DATASET-CLASS]... [--dry-run]
#
# Settings (flags win over the environment):
#   BACKEND                 passed on as --backend NAME when set (the default backend otherwise)
#   GEOTRANS_REPRODUCTION   ROOT, default /var/tmp/geotrans-reproduction (kept between working days)
#   GEOTRANS_CIFAR10        the CIFAR-10 JPEG zip, default ../shared/datasets/cifar10-jpg.zip of the repository
#   GEOTRANS_FASHION_MNIST  the Fashion-MNIST folder, default /usr/share/datasets/fashion-mnist
#   GEOTRANS_RERUN_COMMITTED  1 to run classes whose results are committed in docs/reproduction too
#   GEOTRANS_EXTRA_ARGS     extra compare options, for a smoke test of this script only
#                           (for example "--depth 10 --widen 1 --epochs 1 --max-train 40 --max-test 200"); the
#                           reproduction itself sets none
# Each class appends its progress to ROOT/<dataset>-<class>.log; in the background:
#   nohup scripts/reproduce.sh > /var/tmp/geotrans-reproduction.log 2>&1 &
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
backend="${BACKEND:-}"
root="${GEOTRANS_REPRODUCTION:-/var/tmp/geotrans-reproduction}"
cifar="${GEOTRANS_CIFAR10:-$repo/../shared/datasets/cifar10-jpg.zip}"
fashion="${GEOTRANS_FASHION_MNIST:-/usr/share/datasets/fashion-mnist}"
script=reproduce help_lines='2,23p' only_example=cifar10-cat
# shellcheck source=lib/run-plan.sh
source "$repo/scripts/lib/run-plan.sh"
parse_run_options "$@"

# dataset, the class as the data names it, and its folder name
plan=(
  "cifar10 automobile automobile" "cifar10 cat cat" "cifar10 horse horse" "cifar10 airplane airplane"
  "cifar10 bird bird" "cifar10 deer deer" "cifar10 dog dog" "cifar10 frog frog" "cifar10 ship ship"
  "cifar10 truck truck"
  "fashion-mnist Shirt shirt" "fashion-mnist Sandal sandal" "fashion-mnist Pullover pullover"
  "fashion-mnist T-shirt/top t-shirt-top" "fashion-mnist Trouser trouser" "fashion-mnist Dress dress"
  "fashion-mnist Coat coat" "fashion-mnist Sneaker sneaker" "fashion-mnist Bag bag"
  "fashion-mnist 9 ankle-boot"
)

if [[ "$dry_run" == false ]]; then
  require_build "$repo"
  install_tcmalloc
  mkdir -p "$root"
fi

for entry in "${plan[@]}"; do
  read -r dataset class slug <<<"$entry"
  name="$dataset-$slug"
  wanted "$name" || continue
  case "$dataset" in
    cifar10) data="$cifar" ;;
    fashion-mnist) data="$fashion" ;;
  esac
  out="$root/$name"
  if [[ -f "$out/results.json" ]]; then
    echo "reproduce: $name is finished ($out/results.json); skipped"
    continue
  fi
  committed="$repo/docs/reproduction/$dataset/$slug/results.json"
  if [[ -f "$committed" && "${GEOTRANS_RERUN_COMMITTED:-0}" != 1 ]]; then
    echo "reproduce: $name is committed (${committed#"$repo/"}); skipped (GEOTRANS_RERUN_COMMITTED=1 runs it again)"
    continue
  fi
  # a fresh machine lacks Fashion-MNIST: the first class that needs it installs it, as the quickstart does
  if [[ ! -e "$data" && "$dataset" == fashion-mnist && -z "${GEOTRANS_FASHION_MNIST:-}" && "$dry_run" == false ]]; then
    bash "$repo/scripts/install-data.sh" || true
  fi
  if [[ ! -e "$data" ]]; then
    echo "reproduce: $name: no data at $data (set GEOTRANS_CIFAR10 or GEOTRANS_FASHION_MNIST)" >&2
    [[ "$dry_run" == true ]] || exit 1
  fi
  # --calibration-share 0: the paper trains on every normal image (no decision threshold needed for Table 1);
  # --keep-models: the network behind each row stays for diagnose/score (a class below the paper asks why)
  command=(nice -n 19 "$repo/bin/geotrans" compare --data "$data" --normal-class "$class" --preset paper --runs 1
           --calibration-share 0 --keep-models --out "$out" --resume)
  add_run_options command
  echo "reproduce: $name: ${command[*]}"
  if [[ "$dry_run" == true ]]; then
    continue
  fi
  started=$(date +%s)
  if ! "${command[@]}" >>"$root/$name.log" 2>&1; then
    echo "reproduce: $name failed or was stopped after $(( $(date +%s) - started )) s; see $root/$name.log;" \
         "run this script again to continue it" >&2
    exit 1
  fi
  echo "reproduce: $name finished in $(( $(date +%s) - started )) s"
  tail -n 6 "$root/$name.log" | grep -E '^(class|[A-Za-z].*  (GeoTrans|OC-SVM))' || true
done
