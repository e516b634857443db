namespace SparseDsl.Data;

/// <summary>
/// An in-memory image classification dataset: unsigned-byte pixels in N×C×H×W order and one label per image,
/// with the per-channel mean and standard deviation (in [0, 1] pixel units) used to normalise it.
/// </summary>
public sealed record ImageDataset(string Name, byte[] Pixels, byte[] Labels, int Channels, int Height, int Width, int Classes,
    double[] Mean, double[] Std)
{
    public int Count => Labels.Length;

    public int ImageSize => Channels * Height * Width;

    /// <summary>The images at <paramref name="indices"/>, in that order, as a new dataset.</summary>
    public ImageDataset Subset(IReadOnlyList<long> indices)
    {
        var size = ImageSize;
        var pixels = new byte[indices.Count * (long)size];
        var labels = new byte[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var source = indices[i];
            Array.Copy(Pixels, source * size, pixels, (long)i * size, size);
            labels[i] = Labels[source];
        }
        return this with { Pixels = pixels, Labels = labels };
    }

    /// <summary>Holds out <paramref name="fraction"/> of the images (the official code: 0.1), chosen by <paramref name="seed"/>, as a validation set.</summary>
    public (ImageDataset Train, ImageDataset Validation) Split(double fraction, long seed)
    {
        var (train, validation) = ValidationSplit.Indices(Count, fraction, seed);
        return (Subset(train), Subset(validation));
    }
}
