namespace SparseDsl.Models;

/// <summary>LeNet-5 for 28×28 grey images (MNIST, Fashion-MNIST): two 5×5 convolutions and three linear layers.</summary>
[SparseModel(1, 28, 28, Name = "lenet5")]
[Conv2d(6, 5, Padding = 2), ReLU, MaxPool2d(2)]
[Conv2d(16, 5), ReLU, MaxPool2d(2)]
[Flatten]
[Linear(120), ReLU]
[Linear(84), ReLU]
[Linear(10)]
public partial record LeNet5;
