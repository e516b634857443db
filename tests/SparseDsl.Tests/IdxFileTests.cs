using System.IO.Compression;
using SparseDsl.Data;

namespace SparseDsl.Tests;

public sealed class IdxFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sparsedsl-idx-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static byte[] Idx(byte rank, int[] shape, byte[] data)
    {
        var bytes = new List<byte> { 0, 0, 0x08, rank };
        foreach (var s in shape) bytes.AddRange(BitConverter.GetBytes(s).Reverse());
        bytes.AddRange(data);
        return [.. bytes];
    }

    private string Write(string name, byte[] content, bool gzip)
    {
        var path = Path.Combine(directory, name);
        if (!gzip)
        {
            File.WriteAllBytes(path, content);
            return path;
        }
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(content);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_shape_and_bytes_plain_or_gzip(bool gzip)
    {
        var path = Write("a.idx", Idx(3, [2, 2, 3], [.. Enumerable.Range(0, 12).Select(i => (byte)i)]), gzip);
        var content = IdxFile.Read(path);
        Assert.Equal([2, 2, 3], content.Shape);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (byte)i), content.Data);
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var e = Assert.Throws<DataFormatException>(() => IdxFile.Read(Path.Combine(directory, "nope")));
        Assert.Contains("nope", e.Message);
    }

    [Fact]
    public void Truncated_data_is_reported_with_counts()
    {
        var path = Write("t.idx", Idx(1, [10], [1, 2, 3]), gzip: false);
        var e = Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
        Assert.Contains("truncated", e.Message);
        Assert.Contains("10", e.Message);
    }

    [Fact]
    public void Header_claiming_gigabytes_fails_without_allocating_them()
    {
        // 60000 × 60000 × 500 elements declared (1.8e12 — more than an array can hold), 4 bytes present.
        var path = Write("big.idx", Idx(3, [60000, 60000, 500], [1, 2, 3, 4]), gzip: false);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Throws<DataFormatException>(() => IdxFile.Read(path));
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64 << 20);

        var within = Write("within.idx", Idx(1, [1_000_000_000], [1, 2, 3, 4]), gzip: false);
        before = GC.GetTotalAllocatedBytes(precise: true);
        var e = Assert.Throws<DataFormatException>(() => IdxFile.Read(within));
        Assert.Contains("truncated", e.Message);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64 << 20);
    }

    [Fact]
    public void Wrong_magic_and_unsupported_types_are_named()
    {
        Assert.Contains("not an IDX file", Assert.Throws<DataFormatException>(() => IdxFile.Read(Write("m", [1, 2, 3, 4, 5], false))).Message);
        Assert.Contains("element type", Assert.Throws<DataFormatException>(() => IdxFile.Read(Write("f", [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0], false))).Message);
        Assert.Contains("rank", Assert.Throws<DataFormatException>(() => IdxFile.Read(Write("r", [0, 0, 0x08, 9], false))).Message);
    }

    [Fact]
    public void Corrupt_gzip_is_reported_not_thrown_raw()
    {
        var good = Write("g.gz", Idx(1, [1000], new byte[1000]), gzip: true);
        var bytes = File.ReadAllBytes(good);
        for (var i = 12; i < bytes.Length - 8; i++) bytes[i] ^= 0x5A;
        File.WriteAllBytes(good, bytes);
        Assert.Throws<DataFormatException>(() => IdxFile.Read(good));
    }

    [Fact]
    public void Randomly_mutated_files_never_escape_as_anything_but_DataFormatException()
    {
        var original = Idx(3, [4, 5, 5], [.. Enumerable.Range(0, 100).Select(i => (byte)i)]);
        var random = new Random(1234);
        for (var trial = 0; trial < 300; trial++)
        {
            var bytes = (byte[])original.Clone();
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations; m++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var length = random.Next(2) == 0 ? bytes.Length : random.Next(bytes.Length);
            var path = Write($"mut{trial}", bytes[..length], gzip: random.Next(2) == 0);
            try
            {
                IdxFile.Read(path);
            }
            catch (DataFormatException)
            {
            }
        }
    }
}
