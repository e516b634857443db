namespace SparseDsl.Models;

/// <summary>
/// WRN-28-10 for CIFAR (Zagoruyko and Komodakis 2016) as the official Random_Pruning code builds it: a 3×3 stem with
/// 16 channels, three stages of four pre-activation blocks with 160, 320 and 640 channels (dropout 0.3), then BN,
/// ReLU, 8×8 average pooling and a linear classifier.
/// </summary>
[SparseModel(3, 32, 32, Name = "wrn_28_10")]
[Conv2d(16, 3, Padding = 1, Bias = false)]
[Stage(typeof(WideBasicBlock), 160, Blocks = 4)]
[Stage(typeof(WideBasicBlock), 320, Blocks = 4, Stride = 2)]
[Stage(typeof(WideBasicBlock), 640, Blocks = 4, Stride = 2)]
[BatchNorm2d, ReLU, AvgPool2d(8), Flatten]
[Linear(10)]
public partial record WideResNet28_10;
