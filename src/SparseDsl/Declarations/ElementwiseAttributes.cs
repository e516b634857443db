namespace SparseDsl;

/// <summary>Rectified linear unit.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReLUAttribute : LayerAttribute;

/// <summary><c>[C, H, W]</c> → <c>[C·H·W]</c>; no effect on an already flat input.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class FlattenAttribute : LayerAttribute;

/// <summary>Dropout with drop probability <paramref name="p"/> in [0, 1), active in training mode only.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DropoutAttribute(double p) : LayerAttribute
{
    public double P { get; } = p;
}
