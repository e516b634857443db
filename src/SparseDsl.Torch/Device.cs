namespace SparseDsl.Torch;

/// <summary>Device kinds, numbered as c10::DeviceType.</summary>
public enum DeviceType
{
    CPU = 0,
    CUDA = 1,
}

/// <summary>A device a tensor lives on, e.g. <c>cpu</c> or <c>cuda:0</c>.</summary>
public sealed record Device(DeviceType type, int index = -1)
{
    /// <summary>Parses <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public Device(string description) : this(Parse(description).type, Parse(description).index) { }

    public static readonly Device CPU = new(DeviceType.CPU);
    public static readonly Device CUDA = new(DeviceType.CUDA, 0);

    public override string ToString() =>
        type switch { DeviceType.CPU => "cpu", _ => index >= 0 ? $"cuda:{index}" : "cuda" };

    private static (DeviceType type, int index) Parse(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        if (value == "cpu") return (DeviceType.CPU, -1);
        if (value == "cuda") return (DeviceType.CUDA, 0);
        if (value.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(value.AsSpan(5), out var i) && i >= 0)
            return (DeviceType.CUDA, i);
        throw new ArgumentException($"Unknown device '{text}': use 'cpu', 'cuda' or 'cuda:N'.", nameof(text));
    }
}
