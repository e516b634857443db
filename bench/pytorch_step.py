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


def cifar_resnet_20():
    """open_lth's cifar_resnet_20: 3x3 stem, 3 stages x 3 basic blocks (16/32/64), 1x1 conv + BN projections."""
    class Block(nn.Module):
        def __init__(self, f_in, f_out, downsample):
            super().__init__()
            stride = 2 if downsample else 1
            self.conv1 = nn.Conv2d(f_in, f_out, 3, stride=stride, padding=1, bias=False)
            self.bn1 = nn.BatchNorm2d(f_out)
            self.conv2 = nn.Conv2d(f_out, f_out, 3, stride=1, padding=1, bias=False)
            self.bn2 = nn.BatchNorm2d(f_out)
            self.shortcut = nn.Sequential()
            if downsample or f_in != f_out:
                self.shortcut = nn.Sequential(nn.Conv2d(f_in, f_out, 1, stride=2, bias=False), nn.BatchNorm2d(f_out))

        def forward(self, x):
            out = F.relu(self.bn1(self.conv1(x)))
            out = self.bn2(self.conv2(out))
            return F.relu(out + self.shortcut(x))

    layers, f_in = [nn.Conv2d(3, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU()], 16
    for i, width in enumerate((16, 32, 64)):
        for j in range(3):
            layers.append(Block(f_in, width, i > 0 and j == 0))
            f_in = width
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10))


def wrn_28_10():
    """WRN-28-10 as the official Random_Pruning code builds it (pre-activation blocks, dropout 0.3, 1x1 shortcut
    convolution of the pre-activated input when the shape changes), as models/SparseDsl.Models/WideResNet.cs declares."""
    class Block(nn.Module):
        def __init__(self, f_in, f_out, stride):
            super().__init__()
            self.bn1, self.conv1 = nn.BatchNorm2d(f_in), nn.Conv2d(f_in, f_out, 3, stride=stride, padding=1, bias=False)
            self.bn2, self.conv2 = nn.BatchNorm2d(f_out), nn.Conv2d(f_out, f_out, 3, padding=1, bias=False)
            self.drop = nn.Dropout(0.3)
            self.shortcut = nn.Conv2d(f_in, f_out, 1, stride=stride, bias=False) if stride != 1 or f_in != f_out else None

        def forward(self, x):
            pre = F.relu(self.bn1(x))
            out = self.conv2(self.drop(F.relu(self.bn2(self.conv1(pre)))))
            return out + (self.shortcut(pre) if self.shortcut is not None else x)

    layers, f_in = [nn.Conv2d(3, 16, 3, padding=1, bias=False)], 16
    for width, stride in ((160, 1), (320, 2), (640, 2)):
        for j in range(4):
            layers.append(Block(f_in, width, stride if j == 0 else 1))
            f_in = width
    return nn.Sequential(*layers, nn.BatchNorm2d(640), nn.ReLU(), nn.AvgPool2d(8), nn.Flatten(), nn.Linear(640, 10))


MODELS = {"lenet5": lenet5, "mlp": mlp, "cifar_resnet_20": cifar_resnet_20, "wrn_28_10": wrn_28_10}
INPUTS = {"lenet5": (1, 28, 28), "mlp": (1, 28, 28), "cifar_resnet_20": (3, 32, 32), "wrn_28_10": (3, 32, 32)}
# channels_last (NHWC) lets oneDNN/cuDNN run convolutions without layout reorders; the official code uses contiguous.
MEMORY_FORMATS = {"contiguous": torch.contiguous_format, "channels_last": torch.channels_last}
PRECISIONS = {"fp32": None, "bf16": torch.bfloat16, "fp16": torch.float16}


def load_batches(path, shape, batch, count):
    """Real Fashion-MNIST for 1x28x28 models; seeded random images otherwise (step time ignores pixel values)."""
    if shape != (1, 28, 28):
        g = torch.Generator().manual_seed(0)
        return [(torch.randn(batch, *shape, generator=g), torch.randint(10, (batch,), generator=g)) for _ in range(count)]
    with gzip.open(f"{path}/train-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(f"{path}/train-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    x = (torch.from_numpy(images[: batch * count].astype(np.float32)) / 255 - 0.2860) / 0.3530
    y = torch.from_numpy(labels[: batch * count].astype(np.int64))
    return list(zip(x.split(batch), y.split(batch)))


def peak_rss_mb():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) // 1024


def bench(name, make, density, batches, steps, repeats, device, precision, memory_format=torch.contiguous_format):
    torch.manual_seed(17)
    model = make().to(device, memory_format=memory_format)
    weights = [m.weight for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    masks = []
    if density < 1:
        ds = erk_densities([tuple(w.shape) for w in weights], density)
        masks = [(torch.rand_like(w) < d).float() for w, d in zip(weights, ds)]
        with torch.no_grad():
            for w, m in zip(weights, masks):
                w.mul_(m)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4)
    dtype = PRECISIONS[precision]
    scaler = torch.cuda.amp.GradScaler(enabled=precision == "fp16")

    def step(x, y):
        with torch.autocast(device.type, dtype=dtype, enabled=dtype is not None):
            loss = F.cross_entropy(model(x), y)
        opt.zero_grad(set_to_none=True)
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()
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
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        rates.append(steps / (time.perf_counter() - start))
    return {"engine": "pytorch", "model": name, "density": density, "device": device.type, "precision": precision, "steps_per_s": statistics.median(rates),
            "min": min(rates), "max": max(rates), "repeats": repeats, "steps": steps, "batch": batches[0][0].shape[0],
            "memory_format": "channels_last" if memory_format == torch.channels_last else "contiguous",
            "threads": torch.get_num_threads(), "peak_rss_mb": peak_rss_mb()}


def main():
    """One configuration per process, so that the peak resident set belongs to it alone."""
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--model", default="lenet5", choices=sorted(MODELS))
    p.add_argument("--density", type=float, default=1.0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--device", default="cpu")
    p.add_argument("--precision", default="fp32", choices=sorted(PRECISIONS))
    p.add_argument("--memory-format", default="contiguous", choices=sorted(MEMORY_FORMATS))
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    device = torch.device(a.device)
    memory_format = MEMORY_FORMATS[a.memory_format]
    batches = [(x.to(device, memory_format=memory_format if x.dim() == 4 else torch.contiguous_format), y.to(device))
               for x, y in load_batches(a.data, INPUTS[a.model], a.batch, 50)]
    result = bench(a.model, MODELS[a.model], a.density, batches, a.steps, a.repeats, device, a.precision, memory_format)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
