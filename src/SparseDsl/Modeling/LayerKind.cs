namespace SparseDsl.Modeling;

/// <summary>The layer types a sequential SparseDsl model is built from (one per layer attribute).</summary>
public enum LayerKind
{
    Conv2d,
    Linear,
    BatchNorm2d,
    BatchNorm1d,
    ReLU,
    MaxPool2d,
    AvgPool2d,
    GlobalAvgPool,
    Flatten,
    Dropout,
}
