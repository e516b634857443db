#!/usr/bin/python3
"""The machine's measured peak for a model's dominant weight layer in libtorch: forward + backward (input and weight
gradients) of that one layer in isolation, at the benchmark's batch and threads. Prints one JSON line with GFLOP/s,
counting 2 FLOPs per multiply-accumulate and 3 passes (forward, grad input, grad weight), as bench/compare.py does
for the whole training step."""
import argparse, json, statistics, time
import torch
import torch.nn as nn

# The layer with the most multiply-accumulates per sample (ties: the first), its input shape and its MACs per sample.
DOMINANT = {
    "lenet5": (lambda: nn.Conv2d(6, 16, 5), (6, 14, 14), 6 * 16 * 25 * 10 * 10),
    "mlp": (lambda: nn.Linear(784, 300), (784,), 784 * 300),
    "cifar_resnet_20": (lambda: nn.Conv2d(16, 16, 3, padding=1, bias=False), (16, 32, 32), 16 * 16 * 9 * 32 * 32),
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", required=True, choices=sorted(DOMINANT))
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--repeats", type=int, default=5)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    make, shape, macs = DOMINANT[a.model]
    layer = make()
    x = torch.randn(a.batch, *shape, requires_grad=True)

    def once():
        layer.zero_grad(set_to_none=True)
        x.grad = None
        layer(x).sum().backward()

    for _ in range(10):
        once()
    iterations, rates = 50, []
    for _ in range(a.repeats):
        start = time.perf_counter()
        for _ in range(iterations):
            once()
        rates.append(iterations * 3 * 2 * macs * a.batch / (time.perf_counter() - start) / 1e9)
    print(json.dumps({"model": a.model, "layer_macs_per_sample": macs, "peak_gflops": statistics.median(rates),
                      "min": min(rates), "max": max(rates), "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
