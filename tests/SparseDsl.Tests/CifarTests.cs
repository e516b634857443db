using SparseDsl.Data;

namespace SparseDsl.Tests;

public sealed class CifarTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sparsedsl-cifar-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    // A record of the real binary format: label byte(s), then 1024 R, 1024 G, 1024 B bytes. Pixel (c, y, x) = seed + c + y + x.
    private static byte[] Record(byte[] labels, int seed)
    {
        var record = new byte[labels.Length + 3072];
        labels.CopyTo(record, 0);
        for (var c = 0; c < 3; c++)
            for (var y = 0; y < 32; y++)
                for (var x = 0; x < 32; x++)
                    record[labels.Length + c * 1024 + y * 32 + x] = (byte)(seed + c + y + x);
        return record;
    }

    private string Write(string folder, string name, params byte[][] records)
    {
        var dir = Path.Combine(directory, folder);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, [.. records.SelectMany(r => r)]);
        return path;
    }

    private string WriteCifar10(string folder = "cifar-10-batches-bin")
    {
        for (var batch = 1; batch <= 5; batch++)
            Write(folder, $"data_batch_{batch}.bin", Record([(byte)batch], batch * 10), Record([(byte)(batch + 4)], batch * 10 + 1));
        Write(folder, "test_batch.bin", Record([9], 100), Record([0], 101), Record([3], 102));
        return Path.Combine(directory, folder);
    }

    [Fact]
    public void Cifar10_reads_every_batch_in_order_with_pixels_in_CHW_order()
    {
        WriteCifar10();
        var (train, test) = Cifar.Load10(directory);   // the folder holding cifar-10-batches-bin
        Assert.Equal(10, train.Count);
        Assert.Equal(3, test.Count);
        Assert.Equal([1, 5, 2, 6, 3, 7, 4, 8, 5, 9], train.Labels);
        Assert.Equal([9, 0, 3], test.Labels);
        Assert.Equal((3, 32, 32, 10), (train.Channels, train.Height, train.Width, train.Classes));
        Assert.Equal(Record([0], 20)[1..], train.Pixels.AsSpan(2 * 3072, 3072).ToArray());   // third image: batch 2's first
        Assert.Equal(102 + 2 + 5 + 7, test.Pixels[2 * 3072 + 2 * 1024 + 5 * 32 + 7]);     // blue channel, y 5, x 7
        Assert.Equal([0.4914, 0.4822, 0.4465], train.Mean);
        Assert.Equal([0.2023, 0.1994, 0.2010], test.Std);
    }

    [Fact]
    public void Cifar10_also_loads_from_the_extracted_folder_itself()
    {
        var folder = WriteCifar10();
        var (train, _) = Cifar.Load10(folder);
        Assert.Equal(10, train.Count);
    }

    [Fact]
    public void Cifar100_uses_the_fine_label_and_its_own_statistics()
    {
        Write("cifar-100-binary", "train.bin", Record([3, 99], 1), Record([19, 42], 2));
        Write("cifar-100-binary", "test.bin", Record([0, 7], 3));
        var (train, test) = Cifar.Load100(directory);
        Assert.Equal([99, 42], train.Labels);
        Assert.Equal([7], test.Labels);
        Assert.Equal(100, train.Classes);
        Assert.Equal(Record([0, 0], 2)[2..], train.Pixels.AsSpan(3072, 3072).ToArray());
        Assert.Equal([0.5071, 0.4865, 0.4409], train.Mean);
        Assert.Equal([0.2673, 0.2564, 0.2762], train.Std);
    }

    [Fact]
    public void Missing_directory_and_missing_file_say_where_to_get_the_data()
    {
        var e = Assert.Throws<DataFormatException>(() => Cifar.Load10(Path.Combine(directory, "nowhere")));
        Assert.Contains("nowhere", e.Message);
        Assert.Contains("https://www.cs.toronto.edu/~kriz/cifar.html", e.Message);
        Assert.Contains("binary", e.Message);

        var folder = WriteCifar10();
        File.Delete(Path.Combine(folder, "data_batch_4.bin"));
        e = Assert.Throws<DataFormatException>(() => Cifar.Load10(directory));
        Assert.Contains(Path.Combine(folder, "data_batch_4.bin"), e.Message);
        Assert.Contains("https://www.cs.toronto.edu/~kriz/cifar.html", e.Message);

        e = Assert.Throws<DataFormatException>(() => Cifar.Load100(Path.Combine(directory, "empty-100")));
        Assert.Contains("cifar-100-binary.tar.gz", e.Message);
    }

    [Fact]
    public void Truncated_file_is_reported_with_its_path_and_record_size()
    {
        var folder = WriteCifar10();
        var path = Path.Combine(folder, "data_batch_3.bin");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^100]);
        var e = Assert.Throws<DataFormatException>(() => Cifar.Load10(folder));
        Assert.Contains(path, e.Message);
        Assert.Contains("3073-byte records", e.Message);
        Assert.Contains("truncated", e.Message);

        File.WriteAllBytes(path, []);
        Assert.Contains("empty", Assert.Throws<DataFormatException>(() => Cifar.Load10(folder)).Message);
    }

    [Fact]
    public void Labels_out_of_range_are_reported()
    {
        var folder = WriteCifar10();
        Write("cifar-10-batches-bin", "test_batch.bin", Record([2], 0), Record([10], 0));
        var e = Assert.Throws<DataFormatException>(() => Cifar.Load10(folder));
        Assert.Contains("record 1 has label 10", e.Message);

        Write("cifar-100-binary", "train.bin", Record([3, 100], 1));
        Write("cifar-100-binary", "test.bin", Record([0, 7], 3));
        Assert.Contains("label 100", Assert.Throws<DataFormatException>(() => Cifar.Load100(directory)).Message);
        Write("cifar-100-binary", "train.bin", Record([20, 1], 1));
        Assert.Contains("coarse label 20", Assert.Throws<DataFormatException>(() => Cifar.Load100(directory)).Message);
    }

    [Fact]
    public void A_CIFAR100_file_is_not_taken_for_CIFAR10()
    {
        var folder = WriteCifar10();
        Write("cifar-10-batches-bin", "test_batch.bin", Record([1, 2], 0), Record([1, 2], 0));   // 2 × 3074 bytes
        var e = Assert.Throws<DataFormatException>(() => Cifar.Load10(folder));
        Assert.Contains("not a whole number", e.Message);
    }

    [Fact]
    public void Randomly_mutated_files_never_escape_as_anything_but_DataFormatException()
    {
        var original = Record([4, 55], 9).Concat(Record([1, 2], 8)).ToArray();
        var random = new Random(4321);
        Directory.CreateDirectory(Path.Combine(directory, "cifar-100-binary"));
        Write("cifar-100-binary", "test.bin", Record([0, 7], 3));
        var train = Path.Combine(directory, "cifar-100-binary", "train.bin");
        var outcomes = new HashSet<bool>();
        for (var trial = 0; trial < 200; trial++)
        {
            var bytes = (byte[])original.Clone();
            for (var m = random.Next(1, 4); m > 0; m--) bytes[random.Next(2)] = (byte)random.Next(256);   // labels
            var length = random.Next(3) == 0 ? random.Next(bytes.Length) : bytes.Length;
            File.WriteAllBytes(train, bytes[..length]);
            try
            {
                var (loaded, _) = Cifar.Load100(directory);
                Assert.All(loaded.Labels, l => Assert.InRange(l, 0, 99));
                outcomes.Add(true);
            }
            catch (DataFormatException)
            {
                outcomes.Add(false);
            }
        }
        Assert.Equal(2, outcomes.Count);   // both accepted and refused inputs occurred
    }

    [Fact]
    public void Validation_split_holds_out_ten_percent_deterministically()
    {
        WriteCifar10();
        var (train, _) = Cifar.Load10(directory);
        var (rest, validation) = train.Split(0.1, seed: 17);
        Assert.Equal(1, validation.Count);
        Assert.Equal(9, rest.Count);
        Assert.Equal(validation.Pixels, train.Split(0.1, seed: 17).Validation.Pixels);
    }
}
