#!/usr/bin/env python3
"""Table of run.sh's rotation probes, as ../flip-cue/summarize.py makes the flip probes': per variant,
the share of test images of each class whose 90-degree rotation the k = 2 network tells, and its
training loss over the last fifth of the logged steps.

    summarize.py RUNS_DIR > summary.md
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "flip-cue"))
import summarize as flip  # noqa: E402

VARIANTS = [("chroma4-prerot", "chroma4, each image turned by a random multiple of 90 degrees (control)"),
            ("chroma4-prerot-jpeg75-444", "those, encoded again as JPEG after turning (quality 0.75, 4:4:4)")]

if __name__ == "__main__":
    flip.main(Path(sys.argv[1]), VARIANTS, "rotation")
