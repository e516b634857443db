namespace SparseDsl;

/// <summary>Batch normalisation over the channels of a <c>[C, H, W]</c> input (affine, running statistics).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BatchNorm2dAttribute : LayerAttribute
{
    public double Eps { get; set; } = 1e-5;
    public double Momentum { get; set; } = 0.1;
}

/// <summary>Batch normalisation over the features of a flat <c>[features]</c> input.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BatchNorm1dAttribute : LayerAttribute
{
    public double Eps { get; set; } = 1e-5;
    public double Momentum { get; set; } = 0.1;
}
