namespace SparseDsl;

/// <summary>Max pooling with a square window; <see cref="Stride"/> 0 (default) means the kernel size.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MaxPool2dAttribute(int kernel) : LayerAttribute
{
    public int Kernel { get; } = kernel;
    public int Stride { get; set; }
    public int Padding { get; set; }
}

/// <summary>Average pooling with a square window; <see cref="Stride"/> 0 (default) means the kernel size.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AvgPool2dAttribute(int kernel) : LayerAttribute
{
    public int Kernel { get; } = kernel;
    public int Stride { get; set; }
    public int Padding { get; set; }
}

/// <summary>Global average pooling: <c>[C, H, W]</c> → <c>[C]</c> (pooled and flattened).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GlobalAvgPoolAttribute : LayerAttribute;
