#!/usr/bin/env python3
"""The same WRN as adapters-dl4j's WideResNet, in PyTorch, for a side-by-side throughput figure.

Debian's python3-torch (1.13), 2 threads, random 32x32 images, k = 72 classes; training is
forward + backward + Adam step on batch 128, inference is forward under no_grad on batch 512;
median images/s of timed rounds after warm-up; peak RSS from getrusage (ru_maxrss).
Usage: python3 bench/pytorch_wrn.py [--depth 10] [--widen 4] [--channels 3] [--layout nchw|nhwc]
       [--precision fp32|bf16]
--precision bf16 runs forward passes (and the loss) under torch.autocast('cpu', dtype=torch.bfloat16);
weights and Adam stay fp32. PyTorch's best configuration on this CPU: --layout nhwc --precision bf16.
Run each configuration in its own process so the peak RSS is that configuration's.
"""
import argparse
import resource
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(cin, momentum=0.1, eps=1e-5)
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout, momentum=0.1, eps=1e-5)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.shortcut = nn.Conv2d(cin, cout, 1, stride, 0, bias=False) if cin != cout or stride != 1 else None

    def forward(self, x):
        o = F.relu(self.bn1(x))
        y = self.conv2(F.relu(self.bn2(self.conv1(o))))
        return y + (self.shortcut(o) if self.shortcut is not None else x)


class WideResNet(nn.Module):
    def __init__(self, depth, widen, channels, classes):
        super().__init__()
        n = (depth - 4) // 6
        widths = [16, 16 * widen, 32 * widen, 64 * widen]
        layers = [nn.Conv2d(channels, 16, 3, 1, 1, bias=False)]
        cin = 16
        for g, stride in enumerate([1, 2, 2]):
            for b in range(n):
                layers.append(Block(cin, widths[g + 1], stride if b == 0 else 1))
                cin = widths[g + 1]
        self.features = nn.Sequential(*layers)
        self.bn = nn.BatchNorm2d(cin)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x):
        x = F.relu(self.bn(self.features(x)))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def rate(fn, images, warmup, iterations):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(iterations):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return images / statistics.median(times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--depth", type=int, default=10)
    p.add_argument("--widen", type=int, default=4)
    p.add_argument("--channels", type=int, default=3)
    p.add_argument("--layout", choices=["nchw", "nhwc"], default="nchw")
    p.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--iterations", type=int, default=8)
    a = p.parse_args()
    torch.set_num_threads(2)
    torch.manual_seed(1)
    fmt = torch.channels_last if a.layout == "nhwc" else torch.contiguous_format
    net = WideResNet(a.depth, a.widen, a.channels, 72).to(memory_format=fmt)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=5e-4)
    x = torch.randn(128, a.channels, 32, 32).to(memory_format=fmt)
    y = torch.randint(0, 72, (128,))
    xi = torch.randn(512, a.channels, 32, 32).to(memory_format=fmt)

    bf16 = a.precision == "bf16"

    def train_step():
        opt.zero_grad()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            loss = F.cross_entropy(net(x), y)
        loss.backward()
        opt.step()

    net.train()
    train = rate(train_step, 128, a.warmup, a.iterations)
    net.eval()

    def infer():
        with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            net(xi)

    inference = rate(infer, 512, a.warmup, a.iterations)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pytorch {torch.__version__} WRN-{a.depth}-{a.widen} 32x32x{a.channels} {a.layout} {a.precision}: "
          f"train {train:.1f} img/s, inference {inference:.1f} img/s, peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
