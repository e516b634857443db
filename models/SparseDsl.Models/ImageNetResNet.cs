namespace SparseDsl.Models;

/// <summary>
/// torchvision's ResNet-18 and ResNet-34 for 224×224 ImageNet images: a 7×7 stride-2 stem with BN, ReLU and 3×3
/// max pooling, four stages of basic blocks (64, 128, 256, 512 channels), global average pooling, a 1000-way classifier.
/// </summary>
[ModelFamily(3, 224, 224)]
[Conv2d(64, 7, Stride = 2, Padding = 3, Bias = false), BatchNorm2d, ReLU, MaxPool2d(3, Stride = 2, Padding = 1)]
[Stage(typeof(BasicBlock), 64, Blocks = 2)]
[Stage(typeof(BasicBlock), 128, Blocks = 2, Stride = 2)]
[Stage(typeof(BasicBlock), 256, Blocks = 2, Stride = 2)]
[Stage(typeof(BasicBlock), 512, Blocks = 2, Stride = 2)]
[GlobalAvgPool, Linear(1000)]
[Variant("resnet18")]
[Variant("resnet34", StageBlocks = [3, 4, 6, 3])]
public partial record ImageNetResNet;

/// <summary>
/// torchvision's bottleneck ResNets for 224×224 ImageNet images: the same stem, four stages of bottleneck blocks
/// (256, 512, 1024, 2048 output channels), global average pooling, a 1000-way classifier. Wide ResNet-50-2 doubles
/// the bottlenecks' inner width.
/// </summary>
[ModelFamily(3, 224, 224)]
[Conv2d(64, 7, Stride = 2, Padding = 3, Bias = false), BatchNorm2d, ReLU, MaxPool2d(3, Stride = 2, Padding = 1)]
[Stage(typeof(Bottleneck), 256, Blocks = 3)]
[Stage(typeof(Bottleneck), 512, Blocks = 4, Stride = 2)]
[Stage(typeof(Bottleneck), 1024, Blocks = 6, Stride = 2)]
[Stage(typeof(Bottleneck), 2048, Blocks = 3, Stride = 2)]
[GlobalAvgPool, Linear(1000)]
[Variant("resnet50")]
[Variant("resnet101", StageBlocks = [3, 4, 23, 3])]
[Variant("wide_resnet50_2", Block = typeof(WideBottleneck))]
public partial record ImageNetBottleneckResNet;
