namespace SparseDsl.Models;

/// <summary>No pruning: the dense baseline.</summary>
[SparsityPolicy(Allocation.Dense)]
public partial record Dense;

/// <summary>Every masked layer at density 0.1 (90% sparsity).</summary>
[SparsityPolicy(Allocation.Uniform, 0.1)]
public partial record Uniform90;

/// <summary>Erdős–Rényi-Kernel layer-wise densities at global density 0.1 (90% sparsity).</summary>
[SparsityPolicy(Allocation.Erk, 0.1)]
public partial record Erk90;

/// <summary>ERK at density 0.1 with the stem (first convolution) kept dense, declared for LeNet-5 and VGG-16.</summary>
[SparsityPolicy(Allocation.Erk, 0.1, KeepDense = ["first"], Models = ["lenet5", "vgg16"])]
public partial record Erk90StemDense;

/// <summary>Every masked layer at one density, the classifier at 0.2, the whole at global density 0.05 (95% sparsity).</summary>
[SparsityPolicy(Allocation.Uniform, 0.05)]
[LayerDensity("classifier", 0.2)]
public partial record Uniform95Classifier20;

/// <summary>LeNet-5 with every layer's density chosen by hand: the stem dense, the large fully connected layer sparsest.</summary>
[SparsityPolicy(Allocation.Explicit, KeepDense = ["first"], Models = ["lenet5"])]
[LayerDensity("conv2", 0.3)]
[LayerDensity("fc1", 0.05)]
[LayerDensity("fc2", 0.1)]
[LayerDensity("classifier", 0.5)]
public partial record LeNet5Handpicked;
