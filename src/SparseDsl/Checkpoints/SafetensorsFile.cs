namespace SparseDsl.Checkpoints;

/// <summary>The content of a safetensors file: tensors by name (ordinal order) and the string metadata.</summary>
public sealed class SafetensorsFile
{
    private readonly Dictionary<string, SafetensorsTensor> byName;

    /// <summary>Refuses duplicate or reserved tensor names.</summary>
    public SafetensorsFile(IEnumerable<SafetensorsTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        byName = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
        {
            if (tensor.Name == SafetensorsFormat.MetadataKey)
                throw new ArgumentException($"'{SafetensorsFormat.MetadataKey}' is reserved for metadata and cannot name a tensor.", nameof(tensors));
            if (!byName.TryAdd(tensor.Name, tensor))
                throw new ArgumentException($"Two tensors are named '{tensor.Name}'.", nameof(tensors));
        }
        Tensors = [.. byName.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];
        Metadata = metadata is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(metadata, StringComparer.Ordinal);
    }

    /// <summary>Every tensor, in ordinal name order (the order the writer lays them out).</summary>
    public IReadOnlyList<SafetensorsTensor> Tensors { get; }

    /// <summary>The <c>__metadata__</c> object: free-form string pairs.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensor named <paramref name="name"/>, or null.</summary>
    public SafetensorsTensor? Find(string name) => byName.GetValueOrDefault(name);
}

/// <summary>Constants of the safetensors layout.</summary>
public static class SafetensorsFormat
{
    /// <summary>The header key of the metadata object.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>The reader refuses longer headers (the reference implementation's limit), before allocating them.</summary>
    public const long MaxHeaderBytes = 100_000_000;
}
