#!/usr/bin/env python3
"""Table of run.sh's flip probes: per variant of the zip, the share of test images of each class whose
flip the k = 2 network tells (the mean of its accuracy on the images as they are and mirrored, so that
a network that always answers one way scores 0.5), and its training loss over the last fifth of the
logged steps (ln 2 = 0.693 is a guess).

    summarize.py RUNS_DIR > summary.md
"""
import json
import re
import sys
from pathlib import Path

VARIANTS = [("original", "the official binary release, never JPEG-compressed (the data the zip departs from)"),
            ("jpeg", "the JPEG zip as published"), ("png", "its decoded pixels as PNG (control)"),
            ("grey", "luma only, in all three channels"), ("preflip", "each image mirrored at random (control)"),
            ("chroma4", "chroma averaged over 4x4 blocks, luma kept"),
            ("chroma4-jpeg75", "chroma4, encoded again as JPEG (ImageIO, quality 0.75, 4:2:0)"),
            ("chroma4-jpeg75-444", "chroma4, encoded again as JPEG at quality 0.75 without chroma subsampling (4:4:4)")]
CLASSES = ["bird", "cat", "airplane"]


def late_loss(log):
    losses = [float(m) for m in re.findall(r"loss ([0-9.]+)", log.read_text().replace("\r", "\n"))]
    tail = losses[len(losses) * 4 // 5:]
    return sum(tail) / len(tail)


def main(runs, variants=VARIANTS, what="flip"):
    print(f"| variant of the zip | {what} told on birds (trained) | on cats | on airplanes | training loss, last fifth |")
    print("|---|---:|---:|---:|---:|")
    for variant, meaning in variants:
        cells = []
        for cls in CLASSES:
            diagnostics = json.loads((runs / variant / f"on-{cls}" / "diagnostics.json").read_text())
            rows = diagnostics["per-transformation"]
            accuracy = sum(row["accuracy"] for row in rows) / len(rows)
            cells.append(f"{accuracy:.3f} ({diagnostics['normal-images']})")
        print(f"| {variant}: {meaning} | " + " | ".join(cells) + f" | {late_loss(runs / variant / 'train.log'):.3f} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
