using SparseDsl.Torch.Native;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch;

/// <summary>
/// Image files and image batches on the native side: JPEG (libturbojpeg) and PNG (libpng) decoding and encoding,
/// crop-resize-flip-normalise of one image into a batch slot, and the batched CIFAR crop/flip augmentation.
/// Failures (corrupt file, codec not built, bad arguments) raise <see cref="TorchException"/> with the reason.
/// </summary>
public static class ImageOps
{
    private static readonly Lazy<(bool Jpeg, bool Png)> Codecs = new(() =>
    {
        NativeLib.Check(NativeMethods.sdt_image_codecs(out var jpeg, out var png));
        return (jpeg != 0, png != 0);
    });

    /// <summary>Whether the shim was built with libturbojpeg.</summary>
    public static bool JpegAvailable => Codecs.Value.Jpeg;

    /// <summary>Whether the shim was built with libpng.</summary>
    public static bool PngAvailable => Codecs.Value.Png;

    /// <summary>The packages that provide the codecs, for error messages.</summary>
    public const string CodecPackagesHint = "sudo apt-get install libturbojpeg0-dev libpng-dev";

    /// <summary>Height and width from a JPEG or PNG file's header, without decoding its pixels.</summary>
    public static unsafe (long Height, long Width) ReadSize(ReadOnlySpan<byte> file)
    {
        fixed (byte* p = file)
        {
            NativeLib.Check(NativeMethods.sdt_image_size(p, file.Length, out var height, out var width));
            return (height, width);
        }
    }

    /// <summary>Decodes a JPEG or PNG file to a uint8 [height, width, 3] RGB tensor (gray and palette images become RGB, alpha is dropped).</summary>
    public static unsafe Tensor Decode(ReadOnlySpan<byte> file)
    {
        fixed (byte* p = file) return NativeLib.Wrap(NativeMethods.sdt_image_decode(p, file.Length));
    }

    /// <summary>Encodes a uint8 [height, width, 3] RGB tensor as a PNG file (lossless).</summary>
    public static byte[] EncodePng(Tensor rgb)
    {
        using var bytes = NativeLib.Wrap(NativeMethods.sdt_image_encode_png(rgb.Handle)).DetachFromDisposeScope();
        return bytes.data<byte>();
    }

    /// <summary>Encodes a uint8 [height, width, 3] RGB tensor as a baseline JPEG file without chroma subsampling.</summary>
    public static byte[] EncodeJpeg(Tensor rgb, int quality = 95)
    {
        using var bytes = NativeLib.Wrap(NativeMethods.sdt_image_encode_jpeg(rgb.Handle, quality)).DetachFromDisposeScope();
        return bytes.data<byte>();
    }

    /// <summary>
    /// Writes <paramref name="rgb"/> (uint8 [H, W, 3]) transformed by <paramref name="plan"/> and normalised
    /// ((v/255 − mean)/std per channel) into <c>batch[index]</c> of a contiguous CPU float32 [B, 3, h, w] batch.
    /// </summary>
    public static unsafe void ResizeInto(Tensor rgb, ResizePlan plan, ReadOnlySpan<double> mean, ReadOnlySpan<double> std, Tensor batch, long index)
    {
        CheckRgbStatistics(mean, std);
        Span<long> values = stackalloc long[ResizePlan.Length];
        plan.CopyTo(values);
        fixed (long* v = values)
        fixed (double* m = mean)
        fixed (double* s = std)
            NativeLib.Check(NativeMethods.sdt_image_resize_into(rgb.Handle, v, m, s, batch.Handle, index));
    }

    /// <summary>Decodes a JPEG or PNG file and writes it to <c>batch[index]</c> as <see cref="ResizeInto"/> does, in one native call.</summary>
    public static unsafe void DecodeResizeInto(ReadOnlySpan<byte> file, ResizePlan plan, ReadOnlySpan<double> mean, ReadOnlySpan<double> std,
        Tensor batch, long index)
    {
        CheckRgbStatistics(mean, std);
        Span<long> values = stackalloc long[ResizePlan.Length];
        plan.CopyTo(values);
        fixed (byte* f = file)
        fixed (long* v = values)
        fixed (double* m = mean)
        fixed (double* s = std)
            NativeLib.Check(NativeMethods.sdt_image_decode_resize_into(f, file.Length, v, m, s, batch.Handle, index));
    }

    /// <summary>
    /// Pads a uint8 [B, C, H, W] batch with <paramref name="padding"/> zero pixels, crops an
    /// <paramref name="outHeight"/>×<paramref name="outWidth"/> window per sample, mirrors the samples whose flip is set,
    /// and normalises: float32 [B, C, outHeight, outWidth] on the batch's device, in one native call.
    /// <paramref name="choices"/> holds B × (top, left, flip) with the window's corner in padded coordinates.
    /// <paramref name="useTensorOps"/> forces the device-generic implementation on the CPU (the GPU always uses it).
    /// </summary>
    public static unsafe Tensor CropFlipNormalize(Tensor images, ReadOnlySpan<long> choices, long padding, long outHeight, long outWidth,
        ReadOnlySpan<double> mean, ReadOnlySpan<double> std, bool useTensorOps = false)
    {
        if (choices.Length % 3 != 0) throw new ArgumentException("choices must hold (top, left, flip) triples", nameof(choices));
        if (mean.Length != std.Length) throw new ArgumentException("mean and std must have one value per channel");
        var count = choices.Length / 3;
        fixed (long* c = choices)
        fixed (double* m = mean)
        fixed (double* s = std)
            return NativeLib.Wrap(NativeMethods.sdt_image_crop_flip_normalize(images.Handle, c, count, padding, outHeight, outWidth, m, s,
                mean.Length, useTensorOps));
    }

    /// <summary>
    /// <see cref="CropFlipNormalize(Tensor, ReadOnlySpan{long}, long, long, long, ReadOnlySpan{double}, ReadOnlySpan{double}, bool)"/>
    /// with everything on the batch's device: <paramref name="choices"/> int64 [B, 3] (whose range the caller checked
    /// when it made them), <paramref name="scale"/> = 1 / (255·std) and <paramref name="shift"/> = mean / std as float32
    /// [1, C, 1, 1]. On a GPU nothing is copied from the host, so the step does not wait for the queued work.
    /// </summary>
    public static Tensor CropFlipNormalize(Tensor images, Tensor choices, long padding, long outHeight, long outWidth, Tensor scale, Tensor shift) =>
        NativeLib.Wrap(NativeMethods.sdt_image_crop_flip_normalize_on_device(images.Handle, choices.Handle, padding, outHeight, outWidth,
            scale.Handle, shift.Handle));

    private static void CheckRgbStatistics(ReadOnlySpan<double> mean, ReadOnlySpan<double> std)
    {
        if (mean.Length != 3 || std.Length != 3) throw new ArgumentException("RGB images take three mean and three std values");
    }
}
