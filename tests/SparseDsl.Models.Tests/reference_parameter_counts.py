"""Reference parameter counts for the model zoo, computed once with PyTorch 1.13 (/usr/bin/python3).

The networks are rebuilt here from their published descriptions (open_lth's CIFAR ResNet, the official
Random_Pruning CIFAR VGG and Wide ResNet, torchvision's ImageNet ResNets) with plain torch.nn layers; only the
parameter counts are used. Run: /usr/bin/python3 tests/SparseDsl.Models.Tests/reference_parameter_counts.py
"""
import torch.nn as nn


def count(module):
    return sum(p.numel() for p in module.parameters())


def conv(i, o, k, s=1, p=0):
    return nn.Conv2d(i, o, k, s, p, bias=False)


class Residual(nn.Module):
    """body(x) + shortcut(x); the shortcut is a 1x1 conv (+ BN) when channels or stride change."""

    def __init__(self, body, i, o, s, bn=True):
        super().__init__()
        self.body = body
        if s != 1 or i != o:
            self.shortcut = nn.Sequential(conv(i, o, 1, s), *( [nn.BatchNorm2d(o)] if bn else []))


def basic(i, o, s):  # open_lth / torchvision basic block
    return Residual(nn.Sequential(conv(i, o, 3, s, 1), nn.BatchNorm2d(o), conv(o, o, 3, 1, 1), nn.BatchNorm2d(o)), i, o, s)


def bottleneck(i, o, s, inner):  # torchvision bottleneck, stride on the 3x3
    return Residual(nn.Sequential(conv(i, inner, 1), nn.BatchNorm2d(inner), conv(inner, inner, 3, s, 1),
                                  nn.BatchNorm2d(inner), conv(inner, o, 1), nn.BatchNorm2d(o)), i, o, s)


def wide_preact(i, o, s):  # Random_Pruning's WRN block: BN-ReLU-conv-BN-ReLU-dropout-conv, 1x1 conv shortcut
    return Residual(nn.Sequential(nn.BatchNorm2d(i), conv(i, o, 3, s, 1), nn.BatchNorm2d(o), conv(o, o, 3, 1, 1)), i, o, s, bn=False)


def cifar_resnet(depth, width=16, in_channels=3):
    n = (depth - 2) // 6
    layers, c = [conv(in_channels, width, 3, 1, 1), nn.BatchNorm2d(width)], width
    for stage, w in enumerate([width, 2 * width, 4 * width]):
        for b in range(n):
            layers.append(basic(c, w, 2 if stage > 0 and b == 0 else 1))
            c = w
    return nn.Sequential(*layers, nn.Linear(c, 10))


def vgg(plan):
    layers, c = [], 3
    for v in plan:
        if v != 'M':
            layers += [conv(c, v, 3, 1, 1), nn.BatchNorm2d(v)]
            c = v
    return nn.Sequential(*layers, nn.Linear(c, 10))


def wrn(depth, k):
    n = (depth - 4) // 6
    layers, c = [conv(3, 16, 3, 1, 1)], 16
    for stage, w in enumerate([16 * k, 32 * k, 64 * k]):
        for b in range(n):
            layers.append(wide_preact(c, w, 2 if stage > 0 and b == 0 else 1))
            c = w
    return nn.Sequential(*layers, nn.BatchNorm2d(c), nn.Linear(c, 10))


def imagenet_resnet(blocks, bottleneck_width=None):
    layers, c = [conv(3, 64, 7, 2, 3), nn.BatchNorm2d(64)], 64
    for stage, (planes, n) in enumerate(zip([64, 128, 256, 512], blocks)):
        for b in range(n):
            s = 2 if stage > 0 and b == 0 else 1
            if bottleneck_width is None:
                layers.append(basic(c, planes, s))
                c = planes
            else:
                layers.append(bottleneck(c, planes * 4, s, planes * bottleneck_width // 64))
                c = planes * 4
    return nn.Sequential(*layers, nn.Linear(c, 1000))


def mlp(k):
    return nn.Sequential(nn.Linear(784, 300 * k), nn.Linear(300 * k, 100 * k), nn.Linear(100 * k, 10))


lenet5 = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.Conv2d(6, 16, 5), nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, 10))

print("lenet5", count(lenet5))
for name, k in [("mlp", 1), ("mlp_x2", 2), ("mlp_x4", 4)]:
    print(name, count(mlp(k)))
for depth in [20, 32, 44, 56, 110]:
    for width in [8, 16, 24, 32, 64]:
        print(f"cifar_resnet_{depth}_{width}", count(cifar_resnet(depth, width)))
for name, width in [("fmnist_resnet_8", 8), ("fmnist_resnet_8_x2", 16), ("fmnist_resnet_8_x4", 32)]:
    print(name, count(cifar_resnet(8, width, in_channels=1)))
plans = {
    11: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512],
    13: [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512],
    16: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512],
    19: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512],
}
for depth, plan in plans.items():
    print(f"vgg{depth}", count(vgg(plan)))
print("wrn_28_10", count(wrn(28, 10)))
print("resnet18", count(imagenet_resnet([2, 2, 2, 2])))
print("resnet34", count(imagenet_resnet([3, 4, 6, 3])))
print("resnet50", count(imagenet_resnet([3, 4, 6, 3], 64)))
print("resnet101", count(imagenet_resnet([3, 4, 23, 3], 64)))
print("wide_resnet50_2", count(imagenet_resnet([3, 4, 6, 3], 128)))
