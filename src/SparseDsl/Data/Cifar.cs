namespace SparseDsl.Data;

/// <summary>
/// CIFAR-10 and CIFAR-100, binary version (https://www.cs.toronto.edu/~kriz/cifar.html), as 3×32×32 images.
/// The directory may be the extracted folder itself or the folder that holds it.
/// </summary>
public static class Cifar
{
    public const string DownloadPage = "https://www.cs.toronto.edu/~kriz/cifar.html";

    /// <summary>CIFAR-10 statistics used by the paper's code (transforms.Normalize).</summary>
    public static readonly IReadOnlyList<double> Cifar10Mean = [0.4914, 0.4822, 0.4465];
    public static readonly IReadOnlyList<double> Cifar10Std = [0.2023, 0.1994, 0.2010];

    /// <summary>CIFAR-100 per-channel statistics of the training images.</summary>
    public static readonly IReadOnlyList<double> Cifar100Mean = [0.5071, 0.4865, 0.4409];
    public static readonly IReadOnlyList<double> Cifar100Std = [0.2673, 0.2564, 0.2762];

    private const string Cifar10Folder = "cifar-10-batches-bin";
    private const string Cifar100Folder = "cifar-100-binary";

    /// <summary>CIFAR-10: data_batch_1.bin … data_batch_5.bin (50,000 training images) and test_batch.bin (10,000).</summary>
    public static (ImageDataset Train, ImageDataset Test) Load10(string directory, string name = "cifar10")
    {
        var folder = Locate(directory, Cifar10Folder, "cifar-10-binary.tar.gz", "CIFAR-10");
        var train = Enumerable.Range(1, 5).Select(i => Path.Combine(folder, $"data_batch_{i}.bin")).ToArray();
        return (Load(train, CifarBinaryFile.Cifar10, name, Cifar10Mean, Cifar10Std, "cifar-10-binary.tar.gz"),
                Load([Path.Combine(folder, "test_batch.bin")], CifarBinaryFile.Cifar10, name, Cifar10Mean, Cifar10Std, "cifar-10-binary.tar.gz"));
    }

    /// <summary>CIFAR-100: train.bin (50,000) and test.bin (10,000); the fine label (100 classes) is the class.</summary>
    public static (ImageDataset Train, ImageDataset Test) Load100(string directory, string name = "cifar100")
    {
        var folder = Locate(directory, Cifar100Folder, "cifar-100-binary.tar.gz", "CIFAR-100");
        return (Load([Path.Combine(folder, "train.bin")], CifarBinaryFile.Cifar100, name, Cifar100Mean, Cifar100Std, "cifar-100-binary.tar.gz"),
                Load([Path.Combine(folder, "test.bin")], CifarBinaryFile.Cifar100, name, Cifar100Mean, Cifar100Std, "cifar-100-binary.tar.gz"));
    }

    private static string Locate(string directory, string extractedFolder, string archive, string dataset)
    {
        var nested = Path.Combine(directory, extractedFolder);
        if (Directory.Exists(nested)) return nested;
        if (Directory.Exists(directory)) return directory;
        throw new DataFormatException(
            $"{dataset} directory not found: {directory}. Download the binary version ({archive}) from {DownloadPage} " +
            $"and extract it there (`tar xzf {archive} -C {directory}`), or point Data:Path at the extracted {extractedFolder} folder.");
    }

    private static ImageDataset Load(string[] files, CifarBinaryFile.Layout layout, string name, IReadOnlyList<double> mean,
        IReadOnlyList<double> std, string archive)
    {
        foreach (var file in files)
            if (!File.Exists(file))
                throw new DataFormatException(
                    $"Missing {file}. Download the binary version ({archive}) from {DownloadPage} and extract it into {Path.GetDirectoryName(file)}.");
        using var pixels = new MemoryStream();
        var labels = new List<byte>();
        foreach (var file in files) CifarBinaryFile.Read(file, layout, pixels, labels);
        return new ImageDataset(name, pixels.ToArray(), [.. labels], 3, 32, 32, layout.Classes, [.. mean], [.. std]);
    }
}
