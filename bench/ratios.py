#!/usr/bin/env python3
"""Issue #10's ratios from a bench/side_by_side.sh output: each GeoTrans row's training and
inference rates divided by PyTorch's best configuration in the same file (the best training and
the best inference rate, each over every PyTorch row, the tcmalloc ones included).

Usage: bench/ratios.py SIDE_BY_SIDE.txt
"""
import re
import sys

PYTORCH = re.compile(r"^pytorch \S+ (WRN-\S+ \S+ .+?): train ([\d.]+) img/s, inference ([\d.]+) img/s")
# bench's table row: network, shape, k, [precision,] train img/s, ... infer img/s, three RSS columns
GEOTRANS = re.compile(r"^(WRN-\d+-\d+)\s+(\d+x\d+x\d+)\s+(\d+)\s+(?:(bf16|fp32)\s+)?([\d.]+|NaN)\s+(.*)$")


def main(path):
    pytorch, geotrans, backend = [], [], "?"
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = PYTORCH.match(line)
            if m:
                pytorch.append((m.group(1), float(m.group(2)), float(m.group(3))))
                continue
            if line.startswith("# ") and ("libtorch" in line or "ND4J" in line):
                backend = "libtorch" if "libtorch" in line else "dl4j"
                continue
            m = GEOTRANS.match(line)
            if m:
                rest = m.group(6).split()
                # libtorch rows: infer, then 3 RSS columns; DL4J rows: build %, stall %, adam %, infer, 3 RSS
                infer = rest[0] if m.group(4) else rest[3]
                geotrans.append((f"GeoTrans {backend} {m.group(4) or 'fp32'} {m.group(2)}",
                                 float(m.group(5)), float(infer)))
    if not pytorch or not geotrans:
        sys.exit(f"ratios: no PyTorch or no GeoTrans rows in {path}")
    best_train = max(pytorch, key=lambda r: r[1])
    best_infer = max(pytorch, key=lambda r: r[2])
    print(f"PyTorch's best training:  {best_train[1]:8.1f} img/s ({best_train[0]})")
    print(f"PyTorch's best inference: {best_infer[2]:8.1f} img/s ({best_infer[0]})")
    for name, train, infer in geotrans:
        print(f"{name:32s} train {train:8.1f} img/s = {train / best_train[1]:.2f}x, "
              f"inference {infer:8.1f} img/s = {infer / best_infer[2]:.2f}x")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
