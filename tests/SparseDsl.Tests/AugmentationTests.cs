using SparseDsl.Data;

namespace SparseDsl.Tests;

public class AugmentationTests
{
    // Normalisation that leaves pixel values unchanged: (v/255 − 0) / (1/255) = v.
    private static readonly double[] Identity1 = [0.0];
    private static readonly double[] Unit1 = [1.0 / 255.0];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Known_crop_offsets_and_flip_give_the_known_output(bool useTensorOps)
    {
        using var scope = NewDisposeScope();
        // Two 1×3×3 images; padding 1 makes them 5×5 with a zero border.
        var images = torch.tensor(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18 }, [2, 1, 3, 3]);
        // Image 0: window at padded (0, 2), not flipped. Image 1: window at (1, 1) — the original — flipped.
        long[] choices = [0, 2, 0, 1, 1, 1];
        var output = ImageOps.CropFlipNormalize(images, choices, padding: 1, outHeight: 3, outWidth: 3, Identity1, Unit1, useTensorOps);
        Assert.Equal([2L, 1, 3, 3], output.shape);
        Assert.Equal(ScalarType.Float32, output.dtype);
        float[] expected =
        [
            0, 0, 0,
            2, 3, 0,
            5, 6, 0,

            12, 11, 10,
            15, 14, 13,
            18, 17, 16,
        ];
        Assert.Equal(expected, output.data<float>(), (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Window_larger_than_the_image_shows_padding_on_both_sides(bool useTensorOps)
    {
        using var scope = NewDisposeScope();
        var images = torch.tensor(new byte[] { 7, 8, 9, 10 }, [1, 1, 2, 2]);
        var output = ImageOps.CropFlipNormalize(images, [0, 0, 1], padding: 1, outHeight: 4, outWidth: 4, Identity1, Unit1, useTensorOps);
        float[] expected = [0, 0, 0, 0, 0, 8, 7, 0, 0, 10, 9, 0, 0, 0, 0, 0];
        Assert.Equal(expected, output.data<float>(), (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void Both_implementations_agree_bitwise_and_centred_crops_equal_plain_normalisation()
    {
        using var scope = NewDisposeScope();
        var random = new Random(7);
        var bytes = new byte[6 * 3 * 32 * 32];
        random.NextBytes(bytes);
        var images = torch.tensor(bytes, [6, 3, 32, 32]);
        var mean = Cifar.Cifar10Mean.ToArray();
        var std = Cifar.Cifar10Std.ToArray();
        var choices = RandomCropFlip.Cifar.Choices(6, seed: 17, epoch: 3, batch: 5);
        var fused = ImageOps.CropFlipNormalize(images, choices, 4, 32, 32, mean, std).data<float>();
        var tensorOps = ImageOps.CropFlipNormalize(images, choices, 4, 32, 32, mean, std, useTensorOps: true).data<float>();
        Assert.Equal(fused, tensorOps);

        // Window at the padding offset, no flip: the images themselves, normalised as DeviceBatches does without augmentation.
        long[] centred = [.. Enumerable.Repeat(new long[] { 4, 4, 0 }, 6).SelectMany(c => c)];
        var augmented = ImageOps.CropFlipNormalize(images, centred, 4, 32, 32, mean, std).data<float>();
        var data = new ImageDataset("t", bytes, new byte[6], 3, 32, 32, 10, mean, std);
        using var plain = new DeviceBatches(data, CPU);
        var (input, _) = plain.Epoch(6, shuffle: false, seed: 0, epoch: 0).Single();
        Assert.Equal(input.data<float>(), augmented);
    }

    [Fact]
    public void Padding_pixels_are_zero_pixels_normalised()
    {
        using var scope = NewDisposeScope();
        var images = torch.full([1, 3, 32, 32], 200, ScalarType.Byte);
        var mean = Cifar.Cifar10Mean.ToArray();
        var std = Cifar.Cifar10Std.ToArray();
        var output = ImageOps.CropFlipNormalize(images, [0, 0, 0], 4, 32, 32, mean, std).data<float>();
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(-mean[c] / std[c], output[c * 1024], 5);                          // top-left corner: padding
            Assert.Equal((200 / 255.0 - mean[c]) / std[c], output[c * 1024 + 4 * 32 + 4], 5);   // first real pixel
        }
    }

    [Fact]
    public void Choices_depend_only_on_seed_epoch_and_batch_and_stay_in_range()
    {
        var a = RandomCropFlip.Cifar.Choices(128, seed: 17, epoch: 1, batch: 0);
        Assert.Equal(a, RandomCropFlip.Cifar.Choices(128, seed: 17, epoch: 1, batch: 0));
        Assert.NotEqual(a, RandomCropFlip.Cifar.Choices(128, seed: 17, epoch: 1, batch: 1));
        Assert.NotEqual(a, RandomCropFlip.Cifar.Choices(128, seed: 17, epoch: 2, batch: 0));
        Assert.NotEqual(a, RandomCropFlip.Cifar.Choices(128, seed: 18, epoch: 1, batch: 0));
        var tops = a.Where((_, i) => i % 3 == 0).ToArray();
        var flips = a.Where((_, i) => i % 3 == 2).ToArray();
        Assert.All(tops, t => Assert.InRange(t, 0, 8));
        Assert.Equal(9, tops.Distinct().Count());        // all 9 offsets occur among 128 draws
        Assert.Equal([0L, 1L], flips.Distinct().Order());
        Assert.All(new RandomCropFlip(2, HorizontalFlip: false).Choices(50, 1, 1, 1).Where((_, i) => i % 3 == 2), f => Assert.Equal(0, f));
    }

    [Fact]
    public void Bad_choices_are_errors_not_crashes()
    {
        using var scope = NewDisposeScope();
        var images = torch.zeros([2, 1, 4, 4], ScalarType.Byte);
        Assert.Contains("must lie in", Assert.Throws<TorchException>(() => ImageOps.CropFlipNormalize(images, [0, 0, 0, 3, 0, 0], 1, 4, 4, Identity1, Unit1)).Message);
        Assert.Contains("flip must be 0 or 1", Assert.Throws<TorchException>(() => ImageOps.CropFlipNormalize(images, [0, 0, 2, 0, 0, 0], 1, 4, 4, Identity1, Unit1)).Message);
        Assert.Contains("one per image", Assert.Throws<TorchException>(() => ImageOps.CropFlipNormalize(images, [0, 0, 0], 1, 4, 4, Identity1, Unit1)).Message);
        Assert.Contains("larger than the padded", Assert.Throws<TorchException>(() => ImageOps.CropFlipNormalize(images, [0, 0, 0, 0, 0, 0], 0, 5, 5, Identity1, Unit1)).Message);
        using var floats = torch.zeros([2, 1, 4, 4]);
        Assert.Contains("uint8", Assert.Throws<TorchException>(() => ImageOps.CropFlipNormalize(floats, [0, 0, 0, 0, 0, 0], 1, 4, 4, Identity1, Unit1)).Message);
    }

    [Fact]
    public void DeviceBatches_augments_deterministically_and_keeps_labels_with_their_images()
    {
        var random = new Random(3);
        var pixels = new byte[40 * 3 * 8 * 8];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, 40).Select(i => (byte)(i % 10)).ToArray();
        var data = new ImageDataset("t", pixels, labels, 3, 8, 8, 10, [0.5, 0.5, 0.5], [0.25, 0.25, 0.25]);
        using var plain = new DeviceBatches(data, CPU);
        using var augmented = new DeviceBatches(data, CPU, RandomCropFlip.Cifar);
        Assert.Same(RandomCropFlip.Cifar, augmented.Augmentation);

        using var scope = NewDisposeScope();
        var first = augmented.Epoch(16, shuffle: true, seed: 17, epoch: 1).ToList();
        var again = augmented.Epoch(16, shuffle: true, seed: 17, epoch: 1).ToList();
        var nextEpoch = augmented.Epoch(16, shuffle: true, seed: 17, epoch: 2).ToList();
        var unaugmented = plain.Epoch(16, shuffle: true, seed: 17, epoch: 1).ToList();
        Assert.Equal([16, 16, 8], first.Select(b => (int)b.Input.size(0)));
        Assert.Equal([8L, 3, 8, 8], first[2].Input.shape);
        for (var b = 0; b < 3; b++)
        {
            Assert.Equal(first[b].Input.data<float>(), again[b].Input.data<float>());
            Assert.Equal(unaugmented[b].Target.data<long>(), first[b].Target.data<long>());
            Assert.NotEqual(unaugmented[b].Input.data<float>(), first[b].Input.data<float>());
        }
        Assert.NotEqual(first[0].Input.data<float>(), nextEpoch[0].Input.data<float>());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(0, true)]
    public void Choices_sent_to_the_device_once_per_epoch_give_the_batches_of_the_per_batch_path(int prefetch, bool dropLast)
    {
        // CUDA takes the once-per-epoch path by default; here it is forced on the CPU and compared with the fused path.
        var random = new Random(5);
        var pixels = new byte[45 * 3 * 8 * 8];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, 45).Select(i => (byte)(i % 10)).ToArray();
        var data = new ImageDataset("t", pixels, labels, 3, 8, 8, 10, [0.4914, 0.4822, 0.4465], [0.2470, 0.2435, 0.2616]);
        using var perBatch = new DeviceBatches(data, CPU, RandomCropFlip.Cifar, prefetch);
        using var perEpoch = new DeviceBatches(data, CPU, RandomCropFlip.Cifar, prefetch) { ChoicesOnDevice = true };
        Assert.False(perBatch.ChoicesOnDevice);

        using var scope = NewDisposeScope();
        var expected = perBatch.Epoch(16, shuffle: true, seed: 17, epoch: 3, dropLast: dropLast).ToList();
        var actual = perEpoch.Epoch(16, shuffle: true, seed: 17, epoch: 3, dropLast: dropLast).ToList();
        Assert.Equal(dropLast ? 2 : 3, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.Input.data<float>(), a.Input.data<float>());
            Assert.Equal(e.Target.data<long>(), a.Target.data<long>());
        }
    }
}
