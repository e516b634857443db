using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SparseDsl.Checkpoints;

/// <summary>
/// Writes the safetensors layout: an 8-byte little-endian header length N, N bytes of JSON header
/// (<c>__metadata__</c> first, then one entry per tensor in ordinal name order, padded with spaces to a multiple
/// of 8 as the reference writer does), then the tensors' bytes back to back in the same order.
/// </summary>
public static class SafetensorsWriter
{
    /// <summary>Writes <paramref name="file"/> to <paramref name="path"/> atomically (see <see cref="AtomicFile"/>).</summary>
    public static void WriteFile(string path, SafetensorsFile file) => AtomicFile.Write(path, stream => Write(stream, file));

    /// <summary>Writes <paramref name="file"/> to <paramref name="stream"/>, from its current position.</summary>
    public static void Write(Stream stream, SafetensorsFile file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("safetensors stores little-endian bytes; this writer copies memory as is and needs a little-endian machine.");
        var header = Header(file);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        foreach (var tensor in file.Tensors) stream.Write(tensor.Data);
    }

    /// <summary>The JSON header, space-padded so the data section starts 8-byte aligned.</summary>
    private static byte[] Header(SafetensorsFile file)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps names and configuration readable ('+', '<', non-ASCII); the output is still plain JSON.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (file.Metadata.Count > 0)
            {
                json.WriteStartObject(SafetensorsFormat.MetadataKey);
                foreach (var (key, value) in file.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
                    json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var tensor in file.Tensors)
            {
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", tensor.Dtype.HeaderName());
                json.WriteStartArray("shape");
                foreach (var size in tensor.Shape) json.WriteNumberValue(size);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += tensor.Data.LongLength);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        var padding = (int)((8 - buffer.Length % 8) % 8);
        for (var i = 0; i < padding; i++) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }
}
