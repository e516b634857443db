using System.Buffers.Binary;
using System.Text;

namespace SparseDsl.Checkpoints.Tests;

/// <summary>Hand-made hostile or broken files: each is refused with a <see cref="CheckpointFormatException"/> naming the file and the problem.</summary>
public sealed class SafetensorsMaliciousHeaderTests : IDisposable
{
    private readonly TestRuns.TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static byte[] Layout(ulong headerLength, byte[] header, byte[] data)
    {
        var bytes = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, headerLength);
        header.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + header.Length);
        return bytes;
    }

    private static byte[] Layout(string header, int dataBytes) =>
        Layout((ulong)Encoding.UTF8.GetByteCount(header), Encoding.UTF8.GetBytes(header), new byte[dataBytes]);

    private void AssertRefused(byte[] bytes, string problem)
    {
        var path = folder.File("bad.safetensors");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<CheckpointFormatException>(() => SafetensorsReader.Read(path));
        Assert.Equal(path, e.Path);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(problem, e.Problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void A_file_shorter_than_the_length_prefix_is_refused(int length) =>
        AssertRefused(new byte[length], "fewer than the 8-byte header length");

    [Theory]
    [InlineData(ulong.MaxValue)]
    [InlineData(1UL << 63)]
    [InlineData(100_000_001UL)]
    public void A_huge_header_length_is_refused_before_allocating(ulong length) =>
        AssertRefused(Layout(length, [(byte)'{', (byte)'}'], []), "exceeds the limit of 100000000 bytes");

    [Fact]
    public void A_header_length_past_the_end_of_the_file_is_refused() =>
        AssertRefused(Layout(1000, Encoding.UTF8.GetBytes("{}"), new byte[10]), "header length 1000 runs past the end of the file (20 bytes)");

    [Fact]
    public void A_zero_header_length_is_refused() => AssertRefused(Layout(0, [], []), "header length is 0");

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"a\":", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object, found Array")]
    [InlineData("{\"a\":[[[[[[[[[[[[1]]]]]]]]]]]]}", "not valid JSON")]
    [InlineData("{\"__metadata__\":{\"k\":\"\\ud800\"}}", "not valid JSON")]
    public void Malformed_json_is_refused(string header, string problem) => AssertRefused(Layout(header, 0), problem);

    [Fact]
    public void Invalid_utf8_is_refused() =>
        AssertRefused(Layout(4, [(byte)'{', 0xFF, 0xFE, (byte)'}'], []), "not valid UTF-8");

    [Theory]
    [InlineData("""{"a":{"dtype":"F8","shape":[1],"data_offsets":[0,1]}}""", 1, "unknown dtype 'F8'")]
    [InlineData("""{"a":{"dtype":"f32","shape":[1],"data_offsets":[0,4]}}""", 4, "unknown dtype 'f32'")]
    [InlineData("""{"a":{"dtype":3,"shape":[1],"data_offsets":[0,4]}}""", 4, "dtype must be a string")]
    [InlineData("""{"a":{"dtype":"U8","shape":[-1],"data_offsets":[0,0]}}""", 0, "shape must hold non-negative integers, found -1")]
    [InlineData("""{"a":{"dtype":"U8","shape":[2.5],"data_offsets":[0,2]}}""", 2, "shape must hold non-negative integers, found 2.5")]
    [InlineData("""{"a":{"dtype":"U8","shape":"2","data_offsets":[0,2]}}""", 2, "shape must be an array")]
    [InlineData("""{"a":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,4]}}""", 4, "overflows")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}""", 4, "needs 8 bytes but its data_offsets [0, 4] span 4")]
    [InlineData("""{"a":{"dtype":"U8","shape":[2],"data_offsets":[4,2]}}""", 4, "begin <= end")]
    [InlineData("""{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2,4]}}""", 4, "begin <= end")]
    [InlineData("""{"a":{"dtype":"U8","shape":[1]}}""", 1, "lacks data_offsets")]
    [InlineData("""{"a":{"shape":[1],"data_offsets":[0,1]}}""", 1, "lacks dtype")]
    [InlineData("""{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1],"extra":1}}""", 1, "unexpected or repeated field 'extra'")]
    [InlineData("""{"a":{"dtype":"U8","dtype":"U8","shape":[1],"data_offsets":[0,1]}}""", 1, "unexpected or repeated field 'dtype'")]
    [InlineData("""{"a":[1]}""", 1, "must be an object with dtype, shape and data_offsets")]
    [InlineData("""{"":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}""", 1, "empty name")]
    public void Bad_tensor_entries_are_refused(string header, int dataBytes, string problem) =>
        AssertRefused(Layout(header, dataBytes), problem);

    [Theory]
    [InlineData("""{"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]}}""", 2, "run past the end of the data section (2 bytes after the header)")]
    [InlineData("""{"a":{"dtype":"U8","shape":[9223372036854775807],"data_offsets":[0,9223372036854775807]}}""", 2, "run past the end of the data section")]
    [InlineData("""{"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[4],"data_offsets":[2,6]}}""", 6, "tensors 'a' and 'b' overlap")]
    [InlineData("""{"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[0],"data_offsets":[2,2]}}""", 4, "overlap")]
    [InlineData("""{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},"b":{"dtype":"U8","shape":[2],"data_offsets":[4,6]}}""", 6, "bytes 2 to 4 of the data section belong to no tensor")]
    [InlineData("""{"a":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}}""", 4, "bytes 0 to 2 of the data section belong to no tensor")]
    [InlineData("""{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}""", 5, "the data section has 5 bytes but the tensors account for 2")]
    public void Offsets_that_do_not_tile_the_data_exactly_are_refused(string header, int dataBytes, string problem) =>
        AssertRefused(Layout(header, dataBytes), problem);

    [Theory]
    [InlineData("""{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}""", 2, "names 'a' twice")]
    [InlineData("""{"__metadata__":{"k":1}}""", 0, "metadata 'k' must be a string, found Number")]
    [InlineData("""{"__metadata__":["k"]}""", 0, "must be an object of strings")]
    [InlineData("""{"__metadata__":{"k":"a","k":"b"}}""", 0, "metadata names 'k' twice")]
    public void Duplicate_names_and_bad_metadata_are_refused(string header, int dataBytes, string problem) =>
        AssertRefused(Layout(header, dataBytes), problem);

    [Fact]
    public void A_boolean_byte_other_than_0_or_1_is_refused()
    {
        var header = Encoding.UTF8.GetBytes("""{"b":{"dtype":"BOOL","shape":[3],"data_offsets":[0,3]}}""");
        AssertRefused(Layout((ulong)header.Length, header, [1, 0, 2]), "holds byte 2 at element 2");
    }

    [Fact]
    public void A_well_formed_hand_made_file_is_read()
    {
        // The counterpart of the refusals above: the same shape of file, consistent, reads fine.
        var path = folder.File("good.safetensors");
        var header = Encoding.UTF8.GetBytes("""{"b":{"dtype":"U8","shape":[1],"data_offsets":[2,3]},"a":{"dtype":"BF16","shape":[],"data_offsets":[0,2]}}""");
        File.WriteAllBytes(path, Layout((ulong)header.Length, header, [0x80, 0x3F, 7]));
        var file = SafetensorsReader.Read(path);
        Assert.Equal(["a", "b"], file.Tensors.Select(t => t.Name));
        Assert.Equal([7], file.Find("b")!.Data);
        Assert.Empty(file.Find("a")!.Shape);
    }
}
