namespace SparseDsl.Generators.Tests;

/// <summary>Declarations shared by several tests.</summary>
internal static class Declarations
{
    /// <summary>
    /// Every layer kind and option once. Shapes by hand: conv1 3→16 (pad 1) 32×32; grouped 16→32, groups 4, dilation 2
    /// (effective kernel 5), padding 2, stride 2 → (32 + 4 − 5) / 2 + 1 = 16; avgpool 3/1/1 keeps 16×16; maxpool 2 → 8×8;
    /// global pool → [32]; Flatten is then a no-op; fc1 32→64 (In checked); fc2 64→10 without bias.
    /// </summary>
    public const string EveryLayerKind = """
        using SparseDsl;
        namespace T;

        [SparseModel(3, 32, 32, Name = "kinds")]
        [Conv2d(16, 3, Padding = 1, Bias = false), BatchNorm2d, ReLU]
        [Conv2d(32, 3, Stride = 2, Padding = 2, Dilation = 2, Groups = 4, Name = "grouped"), BatchNorm2d(Eps = 1e-3, Momentum = 0.01), ReLU]
        [AvgPool2d(3, Stride = 1, Padding = 1), MaxPool2d(2)]
        [GlobalAvgPool]
        [Flatten]
        [Linear(64, In = 32), BatchNorm1d, ReLU, Dropout(0.5)]
        [Linear(10, Bias = false)]
        internal partial record Kinds;
        """;
}
