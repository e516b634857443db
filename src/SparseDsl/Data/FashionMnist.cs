namespace SparseDsl.Data;

/// <summary>Fashion-MNIST (and MNIST, same layout) from IDX files, gzip-compressed or not.</summary>
public static class FashionMnist
{
    /// <summary>Where Debian's dataset-fashion-mnist package installs the data.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    // Per-channel statistics of the Fashion-MNIST training images, in [0, 1] pixel units.
    private static readonly double[] Mean = [0.2860];
    private static readonly double[] Std = [0.3530];

    /// <summary>Loads the training and test splits from <paramref name="directory"/>.</summary>
    public static (ImageDataset Train, ImageDataset Test) Load(string directory = DefaultDirectory, string name = "fashion-mnist")
    {
        if (!Directory.Exists(directory))
            throw new DataFormatException(
                $"Fashion-MNIST directory not found: {directory}. Install it with `sudo apt-get install dataset-fashion-mnist` " +
                "(it goes to /usr/share/datasets/fashion-mnist) or point Data:Path at a folder holding the four IDX files.");
        return (Split(directory, "train", name), Split(directory, "t10k", name));
    }

    private static ImageDataset Split(string directory, string prefix, string name)
    {
        var images = IdxFile.Read(Find(directory, $"{prefix}-images-idx3-ubyte"));
        var labels = IdxFile.Read(Find(directory, $"{prefix}-labels-idx1-ubyte"));
        if (images.Shape.Length != 3)
            throw new DataFormatException($"{directory}/{prefix}-images: expected 3 dimensions (N, H, W), found {images.Shape.Length}.");
        if (labels.Shape.Length != 1 || labels.Shape[0] != images.Shape[0])
            throw new DataFormatException($"{directory}/{prefix}: {images.Shape[0]} images but {string.Join("x", labels.Shape)} labels.");
        var classes = 10;
        foreach (var label in labels.Data)
            if (label >= classes)
                throw new DataFormatException($"{directory}/{prefix}-labels: label {label} is outside 0..{classes - 1}.");
        return new ImageDataset(name, images.Data, labels.Data, 1, images.Shape[1], images.Shape[2], classes, Mean, Std);
    }

    private static string Find(string directory, string stem)
    {
        foreach (var candidate in new[] { stem + ".gz", stem })
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path)) return path;
        }
        throw new DataFormatException(
            $"Missing {Path.Combine(directory, stem)}(.gz). Install Fashion-MNIST with `sudo apt-get install dataset-fashion-mnist`, " +
            "or download the four IDX files into that folder.");
    }
}
