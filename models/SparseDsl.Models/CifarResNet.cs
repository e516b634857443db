namespace SparseDsl.Models;

/// <summary>
/// CIFAR ResNets as open_lth builds them (<c>cifar_resnet_&lt;depth&gt;[_&lt;width&gt;]</c>): a 3×3 stem, three stages of
/// (depth − 2) / 6 basic blocks with W, 2W and 4W channels (the first blocks of stages 2 and 3 strided, with a 1×1
/// convolution + BN projection), global average pooling and a linear classifier. Written at W = 16; each variant sets
/// its blocks per stage and its width, the grid of the paper: depths 20/32/44/56/110 × widths 8/16/24/32/64.
/// </summary>
[ModelFamily(3, 32, 32, BaseWidth = 16)]
[Conv2d(16, 3, Padding = 1, Bias = false), BatchNorm2d, ReLU]
[Stage(typeof(BasicBlock), 16, Blocks = 3)]
[Stage(typeof(BasicBlock), 32, Blocks = 3, Stride = 2)]
[Stage(typeof(BasicBlock), 64, Blocks = 3, Stride = 2)]
[GlobalAvgPool, Linear(10)]
[Variant("cifar_resnet_20", Aliases = ["cifar_resnet_20_16"])]
[Variant("cifar_resnet_20_8", Width = 8)]
[Variant("cifar_resnet_20_24", Width = 24)]
[Variant("cifar_resnet_20_32", Width = 32)]
[Variant("cifar_resnet_20_64", Width = 64)]
[Variant("cifar_resnet_32", Blocks = 5, Aliases = ["cifar_resnet_32_16"])]
[Variant("cifar_resnet_32_8", Blocks = 5, Width = 8)]
[Variant("cifar_resnet_32_24", Blocks = 5, Width = 24)]
[Variant("cifar_resnet_32_32", Blocks = 5, Width = 32)]
[Variant("cifar_resnet_32_64", Blocks = 5, Width = 64)]
[Variant("cifar_resnet_44", Blocks = 7, Aliases = ["cifar_resnet_44_16"])]
[Variant("cifar_resnet_44_8", Blocks = 7, Width = 8)]
[Variant("cifar_resnet_44_24", Blocks = 7, Width = 24)]
[Variant("cifar_resnet_44_32", Blocks = 7, Width = 32)]
[Variant("cifar_resnet_44_64", Blocks = 7, Width = 64)]
[Variant("cifar_resnet_56", Blocks = 9, Aliases = ["cifar_resnet_56_16"])]
[Variant("cifar_resnet_56_8", Blocks = 9, Width = 8)]
[Variant("cifar_resnet_56_24", Blocks = 9, Width = 24)]
[Variant("cifar_resnet_56_32", Blocks = 9, Width = 32)]
[Variant("cifar_resnet_56_64", Blocks = 9, Width = 64)]
[Variant("cifar_resnet_110", Blocks = 18, Aliases = ["cifar_resnet_110_16"])]
[Variant("cifar_resnet_110_8", Blocks = 18, Width = 8)]
[Variant("cifar_resnet_110_24", Blocks = 18, Width = 24)]
[Variant("cifar_resnet_110_32", Blocks = 18, Width = 32)]
[Variant("cifar_resnet_110_64", Blocks = 18, Width = 64)]
public partial record CifarResNet;
