using System.Buffers.Binary;

namespace SparseDsl.Checkpoints;

/// <summary>
/// Reads safetensors files defensively: the header length is checked against a limit and the file size before the
/// header is read, and the header is validated in full (<see cref="SafetensorsHeader"/>) before any tensor buffer is
/// allocated, so a corrupt or malicious file costs at most its own size in memory and ends in a
/// <see cref="CheckpointFormatException"/> naming the file and the problem.
/// </summary>
public static class SafetensorsReader
{
    private const int LengthPrefixBytes = 8;

    public static SafetensorsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return Read(stream, path);
    }

    /// <summary>Reads a whole seekable <paramref name="stream"/>; <paramref name="path"/> names it in errors.</summary>
    public static SafetensorsFile Read(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable (its length bounds every size in the header).", nameof(stream));
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("safetensors stores little-endian bytes; this reader copies them as is and needs a little-endian machine.");
        var fileLength = stream.Length - stream.Position;
        try
        {
            var headerLength = ReadHeaderLength(stream, fileLength, path);
            var header = new byte[headerLength];
            stream.ReadExactly(header);
            var dataLength = fileLength - LengthPrefixBytes - headerLength;
            var (entries, metadata) = SafetensorsHeader.Parse(header, dataLength, path);
            // Entries come back in data order and tile the data section, so one forward pass reads them all.
            var tensors = new List<SafetensorsTensor>(entries.Count);
            foreach (var entry in entries)
            {
                if (entry.Length > Array.MaxLength)
                    throw new CheckpointFormatException(path, $"tensor '{entry.Name}' has {entry.Length} bytes, more than one buffer can hold");
                var data = new byte[entry.Length];
                stream.ReadExactly(data);
                if (entry.Dtype == SafetensorsDtype.BOOL) CheckBooleans(entry.Name, data, path);
                tensors.Add(new SafetensorsTensor(entry.Name, entry.Dtype, entry.Shape, data));
            }
            return new SafetensorsFile(tensors, metadata);
        }
        catch (EndOfStreamException e)
        {
            throw new CheckpointFormatException(path, "the file ended early (was it changed while being read?)", e);
        }
    }

    private static long ReadHeaderLength(Stream stream, long fileLength, string path)
    {
        if (fileLength < LengthPrefixBytes)
            throw new CheckpointFormatException(path, $"the file has {fileLength} bytes, fewer than the 8-byte header length that starts a safetensors file");
        Span<byte> prefix = stackalloc byte[LengthPrefixBytes];
        stream.ReadExactly(prefix);
        var length = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (length == 0)
            throw new CheckpointFormatException(path, "the header length is 0; a safetensors header is a JSON object");
        if (length > SafetensorsFormat.MaxHeaderBytes)
            throw new CheckpointFormatException(path, $"the header length {length} exceeds the limit of {SafetensorsFormat.MaxHeaderBytes} bytes: not a safetensors file, or a corrupt one");
        if (length > (ulong)(fileLength - LengthPrefixBytes))
            throw new CheckpointFormatException(path, $"the header length {length} runs past the end of the file ({fileLength} bytes): the file is truncated or corrupt");
        return (long)length;
    }

    private static void CheckBooleans(string name, byte[] data, string path)
    {
        var bad = data.AsSpan().IndexOfAnyExcept((byte)0, (byte)1);
        if (bad >= 0)
            throw new CheckpointFormatException(path, $"BOOL tensor '{name}' holds byte {data[bad]} at element {bad}; booleans are 0 or 1");
    }
}
