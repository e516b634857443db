namespace SparseDsl.Models;

/// <summary>
/// CIFAR VGGs with BatchNorm as the official Random_Pruning code builds them: stages of 3×3 convolutions without bias
/// (each with BN and ReLU) separated by 2×2 max pooling, a final 2×2 average pooling and one linear classifier.
/// Written as VGG-16; the variants change the convolutions per stage.
/// </summary>
[ModelFamily(3, 32, 32)]
[Stage(typeof(ConvBatchNormReLU), 64, Blocks = 2), MaxPool2d(2)]
[Stage(typeof(ConvBatchNormReLU), 128, Blocks = 2), MaxPool2d(2)]
[Stage(typeof(ConvBatchNormReLU), 256, Blocks = 3), MaxPool2d(2)]
[Stage(typeof(ConvBatchNormReLU), 512, Blocks = 3), MaxPool2d(2)]
[Stage(typeof(ConvBatchNormReLU), 512, Blocks = 3)]
[AvgPool2d(2), Flatten]
[Linear(10)]
[Variant("vgg11", StageBlocks = [1, 1, 2, 2, 2])]
[Variant("vgg13", StageBlocks = [2, 2, 2, 2, 2])]
[Variant("vgg16")]
[Variant("vgg19", StageBlocks = [2, 2, 4, 4, 4])]
public partial record CifarVgg;
