namespace SparseDsl.Models;

/// <summary>
/// The 784-300-100-10 multilayer perceptron (LeCun et al. 1998, "LeNet-300-100") on flattened 28×28 images, and wider
/// copies: Width multiplies the hidden layers (the classifier keeps its 10 outputs).
/// </summary>
[ModelFamily(1, 28, 28)]
[Flatten]
[Linear(300), ReLU]
[Linear(100), ReLU]
[Linear(10)]
[Variant("mlp")]
[Variant("mlp_x2", Width = 2)]
[Variant("mlp_x4", Width = 4)]
public partial record MultilayerPerceptron;
