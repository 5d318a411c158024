#!/usr/bin/env python3
"""Table of run.sh's quick-preset AUROCs, the zip as published against its chroma4 variant, per seed.

Usage: summarize.py RESULTS_ROOT   (the OUT of run.sh, holding jpeg-seedS/ and chroma4-seedS/)
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
rows = {}  # (class, seed) -> {(variant, detector): auroc}
for results in sorted(root.glob("*-seed*/results.json")):
    variant, seed = results.parent.name.split("-seed")
    for run in json.loads(results.read_text())["runs"]:
        rows.setdefault((run["class"], int(seed)), {})[(variant, run["detector"])] = run["auroc"]

print("| class | seed | Dirichlet, JPEG zip | Dirichlet, chroma4 | change | simplified, JPEG zip | simplified, chroma4 | change |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for (cls, seed), got in rows.items():
    cells = []
    for det in ("GEOTRANS_DIRICHLET", "GEOTRANS_SIMPLIFIED"):
        a, b = got.get(("jpeg", det)), got.get(("chroma4", det))
        cells += [f"{a:.4f}" if a is not None else "-", f"{b:.4f}" if b is not None else "-",
                  f"{b - a:+.4f}" if a is not None and b is not None else "-"]
    print(f"| {cls} | {seed} | " + " | ".join(cells) + " |")
