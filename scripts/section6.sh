#!/usr/bin/env bash
# The paper's section 6 on Fashion-MNIST at the paper's budget for k = 2 (issue #12): WRN-10-4,
# ceil(200 / 2) = 100 epochs on all 6,000 normal training images, then `diagnose` on the test set
# restricted to the two classes. Four runs, in this order:
#   trouser vs sandal with {identity, flip}; sandal vs trouser with {identity, flip};
#   trouser vs sandal with {identity, tx7}; trouser vs sandal with {identity, ty7}.
# Each run trains in its own folder, ROOT/<normal>-vs-<anomaly>-<transforms>, at the lowest priority
# (nice -n 19) with --resume, so running this script again continues a killed training from its last
# checkpoint; a run whose diagnose/diagnostics.json exists is skipped.
#
# Usage: scripts/section6.sh [--backend NAME] [--root DIR] [--only RUN]... [--dry-run]
#
# Settings (flags win over the environment):
#   BACKEND                 passed on as --backend NAME when set (the default backend otherwise)
#   GEOTRANS_SECTION6       ROOT, default /var/tmp/geotrans-section6 (kept between working days)
#   GEOTRANS_FASHION_MNIST  the Fashion-MNIST folder, default /usr/share/datasets/fashion-mnist
#   GEOTRANS_EXTRA_ARGS     extra train options, for a smoke test of this script only
#                           (for example "--widen 1 --epochs 1 --max-train 40"); the runs themselves set none
# Each run appends its progress to ROOT/<run>.log; in the background:
#   nohup scripts/section6.sh --backend libtorch > /var/tmp/geotrans-section6.log 2>&1 &
set -euo pipefail

repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
backend="${BACKEND:-}"
root="${GEOTRANS_SECTION6:-/var/tmp/geotrans-section6}"
fashion="${GEOTRANS_FASHION_MNIST:-/usr/share/datasets/fashion-mnist}"
script=section6 help_lines='2,20p' only_example=trouser-vs-sandal-flip
# shellcheck source=lib/run-plan.sh
source "$repo/scripts/lib/run-plan.sh"
parse_run_options "$@"

# normal class, anomaly class, transformations, and the run's folder name
plan=(
  "Trouser Sandal identity;flip trouser-vs-sandal-flip"
  "Sandal Trouser identity;flip sandal-vs-trouser-flip"
  "Trouser Sandal identity;tx7 trouser-vs-sandal-tx7"
  "Trouser Sandal identity;ty7 trouser-vs-sandal-ty7"
)

if [[ "$dry_run" == false ]]; then
  require_build "$repo"
  install_tcmalloc
  if [[ ! -e "$fashion" ]]; then
    echo "section6: no Fashion-MNIST at $fashion (set GEOTRANS_FASHION_MNIST)" >&2
    exit 1
  fi
  mkdir -p "$root"
fi

for entry in "${plan[@]}"; do
  read -r normal anomaly transforms name <<<"$entry"
  wanted "$name" || continue
  out="$root/$name"
  if [[ -f "$out/diagnose/diagnostics.json" ]]; then
    echo "section6: $name is finished ($out/diagnose/diagnostics.json); skipped"
    continue
  fi
  # --calibration-share 0: the paper trains on every normal image
  train=(nice -n 19 "$repo/bin/geotrans" train --data "$fashion" --normal-class "$normal" --preset paper
         --transforms "$transforms" --calibration-share 0 --out "$out" --model "$out/model.geotrans" --resume)
  diagnose=(nice -n 19 "$repo/bin/geotrans" diagnose --data "$fashion" --model "$out/model.geotrans"
            --anomaly-classes "$anomaly" --out "$out/diagnose" --force)
  add_run_options train
  echo "section6: $name: ${train[*]}"
  echo "section6: $name: ${diagnose[*]}"
  if [[ "$dry_run" == true ]]; then
    continue
  fi
  started=$(date +%s)
  # -s: an empty model file is the reservation of a killed training, which train --resume takes over
  if [[ ! -s "$out/model.geotrans" ]] && ! "${train[@]}" >>"$root/$name.log" 2>&1; then
    echo "section6: $name: training failed or was stopped after $(( $(date +%s) - started )) s; see" \
         "$root/$name.log; run this script again to continue it" >&2
    exit 1
  fi
  if ! "${diagnose[@]}" >>"$root/$name.log" 2>&1; then
    echo "section6: $name: diagnose failed; see $root/$name.log" >&2
    exit 1
  fi
  echo "section6: $name finished in $(( $(date +%s) - started )) s"
  grep -E '^AUROC of the detector' "$root/$name.log" | tail -n 1 || true
done
