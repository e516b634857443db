namespace SparseDsl.Modeling;

/// <summary>
/// The layer types of a model's layer table (one per layer attribute). Values are stable: new kinds go at the end.
/// </summary>
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

    /// <summary>The addition of a block's shortcut (identity or projection) to the running tensor.</summary>
    Residual,
}
