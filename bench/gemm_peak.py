#!/usr/bin/env python3
"""The machine's practical peak: square matrix products in fp32 and bf16, and the FLOPs of one
WRN image, so that a network's images/s can be put against the limit of the same cores.

Debian's python3-torch (1.13, oneDNN/MKL-DNN inside), 2 threads unless --threads says otherwise.
For each precision and size: median GFLOP/s (2 n^3 per product) of timed rounds after warm-up.
The WRN figures count multiply-adds of convolutions and the dense layer (batch norm, ReLU and
pooling are a few per cent on top and left out): forward = 2 x MACs FLOPs, a training step about
3 x forward (forward, gradient of the input, gradient of the weights).
Usage: /usr/bin/python3 bench/gemm_peak.py [--threads 2] [--sizes 512,1024,2048] [--depth 10] [--widen 4]
"""
import argparse
import statistics
import time

import torch


def gemm_gflops(n, dtype, rounds):
    a = torch.randn(n, n).to(dtype)
    b = torch.randn(n, n).to(dtype)
    for _ in range(3):
        torch.mm(a, b)
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        torch.mm(a, b)
        rates.append(2 * n ** 3 / (time.perf_counter() - start) / 1e9)
    return statistics.median(rates)


def wrn_macs(depth, widen, size, channels, classes):
    """Multiply-adds of the paper's WRN (pre-activation blocks, 1x1 shortcut where the shape changes)."""
    per_group = (depth - 4) // 6
    macs = size * size * channels * 16 * 9  # stem, 3x3, stride 1
    cin, side = 16, size
    for group, cout in enumerate([16 * widen, 32 * widen, 64 * widen]):
        for block in range(per_group):
            stride = 2 if group > 0 and block == 0 else 1
            out_side = side // stride
            macs += out_side * out_side * cin * cout * 9
            macs += out_side * out_side * cout * cout * 9
            if cin != cout or stride != 1:
                macs += out_side * out_side * cin * cout
            cin, side = cout, out_side
    return macs + cin * classes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sizes", default="512,1024,2048")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--depth", type=int, default=10)
    parser.add_argument("--widen", type=int, default=4)
    parser.add_argument("--precisions", default="fp32,bf16", help="bf16 crawls without native bfloat16")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    for dtype in ({"fp32": torch.float32, "bf16": torch.bfloat16}[p] for p in args.precisions.split(",")):
        for n in map(int, args.sizes.split(",")):
            print(f"gemm {str(dtype).replace('torch.', ''):9s} n={n:5d}: {gemm_gflops(n, dtype, args.rounds):8.1f} GFLOP/s")
    macs = wrn_macs(args.depth, args.widen, 32, 3, 72)
    forward = 2 * macs / 1e9
    print(f"WRN-{args.depth}-{args.widen} 32x32x3, k=72: {macs / 1e6:.0f} M multiply-adds per image;"
          f" forward {forward:.3f} GFLOP, training step about {3 * forward:.3f} GFLOP per image")


if __name__ == "__main__":
    main()
