using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SparseDsl.Checkpoints;

/// <summary>
/// SHA-256 of a checkpoint's content: every tensor (name, dtype, shape, bytes) in ordinal name order, then every
/// metadata pair in ordinal key order except <see cref="MetadataKey"/>, which stores the hash itself. Each field
/// is length-prefixed, so no two different contents hash the same input. Independent of the header's layout.
/// </summary>
public static class ContentHash
{
    /// <summary>The metadata key holding the lower-case hex digest.</summary>
    public const string MetadataKey = "content_sha256";

    public static string Compute(IEnumerable<SafetensorsTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var tensor in tensors.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            AppendString(hash, tensor.Name);
            AppendString(hash, tensor.Dtype.HeaderName());
            AppendInt64(hash, tensor.Shape.Count);
            foreach (var size in tensor.Shape) AppendInt64(hash, size);
            AppendInt64(hash, tensor.Data.LongLength);
            hash.AppendData(tensor.Data);
        }
        foreach (var (key, value) in metadata.Where(p => p.Key != MetadataKey).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            AppendString(hash, key);
            AppendString(hash, value);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Throws when <paramref name="file"/> has no stored hash or its content does not match it.</summary>
    public static void Verify(SafetensorsFile file, string path)
    {
        if (!file.Metadata.TryGetValue(MetadataKey, out var stored))
            throw new CheckpointFormatException(path, $"no '{MetadataKey}' in the metadata: not a SparseDsl checkpoint, or one whose metadata was replaced");
        var actual = Compute(file.Tensors, file.Metadata);
        if (!string.Equals(stored, actual, StringComparison.Ordinal))
            throw new CheckpointFormatException(path, $"content hash mismatch (stored {stored}, content {actual}): the file is corrupt or was modified");
    }

    private static void AppendString(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        AppendInt64(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.AppendData(buffer);
    }
}
