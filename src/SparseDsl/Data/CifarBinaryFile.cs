namespace SparseDsl.Data;

/// <summary>
/// Reads one file of the CIFAR binary version: fixed-size records of label byte(s) followed by 3072 pixel bytes
/// (1024 red, 1024 green, 1024 blue, each 32×32 row-major), i.e. already in C×H×W order.
/// CIFAR-10 records have one label byte; CIFAR-100 records have the coarse then the fine label.
/// </summary>
internal static class CifarBinaryFile
{
    public const int ImageBytes = 3 * 32 * 32;

    // The largest real file (CIFAR-100 train.bin) is 153.7 MB; anything far beyond is not a CIFAR file.
    private const long MaxFileBytes = 256L << 20;

    /// <summary>The layout of one dataset's records.</summary>
    /// <param name="LabelBytes">1 (CIFAR-10) or 2 (CIFAR-100: coarse, fine).</param>
    /// <param name="LabelIndex">Which label byte is the class (CIFAR-100: 1, the fine label).</param>
    /// <param name="Classes">Number of classes of that label.</param>
    /// <param name="OtherLabelClasses">Range of the other label byte, checked too (CIFAR-100 coarse: 20), or 0.</param>
    public sealed record Layout(int LabelBytes, int LabelIndex, int Classes, int OtherLabelClasses)
    {
        public int RecordBytes => LabelBytes + ImageBytes;
    }

    public static readonly Layout Cifar10 = new(1, 0, 10, 0);
    public static readonly Layout Cifar100 = new(2, 1, 100, 20);

    /// <summary>Appends the file's images and labels; throws <see cref="DataFormatException"/> naming the file on any inconsistency.</summary>
    public static void Read(string path, Layout layout, Stream pixels, List<byte> labels)
    {
        var length = new FileInfo(path).Length;
        var recordBytes = layout.RecordBytes;
        if (length == 0)
            throw new DataFormatException($"{path}: the file is empty. Download the CIFAR binary version again.");
        if (length > MaxFileBytes)
            throw new DataFormatException($"{path}: {length:N0} bytes is far larger than any CIFAR file; this is not a CIFAR binary batch.");
        if (length % recordBytes != 0)
            throw new DataFormatException(
                $"{path}: {length:N0} bytes is not a whole number of {recordBytes}-byte records ({length / recordBytes:N0} records and " +
                $"{length % recordBytes} bytes left over): the file is truncated or not a {(layout.LabelBytes == 1 ? "CIFAR-10" : "CIFAR-100")} binary file. " +
                "Download it again.");

        using var file = File.OpenRead(path);
        var record = new byte[recordBytes];
        var count = length / recordBytes;
        for (long r = 0; r < count; r++)
        {
            file.ReadExactly(record);
            var label = record[layout.LabelIndex];
            if (label >= layout.Classes)
                throw new DataFormatException($"{path}: record {r} has label {label}, outside 0..{layout.Classes - 1}; the file is corrupt or of another dataset.");
            if (layout.OtherLabelClasses > 0)
            {
                var other = record[1 - layout.LabelIndex];
                if (other >= layout.OtherLabelClasses)
                    throw new DataFormatException($"{path}: record {r} has coarse label {other}, outside 0..{layout.OtherLabelClasses - 1}; the file is corrupt.");
            }
            labels.Add(label);
            pixels.Write(record, layout.LabelBytes, ImageBytes);
        }
    }
}
