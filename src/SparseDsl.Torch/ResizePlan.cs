namespace SparseDsl.Torch;

/// <summary>
/// How one image becomes one fixed-size sample (see <see cref="ImageOps.ResizeInto"/>): the box
/// (<see cref="CropTop"/>, <see cref="CropLeft"/>, <see cref="CropHeight"/>×<see cref="CropWidth"/>) of the source is
/// resized to <see cref="ResizeHeight"/>×<see cref="ResizeWidth"/> with antialiased bilinear filtering, the window at
/// (<see cref="WindowTop"/>, <see cref="WindowLeft"/>) of the output's size is kept, and mirrored when <see cref="Flip"/>.
/// </summary>
public readonly record struct ResizePlan(long CropTop, long CropLeft, long CropHeight, long CropWidth,
    long ResizeHeight, long ResizeWidth, long WindowTop, long WindowLeft, bool Flip)
{
    /// <summary>The 9 values in the order the native shim reads them.</summary>
    internal void CopyTo(Span<long> destination)
    {
        destination[0] = CropTop;
        destination[1] = CropLeft;
        destination[2] = CropHeight;
        destination[3] = CropWidth;
        destination[4] = ResizeHeight;
        destination[5] = ResizeWidth;
        destination[6] = WindowTop;
        destination[7] = WindowLeft;
        destination[8] = Flip ? 1 : 0;
    }

    internal const int Length = 9;
}
