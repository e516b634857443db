using SparseDsl.Randomness;
using SparseDsl.Torch;

namespace SparseDsl.Data;

/// <summary>
/// How an image of any size becomes a fixed-size sample (ImageNet-style): a <see cref="ResizePlan"/> per image,
/// carried out natively by <see cref="ImageOps.DecodeResizeInto"/>.
/// </summary>
public abstract record ImageTransform
{
    /// <summary>Height of the samples produced.</summary>
    public abstract int OutputHeight { get; }

    /// <summary>Width of the samples produced.</summary>
    public abstract int OutputWidth { get; }

    /// <summary>The plan for an image of <paramref name="height"/>×<paramref name="width"/>; random choices come from <paramref name="random"/>.</summary>
    public abstract ResizePlan Plan(long height, long width, DeterministicRandom random);

    /// <summary>The ImageNet training transform: RandomResizedCrop(224) + RandomHorizontalFlip.</summary>
    public static RandomResizedCrop ImageNetTrain { get; } = new();

    /// <summary>The ImageNet evaluation transform: Resize(256) + CenterCrop(224).</summary>
    public static ResizeCenterCrop ImageNetEvaluation { get; } = new();
}

/// <summary>
/// torchvision's RandomResizedCrop(Size, scale, ratio) followed by RandomHorizontalFlip(): a box of random area
/// (a fraction in [<see cref="MinScale"/>, <see cref="MaxScale"/>] of the image) and aspect ratio (log-uniform in
/// [<see cref="MinRatio"/>, <see cref="MaxRatio"/>]), up to 10 tries, else a central crop; resized to Size×Size.
/// </summary>
public sealed record RandomResizedCrop(int Size = 224, double MinScale = 0.08, double MaxScale = 1.0,
    double MinRatio = 3.0 / 4.0, double MaxRatio = 4.0 / 3.0, bool HorizontalFlip = true) : ImageTransform
{
    public override int OutputHeight => Size;
    public override int OutputWidth => Size;

    public override ResizePlan Plan(long height, long width, DeterministicRandom random)
    {
        var (top, left, h, w) = Box(height, width, random);
        var flip = HorizontalFlip && random.NextDouble() < 0.5;
        return new ResizePlan(top, left, h, w, Size, Size, 0, 0, flip);
    }

    private (long Top, long Left, long Height, long Width) Box(long height, long width, DeterministicRandom random)
    {
        var area = (double)height * width;
        var logLow = Math.Log(MinRatio);
        var logHigh = Math.Log(MaxRatio);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var targetArea = area * (MinScale + (MaxScale - MinScale) * random.NextDouble());
            var aspect = Math.Exp(logLow + (logHigh - logLow) * random.NextDouble());
            // Python's round(), as torchvision: halves to even.
            var w = (long)Math.Round(Math.Sqrt(targetArea * aspect), MidpointRounding.ToEven);
            var h = (long)Math.Round(Math.Sqrt(targetArea / aspect), MidpointRounding.ToEven);
            if (w > 0 && w <= width && h > 0 && h <= height)
                return (random.NextLong(height - h + 1), random.NextLong(width - w + 1), h, w);
        }
        // Fallback: the whole image, cut down to the nearest allowed aspect ratio, centred.
        var ratio = (double)width / height;
        long cropW = width, cropH = height;
        if (ratio < MinRatio) cropH = (long)Math.Round(width / MinRatio, MidpointRounding.ToEven);
        else if (ratio > MaxRatio) cropW = (long)Math.Round(height * MaxRatio, MidpointRounding.ToEven);
        cropH = Math.Clamp(cropH, 1, height);
        cropW = Math.Clamp(cropW, 1, width);
        return ((height - cropH) / 2, (width - cropW) / 2, cropH, cropW);
    }
}

/// <summary>
/// torchvision's Resize(<see cref="Resize"/>) (the shorter side to Resize, the longer scaled to keep the aspect ratio,
/// truncated) followed by CenterCrop(<see cref="Crop"/>); deterministic.
/// </summary>
public sealed record ResizeCenterCrop(int Resize = 256, int Crop = 224) : ImageTransform
{
    public override int OutputHeight => Crop;
    public override int OutputWidth => Crop;

    public override ResizePlan Plan(long height, long width, DeterministicRandom random)
    {
        long resizeH, resizeW;
        if (height <= width)
        {
            resizeH = Resize;
            resizeW = (long)(Resize * (double)width / height);
        }
        else
        {
            resizeW = Resize;
            resizeH = (long)(Resize * (double)height / width);
        }
        if (resizeH < Crop || resizeW < Crop)
            throw new InvalidOperationException($"Resize({Resize}) is smaller than CenterCrop({Crop})");
        // Python's int(round((size - crop) / 2.0)), halves to even.
        var top = (long)Math.Round((resizeH - Crop) / 2.0, MidpointRounding.ToEven);
        var left = (long)Math.Round((resizeW - Crop) / 2.0, MidpointRounding.ToEven);
        return new ResizePlan(0, 0, height, width, resizeH, resizeW, top, left, false);
    }
}
