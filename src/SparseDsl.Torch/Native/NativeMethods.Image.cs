using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

// Image decoding, encoding and batch transforms (native/src/image_*.cpp).
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int sdt_image_codecs(out int jpeg, out int png);
    [LibraryImport(Lib)] internal static unsafe partial int sdt_image_size(byte* data, long length, out long height, out long width);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_image_decode(byte* data, long length);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_image_encode_png(TensorHandle image);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_image_encode_jpeg(TensorHandle image, long quality);

    // plan: 9 int64 (ResizePlan.ToArray order); mean/std: 3 doubles each.
    [LibraryImport(Lib)] internal static unsafe partial int sdt_image_resize_into(TensorHandle image, long* plan, double* mean, double* std, TensorHandle batch, long index);
    [LibraryImport(Lib)] internal static unsafe partial int sdt_image_decode_resize_into(byte* data, long length, long* plan, double* mean, double* std, TensorHandle batch, long index);

    // choices: count × (top, left, flip); mean/std: channels doubles each.
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_image_crop_flip_normalize(TensorHandle images, long* choices, long count, long padding,
        long outHeight, long outWidth, double* mean, double* std, long channels, [MarshalAs(UnmanagedType.U1)] bool useTensorOps);

    // choices int64 [B, 3], scale/shift float32 [1, C, 1, 1], all on the images' device.
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_image_crop_flip_normalize_on_device(TensorHandle images, TensorHandle choices,
        long padding, long outHeight, long outWidth, TensorHandle scale, TensorHandle shift);
}
