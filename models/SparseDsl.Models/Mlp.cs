namespace SparseDsl.Models;

/// <summary>The 784-300-100-10 multilayer perceptron (LeCun et al. 1998) on flattened 28×28 images.</summary>
[SparseModel(1, 28, 28, Name = "mlp")]
[Flatten]
[Linear(300), ReLU]
[Linear(100), ReLU]
[Linear(10)]
public partial record Mlp;
