namespace SparseDsl.Models;

/// <summary>
/// The basic residual block (He et al. 2016) as open_lth's CIFAR ResNet and torchvision's ResNet-18/34 build it:
/// 3×3 convolution (strided) – BN – ReLU – 3×3 convolution – BN, plus the input (through a 1×1 convolution and BN
/// when the shape changes), then ReLU. Written for 64 channels.
/// </summary>
[Block]
[Conv2d(64, 3, Padding = 1, Strided = true, Bias = false), BatchNorm2d, ReLU]
[Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm2d]
[Residual(Shortcut.ConvBatchNorm)]
[ReLU]
public partial record BasicBlock;

/// <summary>
/// torchvision's bottleneck (ResNet v1.5, stride on the 3×3 convolution): 1×1 – 3×3 – 1×1 convolutions with BN, the
/// inner width a quarter of the output. Written for 256 output channels.
/// </summary>
[Block]
[Conv2d(64, 1, Bias = false), BatchNorm2d, ReLU]
[Conv2d(64, 3, Padding = 1, Strided = true, Bias = false), BatchNorm2d, ReLU]
[Conv2d(256, 1, Bias = false), BatchNorm2d]
[Residual(Shortcut.ConvBatchNorm)]
[ReLU]
public partial record Bottleneck;

/// <summary>The bottleneck of torchvision's Wide ResNet-50-2: as <see cref="Bottleneck"/> with the inner width doubled (half the output).</summary>
[Block]
[Conv2d(128, 1, Bias = false), BatchNorm2d, ReLU]
[Conv2d(128, 3, Padding = 1, Strided = true, Bias = false), BatchNorm2d, ReLU]
[Conv2d(256, 1, Bias = false), BatchNorm2d]
[Residual(Shortcut.ConvBatchNorm)]
[ReLU]
public partial record WideBottleneck;

/// <summary>
/// The pre-activation block of CIFAR Wide ResNets as the official Random_Pruning code builds it: BN – ReLU – 3×3
/// convolution (strided) – BN – ReLU – dropout 0.3 – 3×3 convolution, plus the input; when the shape changes the
/// shortcut is a 1×1 convolution (no BN) of the pre-activated input. Written for 160 channels.
/// </summary>
[Block]
[BatchNorm2d, ReLU]
[Conv2d(160, 3, Padding = 1, Strided = true, Bias = false), BatchNorm2d, ReLU, Dropout(0.3)]
[Conv2d(160, 3, Padding = 1, Bias = false)]
[Residual(Shortcut.Conv, ProjectPreActivated = true)]
public partial record WideBasicBlock;

/// <summary>One VGG layer: 3×3 convolution without bias, BN, ReLU. Written for 64 channels.</summary>
[Block]
[Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm2d, ReLU]
public partial record ConvBatchNormReLU;
