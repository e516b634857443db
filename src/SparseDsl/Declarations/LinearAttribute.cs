namespace SparseDsl;

/// <summary>Fully connected layer; needs a flat <c>[features]</c> input (put <c>[Flatten]</c> or <c>[GlobalAvgPool]</c> before it).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LinearAttribute(int outFeatures) : LayerAttribute
{
    public int OutFeatures { get; } = outFeatures;
    public bool Bias { get; set; } = true;

    /// <summary>Expected input features; 0 (default) means inferred only.</summary>
    public int In { get; set; }
}
