using System.Text.Json;
using System.Text.Unicode;

namespace SparseDsl.Checkpoints;

/// <summary>Where one tensor lies in the data section, as a validated header entry says.</summary>
internal sealed record SafetensorsEntry(string Name, SafetensorsDtype Dtype, long[] Shape, long Begin, long End)
{
    public long Length => End - Begin;
}

/// <summary>
/// Parses and validates a safetensors JSON header against the size of the data section that follows it:
/// known dtypes, non-negative shapes, byte lengths equal to numel · item size, and offsets that tile the data
/// section exactly (contiguous, non-overlapping, inside it). Every problem is a <see cref="CheckpointFormatException"/>.
/// </summary>
internal static class SafetensorsHeader
{
    // Root object → entry → shape array is depth 3; anything much deeper is not a safetensors header.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    public static (IReadOnlyList<SafetensorsEntry> Entries, Dictionary<string, string> Metadata) Parse(
        ReadOnlyMemory<byte> json, long dataLength, string path)
    {
        if (!Utf8.IsValid(json.Span)) throw Fail(path, "the header is not valid UTF-8");
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Fail(path, $"the header must be a JSON object, found {root.ValueKind}");
            var entries = new List<SafetensorsEntry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!names.Add(property.Name)) throw Fail(path, $"the header names '{property.Name}' twice");
                if (property.Name == SafetensorsFormat.MetadataKey) ReadMetadata(property.Value, metadata, path);
                else entries.Add(ReadEntry(property.Name, property.Value, path));
            }
            CheckLayout(entries, dataLength, path);
            return (entries, metadata);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw Fail(path, $"the header is not valid JSON: {e.Message}", e);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw Fail(path, $"'{SafetensorsFormat.MetadataKey}' must be an object of strings, found {value.ValueKind}");
        foreach (var pair in value.EnumerateObject())
        {
            if (pair.Value.ValueKind != JsonValueKind.String)
                throw Fail(path, $"metadata '{pair.Name}' must be a string, found {pair.Value.ValueKind}");
            if (!metadata.TryAdd(pair.Name, pair.Value.GetString()!))
                throw Fail(path, $"metadata names '{pair.Name}' twice");
        }
    }

    private static SafetensorsEntry ReadEntry(string name, JsonElement value, string path)
    {
        if (name.Length == 0) throw Fail(path, "a tensor has an empty name");
        if (value.ValueKind != JsonValueKind.Object)
            throw Fail(path, $"tensor '{name}' must be an object with dtype, shape and data_offsets, found {value.ValueKind}");
        string? dtypeName = null;
        long[]? shape = null, offsets = null;
        foreach (var field in value.EnumerateObject())
        {
            switch (field.Name)
            {
                case "dtype" when dtypeName is null:
                    dtypeName = field.Value.ValueKind == JsonValueKind.String
                        ? field.Value.GetString()!
                        : throw Fail(path, $"tensor '{name}': dtype must be a string, found {field.Value.ValueKind}");
                    break;
                case "shape" when shape is null:
                    shape = Integers(field.Value, name, "shape", path);
                    break;
                case "data_offsets" when offsets is null:
                    offsets = Integers(field.Value, name, "data_offsets", path);
                    break;
                default:
                    throw Fail(path, $"tensor '{name}' has an unexpected or repeated field '{field.Name}'");
            }
        }
        if (dtypeName is null || shape is null || offsets is null)
            throw Fail(path, $"tensor '{name}' lacks {(dtypeName is null ? "dtype" : shape is null ? "shape" : "data_offsets")}");
        if (!SafetensorsDtypes.TryParse(dtypeName, out var dtype))
            throw Fail(path, $"tensor '{name}' has unknown dtype '{dtypeName}' (known: {string.Join(", ", Enum.GetNames<SafetensorsDtype>())})");
        if (offsets.Length != 2 || offsets[0] > offsets[1])
            throw Fail(path, $"tensor '{name}': data_offsets must be [begin, end] with begin <= end, found [{string.Join(", ", offsets)}]");
        if (!ElementCount.TryCompute(shape, out var numel) || numel > long.MaxValue / dtype.ItemSize())
            throw Fail(path, $"tensor '{name}' has shape [{string.Join(", ", shape)}], whose size overflows");
        var expected = numel * dtype.ItemSize();
        if (offsets[1] - offsets[0] != expected)
            throw Fail(path, $"tensor '{name}' ({dtypeName}, shape [{string.Join(", ", shape)}]) needs {expected} bytes but its data_offsets [{offsets[0]}, {offsets[1]}] span {offsets[1] - offsets[0]}");
        return new SafetensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static long[] Integers(JsonElement value, string name, string field, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw Fail(path, $"tensor '{name}': {field} must be an array of integers, found {value.ValueKind}");
        var result = new long[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var number) || number < 0)
                throw Fail(path, $"tensor '{name}': {field} must hold non-negative integers, found {item.GetRawText()}");
            result[i++] = number;
        }
        return result;
    }

    /// <summary>The entries must tile [0, dataLength) exactly: no byte outside, shared or unaccounted for.</summary>
    private static void CheckLayout(List<SafetensorsEntry> entries, long dataLength, string path)
    {
        foreach (var entry in entries)
            if (entry.End > dataLength)
                throw Fail(path, $"tensor '{entry.Name}' data_offsets [{entry.Begin}, {entry.End}] run past the end of the data section ({dataLength} bytes after the header): the file is truncated or corrupt");
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expected = 0;
        SafetensorsEntry? previous = null;
        foreach (var entry in entries)
        {
            if (entry.Begin < expected)
                throw Fail(path, $"tensors '{previous!.Name}' and '{entry.Name}' overlap (bytes {entry.Begin} to {Math.Min(expected, entry.End)})");
            if (entry.Begin > expected)
                throw Fail(path, $"bytes {expected} to {entry.Begin} of the data section belong to no tensor (before '{entry.Name}')");
            expected = entry.End;
            previous = entry;
        }
        if (expected != dataLength)
            throw Fail(path, $"the data section has {dataLength} bytes but the tensors account for {expected}: the file has trailing bytes or a wrong header");
    }

    private static CheckpointFormatException Fail(string path, string problem, Exception? inner = null) => new(path, problem, inner);
}
