#!/usr/bin/python3
"""PyTorch side of the training-step benchmark: the same masked model, data and optimizer as
bench/SparseDsl.Bench, with masking as the official Random_Pruning code does it (weights multiplied
by their masks after every optimizer step). Prints one JSON line per model with the median steps/s."""
import argparse, gzip, json, statistics, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def lenet5():
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 300), nn.ReLU(), nn.Linear(300, 100), nn.ReLU(), nn.Linear(100, 10))


def erk_densities(shapes, density):
    """ERK with the iterative cap, as the official code computes it."""
    dense = set()
    while True:
        raw = {i: sum(s) / np.prod(s) for i, s in enumerate(shapes) if i not in dense}
        n = {i: np.prod(s) for i, s in enumerate(shapes)}
        budget = density * sum(n.values()) - sum(n[i] for i in dense)
        eps = budget / sum(raw[i] * n[i] for i in raw)
        over = [i for i in raw if eps * raw[i] > 1]
        if not over:
            return [1.0 if i in dense else eps * raw[i] for i in range(len(shapes))]
        dense.add(max(over, key=lambda i: raw[i]))


def load_batches(path, batch, count):
    with gzip.open(f"{path}/train-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(f"{path}/train-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    x = (torch.from_numpy(images[: batch * count].astype(np.float32)) / 255 - 0.2860) / 0.3530
    y = torch.from_numpy(labels[: batch * count].astype(np.int64))
    return list(zip(x.split(batch), y.split(batch)))


def bench(name, make, density, batches, steps, repeats):
    torch.manual_seed(17)
    model = make()
    weights = [m.weight for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    masks = []
    if density < 1:
        ds = erk_densities([tuple(w.shape) for w in weights], density)
        masks = [(torch.rand_like(w) < d).float() for w, d in zip(weights, ds)]
        with torch.no_grad():
            for w, m in zip(weights, masks):
                w.mul_(m)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4)

    def step(x, y):
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        with torch.no_grad():
            for w, m in zip(weights, masks):
                w.mul_(m)

    for x, y in batches[:10]:  # warm-up
        step(x, y)
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for i in range(steps):
            x, y = batches[i % len(batches)]
            step(x, y)
        rates.append(steps / (time.perf_counter() - start))
    return {"engine": "pytorch", "model": name, "density": density, "steps_per_s": statistics.median(rates),
            "min": min(rates), "max": max(rates), "repeats": repeats, "steps": steps, "threads": torch.get_num_threads()}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--steps", type=int, default=200)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--batch", type=int, default=128)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    batches = load_batches(a.data, a.batch, 50)
    for name, make in (("lenet5", lenet5), ("mlp", mlp)):
        for density in (1.0, 0.1):
            print(json.dumps(bench(name, make, density, batches, a.steps, a.repeats)), flush=True)


if __name__ == "__main__":
    main()
