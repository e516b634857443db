namespace SparseDsl.Models;

/// <summary>
/// A small CIFAR-style ResNet adapted to 1×28×28 images (Fashion-MNIST), for the reproduction study of width on data
/// this machine has: open_lth's CIFAR ResNet layout with one basic block per stage (depth 8) — a 3×3 stem, stages of
/// W, 2W and 4W channels at 28×28, 14×14 and 7×7, global average pooling and a linear classifier. Written at W = 8;
/// the variants double and quadruple the width.
/// </summary>
[ModelFamily(1, 28, 28, BaseWidth = 8)]
[Conv2d(8, 3, Padding = 1, Bias = false), BatchNorm2d, ReLU]
[Stage(typeof(BasicBlock), 8, Blocks = 1)]
[Stage(typeof(BasicBlock), 16, Blocks = 1, Stride = 2)]
[Stage(typeof(BasicBlock), 32, Blocks = 1, Stride = 2)]
[GlobalAvgPool, Linear(10)]
[Variant("fmnist_resnet_8")]
[Variant("fmnist_resnet_8_x2", Width = 16)]
[Variant("fmnist_resnet_8_x4", Width = 32)]
public partial record FashionResNet;
