using System.Collections.ObjectModel;

namespace SparseDsl.Modeling;

/// <summary>
/// One layer of a model as the generator inferred it at compile time: per-sample shapes (no batch dimension),
/// weight shape, parameter count (biases and BatchNorm affine parameters included) and multiply-accumulates per sample.
/// </summary>
public sealed class LayerInfo
{
    private static readonly ReadOnlyCollection<long> NoWeight = Array.AsReadOnly(Array.Empty<long>());

    public LayerInfo(string name, LayerKind kind, long[] inputShape, long[] outputShape, long[] weightShape,
        long parameterCount, long macsPerSample, bool prunable)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(outputShape);
        ArgumentNullException.ThrowIfNull(weightShape);
        if (prunable && weightShape.Length == 0)
            throw new ArgumentException($"Prunable layer '{name}' needs a weight shape.", nameof(weightShape));
        Name = name;
        Kind = kind;
        InputShape = Array.AsReadOnly((long[])inputShape.Clone());
        OutputShape = Array.AsReadOnly((long[])outputShape.Clone());
        WeightShape = weightShape.Length == 0 ? NoWeight : Array.AsReadOnly((long[])weightShape.Clone());
        ParameterCount = parameterCount;
        MacsPerSample = macsPerSample;
        Prunable = prunable;
    }

    /// <summary>Layer name, e.g. <c>conv1</c>; for parametric layers also the module's field and parameter prefix.</summary>
    public string Name { get; }

    public LayerKind Kind { get; }

    /// <summary>Per-sample input shape: <c>[C, H, W]</c> or <c>[features]</c>.</summary>
    public IReadOnlyList<long> InputShape { get; }

    /// <summary>Per-sample output shape.</summary>
    public IReadOnlyList<long> OutputShape { get; }

    /// <summary><c>[out, in/groups, kh, kw]</c>, <c>[out, in]</c> or <c>[C]</c> (BatchNorm); empty for layers without weights.</summary>
    public IReadOnlyList<long> WeightShape { get; }

    /// <summary>Weight elements (product of <see cref="WeightShape"/>; 0 without weights).</summary>
    public long WeightCount
    {
        get
        {
            if (WeightShape.Count == 0) return 0;
            long count = 1;
            foreach (var d in WeightShape) count *= d;
            return count;
        }
    }

    /// <summary>All trainable parameters: weight, bias, BatchNorm scale and shift.</summary>
    public long ParameterCount { get; }

    /// <summary>Multiply-accumulates per sample of the dense layer (0 for layers other than Conv2d and Linear).</summary>
    public long MacsPerSample { get; }

    /// <summary>True when the weight is masked (Conv2d and Linear weights; biases and BatchNorm stay dense).</summary>
    public bool Prunable { get; }

    public override string ToString() =>
        $"{Name} {Kind} [{string.Join(", ", InputShape)}] -> [{string.Join(", ", OutputShape)}]";
}
