using System.Buffers.Binary;
using System.Text;

namespace SparseDsl.Checkpoints.Tests;

/// <summary>The safetensors writer's exact layout, and reading back every supported dtype.</summary>
public class SafetensorsRoundTripTests
{
    private static byte[] WriteToBytes(SafetensorsFile file)
    {
        using var stream = new MemoryStream();
        SafetensorsWriter.Write(stream, file);
        return stream.ToArray();
    }

    private static SafetensorsFile ReadFromBytes(byte[] bytes) => SafetensorsReader.Read(new MemoryStream(bytes), "memory");

    [Fact]
    public void Writer_lays_out_length_header_and_data_exactly()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(0), 1f);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4), 2f);
        var file = new SafetensorsFile([new SafetensorsTensor("a", SafetensorsDtype.F32, [2], data)], new Dictionary<string, string> { ["k"] = "v" });

        var bytes = WriteToBytes(file);

        // 79 bytes of JSON, padded with one space to 80 so the data starts 8-byte aligned (as the reference writer pads).
        const string header = """{"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}} """;
        Assert.Equal(80UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal(header, Encoding.UTF8.GetString(bytes, 8, 80));
        Assert.Equal([0, 0, 0x80, 0x3F, 0, 0, 0, 0x40], bytes[88..]);
    }

    [Fact]
    public void Every_dtype_scalars_and_empty_tensors_round_trip_in_name_order()
    {
        var tensors = new List<SafetensorsTensor>
        {
            new("z_f64", SafetensorsDtype.F64, [2], [.. BitConverter.GetBytes(1.5), .. BitConverter.GetBytes(-2.25)]),
            new("bool", SafetensorsDtype.BOOL, [3], [1, 0, 1]),
            new("u8", SafetensorsDtype.U8, [2, 2], [0, 1, 254, 255]),
            new("i32", SafetensorsDtype.I32, [1], BitConverter.GetBytes(-7)),
            new("i64", SafetensorsDtype.I64, [], BitConverter.GetBytes(long.MinValue)),
            new("f16", SafetensorsDtype.F16, [2], [0x00, 0x3C, 0x00, 0xC0]),
            new("bf16", SafetensorsDtype.BF16, [1], [0x80, 0x3F]),
            new("empty", SafetensorsDtype.F32, [0, 5], []),
        };
        var metadata = new Dictionary<string, string> { ["note"] = "π ≈ 3.14 <&>", ["empty"] = "" };

        var bytes = WriteToBytes(new SafetensorsFile(tensors, metadata));
        var read = ReadFromBytes(bytes);

        Assert.Equal(tensors.Select(t => t.Name).Order(StringComparer.Ordinal), read.Tensors.Select(t => t.Name));
        foreach (var expected in tensors)
        {
            var actual = read.Find(expected.Name)!;
            Assert.Equal(expected.Dtype, actual.Dtype);
            Assert.Equal(expected.Shape, actual.Shape);
            Assert.Equal(expected.Data, actual.Data);
        }
        Assert.Equal(metadata, read.Metadata);
        Assert.Equal(0UL, BinaryPrimitives.ReadUInt64LittleEndian(bytes) % 8);
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float16)]
    [InlineData(ScalarType.BFloat16)]
    [InlineData(ScalarType.Int32)]
    [InlineData(ScalarType.Int64)]
    [InlineData(ScalarType.Byte)]
    [InlineData(ScalarType.Bool)]
    public void Torch_tensors_round_trip_bit_for_bit_in_their_own_dtype(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        // Values every dtype holds exactly (bool keeps 0/1).
        var source = torch.tensor(new float[] { 0, 1, 0, 1, 1, 0 }, [2, 3]).mul(dtype == ScalarType.Bool ? 1 : 3).to(dtype);

        var entry = TensorBytes.ToSafetensors("t", source);
        var read = ReadFromBytes(WriteToBytes(new SafetensorsFile([entry]))).Find("t")!;
        var back = TensorBytes.ToTensor(read);

        Assert.Equal(SafetensorsDtypes.FromScalarType(dtype), read.Dtype);
        Assert.Equal(dtype, back.dtype);
        Assert.Equal([2L, 3L], back.shape);
        Assert.Equal(source.to(ScalarType.Float64).data<double>(), back.to(ScalarType.Float64).data<double>());
    }

    [Fact]
    public void Bfloat16_bytes_are_the_upper_half_of_float32()
    {
        using var scope = NewDisposeScope();
        var entry = TensorBytes.ToSafetensors("b", torch.tensor(new float[] { 1f, -2f }).to(ScalarType.BFloat16));
        // bf16(1) = 0x3F80, bf16(-2) = 0xC000, little-endian.
        Assert.Equal([0x80, 0x3F, 0x00, 0xC0], entry.Data);
    }
}
