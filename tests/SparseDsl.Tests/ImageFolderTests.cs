using System.Buffers.Binary;
using System.Text;
using SparseDsl.Data;
using SparseDsl.Randomness;

namespace SparseDsl.Tests;

// Reads the process-wide count of live tensor handles, so runs beside no other test.
[Collection(nameof(SerialCollection))]
public sealed class ImageFolderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("sparsedsl-imagefolder-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static Tensor Rgb(int height, int width, Func<int, int, int, int> value)
    {
        var bytes = new byte[height * width * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                for (var c = 0; c < 3; c++)
                    bytes[(y * width + x) * 3 + c] = (byte)value(y, x, c);
        return torch.tensor(bytes, [height, width, 3]);
    }

    private string WriteImage(string relative, Tensor rgb, bool jpeg = false)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, jpeg ? ImageOps.EncodeJpeg(rgb, 100) : ImageOps.EncodePng(rgb));
        return path;
    }

    [Fact]
    public void Codecs_are_built_in_when_the_packages_are_installed()
    {
        Assert.True(ImageOps.JpegAvailable, "libturbojpeg0-dev was not found when the native shim was built");
        Assert.True(ImageOps.PngAvailable, "libpng-dev was not found when the native shim was built");
    }

    [Fact]
    public void Png_round_trip_is_exact_and_the_size_comes_from_the_header()
    {
        using var scope = NewDisposeScope();
        var image = Rgb(5, 7, (y, x, c) => y * 37 + x * 11 + c * 59);
        var file = ImageOps.EncodePng(image);
        Assert.Equal((5L, 7L), ImageOps.ReadSize(file));
        var decoded = ImageOps.Decode(file);
        Assert.Equal([5L, 7, 3], decoded.shape);
        Assert.Equal(image.data<byte>(), decoded.data<byte>());
    }

    [Fact]
    public void Jpeg_round_trip_of_a_smooth_image_stays_within_a_few_levels()
    {
        using var scope = NewDisposeScope();
        var image = Rgb(16, 24, (y, x, c) => 40 + y * 4 + x * 3 + c * 20);
        var file = ImageOps.EncodeJpeg(image, quality: 100);
        Assert.Equal((16L, 24L), ImageOps.ReadSize(file));
        var decoded = ImageOps.Decode(file).data<byte>();
        var original = image.data<byte>();
        Assert.All(original.Zip(decoded), p => Assert.InRange(Math.Abs(p.First - p.Second), 0, 3));
    }

    // An Adobe (inverted) CMYK JPEG of 8×8 pixels, written by PIL 9.4 (/usr/bin/python3) from the RGB image
    // (200, 30 + 10x, 90 + 5y) with Image.convert("CMYK").save(f, "JPEG", quality=100); PIL decodes it, with
    // convert("RGB"), to exactly those colours.
    private const string AdobeCmykJpeg =
        "/9j/7gAOQWRvYmUAZAAAAAAA/9sAQwABAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB/8AAFAgACAAIBEMRAE0R" +
        "AFkRAEsRAP/EAB8AAAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJ" +
        "ChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV" +
        "1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+v/aAA4EQwBNAFkASwAAPwD+kCvwH/ZJ/wCYZ/2x/wDZa+W/+FSf9Ov/AI5/9av7+K//2Q==";

    [Fact]
    public void Adobe_CMYK_jpeg_decodes_to_the_colours_PIL_gives()
    {
        using var scope = NewDisposeScope();
        var decoded = ImageOps.Decode(Convert.FromBase64String(AdobeCmykJpeg));
        Assert.Equal([8L, 8, 3], decoded.shape);
        var values = decoded.data<byte>();
        for (var y = 0; y < 8; y++)
            for (var x = 0; x < 8; x++)
            {
                int[] expected = [200, 30 + 10 * x, 90 + 5 * y];
                for (var c = 0; c < 3; c++) Assert.InRange(values[(y * 8 + x) * 3 + c], expected[c] - 2, expected[c] + 2);
            }
    }

    // References: torch 1.13, F.interpolate(x, size, mode="bilinear", antialias=True, align_corners=False) on the
    // 5×7 image above (channel-major, values 0..255), printed with 4 decimals by /usr/bin/python3.
    private static readonly double[] DownscaledCrop =   // x[:, :, 1:5, 2:7] → 3×4
    [
        72.85, 85.6833, 98.5167, 111.35, 117.25, 130.0833, 142.9167, 155.75, 161.65, 174.4833, 187.3167, 200.15,
        131.85, 144.6833, 157.5167, 170.35, 176.25, 189.0833, 201.9167, 214.75, 220.65, 233.4833, 141.7833, 79.95,
        190.85, 203.6833, 216.5167, 171.75, 203.25, 120.0833, 132.9167, 49.75, 81.25, 36.4833, 49.3167, 62.15,
    ];

    private static readonly double[] UpscaledWindow =   // whole image → 8×9, then [2:5, 3:7]
    [
        63.7569, 72.3125, 80.8681, 89.4236, 86.8819, 95.4375, 103.9931, 112.5486, 110.0069, 118.5625, 127.1181, 135.6736,
        122.7569, 131.3125, 139.8681, 148.4236, 145.8819, 154.4375, 162.9931, 171.5486, 169.0069, 177.5625, 186.1181, 194.6736,
        181.757, 190.3125, 198.8681, 207.4236, 204.882, 213.4375, 221.9931, 230.5486, 210.2292, 156.5625, 165.1181, 173.6736,
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Resize_matches_torch_antialiased_bilinear(bool flip)
    {
        using var scope = NewDisposeScope();
        var image = Rgb(5, 7, (y, x, c) => (y * 37 + x * 11 + c * 59) % 256);
        double[] mean = [0, 0, 0], std = [1, 1, 1];
        var batch = torch.zeros([2, 3, 3, 4]);
        ImageOps.ResizeInto(image, new ResizePlan(1, 2, 4, 5, 3, 4, 0, 0, flip), mean, std, batch, 0);
        // The same plan, from the encoded file: decoding and resizing in one call.
        ImageOps.DecodeResizeInto(ImageOps.EncodePng(image), new ResizePlan(0, 0, 5, 7, 8, 9, 2, 3, flip), mean, std, batch, 1);
        var values = batch.data<float>();
        for (var c = 0; c < 3; c++)
            for (var y = 0; y < 3; y++)
                for (var x = 0; x < 4; x++)
                {
                    var source = flip ? 3 - x : x;
                    Assert.Equal(DownscaledCrop[(c * 3 + y) * 4 + source] / 255, values[(c * 3 + y) * 4 + x], 4);
                    Assert.Equal(UpscaledWindow[(c * 3 + y) * 4 + source] / 255, values[36 + (c * 3 + y) * 4 + x], 4);
                }
    }

    [Fact]
    public void Plans_outside_the_image_are_errors()
    {
        using var scope = NewDisposeScope();
        var image = Rgb(5, 7, (_, _, _) => 0);
        var batch = torch.zeros([1, 3, 3, 4]);
        double[] mean = [0, 0, 0], std = [1, 1, 1];
        Assert.Contains("not inside the 5x7 image", Assert.Throws<TorchException>(() =>
            ImageOps.ResizeInto(image, new ResizePlan(2, 0, 4, 7, 3, 4, 0, 0, false), mean, std, batch, 0)).Message);
        Assert.Contains("output window", Assert.Throws<TorchException>(() =>
            ImageOps.ResizeInto(image, new ResizePlan(0, 0, 5, 7, 3, 4, 1, 0, false), mean, std, batch, 0)).Message);
        Assert.Contains("outside the batch", Assert.Throws<TorchException>(() =>
            ImageOps.ResizeInto(image, new ResizePlan(0, 0, 5, 7, 3, 4, 0, 0, false), mean, std, batch, 1)).Message);
    }

    [Fact]
    public void Evaluation_plan_is_resize_shorter_side_then_centre_crop_as_torchvision()
    {
        var random = new DeterministicRandom(1);
        // 300×400: shorter side 300 → 256, longer int(256·400/300) = 341; crop top round(16) = 16, left round(58.5) = 58 (half to even).
        Assert.Equal(new ResizePlan(0, 0, 300, 400, 256, 341, 16, 58, false), ImageTransform.ImageNetEvaluation.Plan(300, 400, random));
        Assert.Equal(new ResizePlan(0, 0, 500, 375, 341, 256, 58, 16, false), ImageTransform.ImageNetEvaluation.Plan(500, 375, random));
    }

    [Fact]
    public void Random_resized_crop_plans_stay_inside_the_image_with_the_allowed_area_and_ratio()
    {
        var transform = ImageTransform.ImageNetTrain;
        var flips = 0;
        for (var i = 0; i < 500; i++)
        {
            var plan = transform.Plan(375, 500, DeterministicRandom.For(17, $"image-{i}"));
            Assert.Equal(plan, transform.Plan(375, 500, DeterministicRandom.For(17, $"image-{i}")));
            Assert.InRange(plan.CropTop + plan.CropHeight, 1, 375);
            Assert.InRange(plan.CropLeft + plan.CropWidth, 1, 500);
            Assert.InRange(plan.CropHeight * plan.CropWidth, 0.08 * 375 * 500 * 0.97, 375 * 500);
            Assert.InRange((double)plan.CropWidth / plan.CropHeight, 0.75 * 0.97, 4.0 / 3 * 1.03);
            Assert.Equal((224L, 224L, 0L, 0L), (plan.ResizeHeight, plan.ResizeWidth, plan.WindowTop, plan.WindowLeft));
            flips += plan.Flip ? 1 : 0;
        }
        Assert.InRange(flips, 200, 300);
        // An image too narrow for any allowed ratio falls back to the central crop at the nearest ratio.
        var fallback = new RandomResizedCrop(8, MinScale: 1, MaxScale: 1).Plan(100, 10, new DeterministicRandom(3));
        Assert.Equal((43L, 0L, 13L, 10L), (fallback.CropTop, fallback.CropLeft, fallback.CropHeight, fallback.CropWidth));
    }

    [Fact]
    public void Classes_are_sorted_folder_names_and_other_files_are_ignored()
    {
        using var scope = NewDisposeScope();
        var image = Rgb(4, 4, (_, _, _) => 9);
        WriteImage("zebra/b.png", image);
        WriteImage("zebra/a.JPG", image, jpeg: true);
        WriteImage("Ant/nested/c.jpeg", image, jpeg: true);
        WriteImage("Ant/x.png", image);
        File.WriteAllText(Path.Combine(root, "zebra", "notes.txt"), "not an image");
        File.WriteAllText(Path.Combine(root, "README"), "top-level file");
        Directory.CreateDirectory(Path.Combine(root, "empty"));

        var folder = ImageFolder.Open(root);
        Assert.Equal(["Ant", "empty", "zebra"], folder.Classes);
        Assert.Equal(["Ant/x.png", "Ant/nested/c.jpeg", "zebra/a.JPG", "zebra/b.png"],
            folder.Samples.Select(s => Path.GetRelativePath(root, s.Path)));
        Assert.Equal([0, 0, 2, 2], folder.Samples.Select(s => s.Label));

        var (train, validation) = folder.Split(0.25, seed: 17);
        Assert.Equal(3, train.Count);
        Assert.Single(validation.Samples);
        Assert.Equal(folder.Classes, validation.Classes);
        Assert.Empty(train.Samples.Intersect(validation.Samples));
    }

    [Fact]
    public void Missing_or_empty_folders_are_reported()
    {
        Assert.Contains("not found", Assert.Throws<DataFormatException>(() => ImageFolder.Open(Path.Combine(root, "none"))).Message);
        Assert.Contains("no class subfolders", Assert.Throws<DataFormatException>(() => ImageFolder.Open(root)).Message);
        Directory.CreateDirectory(Path.Combine(root, "cat"));
        Assert.Contains("hold no .jpg", Assert.Throws<DataFormatException>(() => ImageFolder.Open(root)).Message);
    }

    private ImageFolder SmallFolder()
    {
        using var scope = NewDisposeScope();
        for (var label = 0; label < 2; label++)
            for (var i = 0; i < 5; i++)
                WriteImage($"class{label}/img{i}.{(i % 2 == 0 ? "png" : "jpg")}",
                    Rgb(20 + i, 30 - i, (y, x, c) => label * 100 + i * 20 + y * 3 + x * 2 + c * 7), jpeg: i % 2 == 1);
        return ImageFolder.Open(root);
    }

    [Fact]
    public void Evaluation_batches_of_a_flat_image_hold_its_normalised_colour()
    {
        using var scope = NewDisposeScope();
        WriteImage("only/flat.png", Rgb(30, 40, (_, _, c) => new[] { 10, 128, 250 }[c]));
        var batches = new ImageFolderBatches(ImageFolder.Open(root), new ResizeCenterCrop(20, 16), CPU);
        var (input, target) = batches.Epoch(8, shuffle: false, seed: 0, epoch: 0).Single();
        Assert.Equal([1L, 3, 16, 16], input.shape);
        Assert.Equal([0L], target.data<long>());
        var values = input.data<float>();
        for (var c = 0; c < 3; c++)
        {
            var expected = (new[] { 10, 128, 250 }[c] / 255.0 - ImageFolder.ImageNetMean[c]) / ImageFolder.ImageNetStd[c];
            Assert.All(values.Skip(c * 256).Take(256), v => Assert.Equal(expected, v, 4));
        }
    }

    [Fact]
    public void Training_batches_are_the_same_for_any_number_of_workers_and_free_everything()
    {
        var folder = SmallFolder();
        var handles = SettledLiveTensorHandles();
        List<(float[] Input, long[] Target)> Run(int workers)
        {
            var batches = new ImageFolderBatches(folder, new RandomResizedCrop(12), CPU, new ImageLoaderOptions { Workers = workers, Prefetch = 2 });
            using var scope = NewDisposeScope();
            return [.. batches.Epoch(4, shuffle: true, seed: 17, epoch: 2).Select(b => (b.Input.data<float>(), b.Target.data<long>()))];
        }
        var one = Run(1);
        var three = Run(3);
        Assert.Equal([4 * 3 * 144, 4 * 3 * 144, 2 * 3 * 144], one.Select(b => b.Input.Length));
        Assert.Equal(one.Select(b => b.Input), three.Select(b => b.Input));
        Assert.Equal(one.Select(b => b.Target), three.Select(b => b.Target));
        Assert.Equal([0L, 0, 0, 0, 0, 1, 1, 1, 1, 1], one.SelectMany(b => b.Target).Order());
        Assert.Equal(handles, LiveTensorHandles);
    }

    [Fact]
    public void Stopping_early_frees_the_batches_made_ahead()
    {
        var folder = SmallFolder();
        var handles = SettledLiveTensorHandles();
        var batches = new ImageFolderBatches(folder, new RandomResizedCrop(12), CPU, new ImageLoaderOptions { Workers = 2, Prefetch = 3 });
        using (NewDisposeScope())
        {
            var (input, _) = batches.Epoch(2, shuffle: true, seed: 1, epoch: 1).First();
            Assert.Equal([2L, 3, 12, 12], input.shape);
        }
        Assert.Equal(handles, LiveTensorHandles);
    }

    private string CorruptOne(ImageFolder folder, int index, Func<byte[], byte[]> corrupt)
    {
        var path = folder.Samples[index].Path;
        File.WriteAllBytes(path, corrupt(File.ReadAllBytes(path)));
        return path;
    }

    [Theory]
    [InlineData(2)]   // a PNG
    [InlineData(3)]   // a JPEG
    public void A_truncated_image_fails_naming_the_file(int index)
    {
        var folder = SmallFolder();
        var path = CorruptOne(folder, index, bytes => bytes[..^30]);   // headers intact, the end of the pixel data gone
        var batches = new ImageFolderBatches(folder, ImageTransform.ImageNetEvaluation, CPU);
        using var scope = NewDisposeScope();
        var e = Assert.Throws<DataFormatException>(() => batches.Epoch(4, shuffle: false, seed: 0, epoch: 0).ToList());
        Assert.Contains(path, e.Message);
        Assert.True(e.Message.Contains("truncated"), e.Message);
    }

    [Fact]
    public void Corrupt_images_can_be_skipped_and_counted()
    {
        var folder = SmallFolder();
        var garbage = CorruptOne(folder, 1, bytes => [.. Enumerable.Repeat((byte)0x42, 100)]);
        var truncated = CorruptOne(folder, 6, bytes => bytes[..40]);
        var handles = SettledLiveTensorHandles();
        var batches = new ImageFolderBatches(folder, new ResizeCenterCrop(16, 16), CPU,
            new ImageLoaderOptions { OnCorruptImage = CorruptImagePolicy.Skip, Workers = 2 });
        using (NewDisposeScope())
        {
            var sizes = batches.Epoch(4, shuffle: false, seed: 0, epoch: 0).Select(b => (b.Input.size(0), b.Target.data<long>())).ToList();
            Assert.Equal([3L, 3L, 2L], sizes.Select(s => s.Item1));
            Assert.Equal([0L, 0, 0, 0, 1, 1, 1, 1], sizes.SelectMany(s => s.Item2));
        }
        Assert.Equal(2, batches.SkippedImages);
        Assert.Equal([garbage, truncated], batches.SkippedFiles);
        Assert.Equal(handles, LiveTensorHandles);
    }

    // Handles other tests left to the finalizer would otherwise be freed while this test counts.
    internal static long SettledLiveTensorHandles()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return LiveTensorHandles;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    [Fact]
    public void Headers_claiming_gigapixels_are_refused_before_decoding()
    {
        // A valid PNG header (correct CRCs) declaring 100000 × 100000 RGB pixels, followed by a token IDAT.
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 100_000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 100_000);
        header[8] = 8;   // bit depth
        header[9] = 2;   // RGB
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, .. Chunk("IHDR", header), .. Chunk("IDAT", [0x78, 0x9c, 0x03, 0x00]), .. Chunk("IEND", [])];
        Assert.Contains("MiB a decoded image may take", Assert.Throws<TorchException>(() => ImageOps.Decode(png)).Message);
        Assert.Contains("MiB a decoded image may take", Assert.Throws<TorchException>(() => ImageOps.ReadSize(png)).Message);

        // A real JPEG whose frame header (SOF0: FF C0, length, precision, height, width) is patched to 60000 × 60000.
        using var scope = NewDisposeScope();
        var jpeg = ImageOps.EncodeJpeg(Rgb(8, 8, (_, _, _) => 1));
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 60000);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 60000);
        Assert.Contains("MiB a decoded image may take", Assert.Throws<TorchException>(() => ImageOps.Decode(jpeg)).Message);
    }

    [Fact]
    public void Randomly_mutated_images_decode_or_fail_cleanly()
    {
        using var scope = NewDisposeScope();
        var image = Rgb(12, 10, (y, x, c) => y * 20 + x * 5 + c);
        var originals = new[] { ImageOps.EncodePng(image), ImageOps.EncodeJpeg(image, 90) };
        var random = new Random(99);
        var failures = 0;
        for (var trial = 0; trial < 300; trial++)
        {
            var bytes = (byte[])originals[trial % 2].Clone();
            for (var m = random.Next(1, 5); m > 0; m--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            if (random.Next(3) == 0) bytes = bytes[..random.Next(bytes.Length)];
            try
            {
                using var decoded = ImageOps.Decode(bytes);
                Assert.Equal(3, decoded.size(2));
            }
            catch (TorchException)
            {
                failures++;
            }
        }
        Assert.InRange(failures, 1, 299);
    }
}
