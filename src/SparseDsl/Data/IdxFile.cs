using System.Buffers.Binary;
using System.IO.Compression;

namespace SparseDsl.Data;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST (optionally gzip-compressed): a 4-byte magic
/// (0, 0, element type, number of dimensions), big-endian int32 sizes, then the elements.
/// Only unsigned-byte elements (type 0x08) occur in those datasets and are supported.
/// </summary>
public static class IdxFile
{
    private const byte UnsignedByte = 0x08;
    private const int MaxDimensions = 4;
    private const int ChunkSize = 1 << 20;

    /// <summary>The sizes of each dimension and the elements, in row-major order.</summary>
    public sealed record Content(int[] Shape, byte[] Data);

    public static Content Read(string path)
    {
        if (!File.Exists(path))
            throw new DataFormatException($"Data file not found: {path}");
        try
        {
            using var file = File.OpenRead(path);
            using var stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            return Read(stream, path);
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException($"{path}: corrupt gzip stream ({e.Message}). Download the file again.");
        }
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> head = stackalloc byte[2];
        var n = file.Read(head);
        file.Position = 0;
        return n == 2 && head[0] == 0x1f && head[1] == 0x8b;
    }

    public static Content Read(Stream stream, string source)
    {
        Span<byte> magic = stackalloc byte[4];
        ReadExactly(stream, magic, source, "the 4-byte magic number");
        if (magic[0] != 0 || magic[1] != 0)
            throw new DataFormatException($"{source}: not an IDX file (magic {Convert.ToHexString(magic)}; expected 0000 then type and rank).");
        if (magic[2] != UnsignedByte)
            throw new DataFormatException($"{source}: IDX element type 0x{magic[2]:X2} is not supported (only unsigned bytes, 0x08).");
        int rank = magic[3];
        if (rank is < 1 or > MaxDimensions)
            throw new DataFormatException($"{source}: IDX rank {rank} is outside 1..{MaxDimensions}.");

        var shape = new int[rank];
        Span<byte> size = stackalloc byte[4];
        long count = 1;
        for (var i = 0; i < rank; i++)
        {
            ReadExactly(stream, size, source, $"size of dimension {i}");
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(size);
            if (shape[i] < 0) throw new DataFormatException($"{source}: dimension {i} has negative size {shape[i]}.");
            count *= shape[i];
            if (count > Array.MaxLength) throw new DataFormatException($"{source}: declared size {string.Join("x", shape[..(i + 1)])} is too large for one array.");
        }

        // Read in chunks so that a corrupt header claiming gigabytes never allocates more than the data really holds.
        var data = ReadUpTo(stream, count, out var read);
        if (read < count)
            throw new DataFormatException($"{source}: truncated: header declares {count} elements ({string.Join("x", shape)}) but the file holds {read}. Download the file again.");
        if (stream.ReadByte() >= 0)
            throw new DataFormatException($"{source}: trailing bytes after the {count} declared elements; the file is corrupt.");
        return new Content(shape, data);
    }

    private static byte[] ReadUpTo(Stream stream, long count, out long read)
    {
        var buffer = new byte[Math.Min(count, ChunkSize)];
        read = 0;
        while (read < count)
        {
            if (read == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(count, (long)buffer.Length * 2));
            var n = stream.Read(buffer, (int)read, (int)Math.Min(buffer.Length - read, int.MaxValue));
            if (n == 0) break;
            read += n;
        }
        return buffer;
    }

    private static void ReadExactly(Stream stream, Span<byte> destination, string source, string what)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var n = stream.Read(destination[total..]);
            if (n == 0) throw new DataFormatException($"{source}: truncated while reading {what}. Download the file again.");
            total += n;
        }
    }
}
