using SparseDsl.Torch;

namespace SparseDsl.Data;

/// <summary>One image file of an <see cref="ImageFolder"/> and its class index.</summary>
public readonly record struct ImageFolderSample(string Path, int Label);

/// <summary>
/// An ImageNet-style folder: one subfolder per class (classes are the subfolder names in ordinal order, as
/// torchvision's ImageFolder sorts them), holding JPEG or PNG files (.jpg, .jpeg, .png, any case; other files are
/// ignored), possibly in nested folders. Only the file list is kept in memory; <see cref="ImageFolderBatches"/>
/// decodes the images on background threads.
/// </summary>
public sealed class ImageFolder
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    /// <summary>ImageNet per-channel mean and standard deviation (torchvision's normalisation).</summary>
    public static readonly IReadOnlyList<double> ImageNetMean = [0.485, 0.456, 0.406];
    public static readonly IReadOnlyList<double> ImageNetStd = [0.229, 0.224, 0.225];

    private ImageFolder(string root, IReadOnlyList<string> classes, IReadOnlyList<ImageFolderSample> samples)
    {
        Root = root;
        Classes = classes;
        Samples = samples;
    }

    public string Root { get; }

    /// <summary>Class names; a sample's label indexes this list.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The images, by class, then by folder and file name (ordinal).</summary>
    public IReadOnlyList<ImageFolderSample> Samples { get; }

    public int Count => Samples.Count;

    /// <summary>Lists <paramref name="root"/>; throws <see cref="DataFormatException"/> when it is missing, empty, or needs a codec that was not built.</summary>
    public static ImageFolder Open(string root)
    {
        if (!Directory.Exists(root))
            throw new DataFormatException(
                $"Image folder not found: {root}. Expected one subfolder per class holding JPEG or PNG files " +
                "(ImageNet: extract ILSVRC2012_img_train.tar and its per-class archives into train/<wnid>/, and the validation images into val/<wnid>/).");
        var classes = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0)
            throw new DataFormatException($"{root} has no class subfolders; an image folder holds one subfolder per class.");
        var samples = new List<ImageFolderSample>();
        for (var label = 0; label < classes.Length; label++)
            foreach (var file in ImagesUnder(Path.Combine(root, classes[label])))
                samples.Add(new ImageFolderSample(file, label));
        if (samples.Count == 0)
            throw new DataFormatException($"{root}: its {classes.Length} class folders hold no .jpg, .jpeg or .png files.");
        CheckCodecs(root, samples);
        return new ImageFolder(root, classes, samples);
    }

    private static IEnumerable<string> ImagesUnder(string directory)
    {
        // torchvision walks the folders sorted and, in each, the file names sorted.
        foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            if (Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                yield return file;
        foreach (var sub in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            foreach (var file in ImagesUnder(sub))
                yield return file;
    }

    private static void CheckCodecs(string root, List<ImageFolderSample> samples)
    {
        static bool IsPng(ImageFolderSample s) => Path.GetExtension(s.Path).Equals(".png", StringComparison.OrdinalIgnoreCase);
        var png = samples.Any(IsPng);
        var jpeg = samples.Any(s => !IsPng(s));
        var missing = new List<string>();
        if (jpeg && !ImageOps.JpegAvailable) missing.Add("JPEG (libturbojpeg)");
        if (png && !ImageOps.PngAvailable) missing.Add("PNG (libpng)");
        if (missing.Count > 0)
            throw new DataFormatException(
                $"{root} holds {string.Join(" and ", missing)} images, but the native shim was built without that decoder. " +
                $"Install it with `{ImageOps.CodecPackagesHint}`, delete src/SparseDsl.Torch/obj/native and rebuild.");
    }

    /// <summary>The samples at <paramref name="indices"/>, in that order, as a new folder view (same classes).</summary>
    public ImageFolder Subset(IReadOnlyList<long> indices) =>
        new(Root, Classes, [.. indices.Select(i => Samples[checked((int)i)])]);

    /// <summary>Holds out <paramref name="fraction"/> of the images (the official code: 0.1), chosen by <paramref name="seed"/>, as a validation set.</summary>
    public (ImageFolder Train, ImageFolder Validation) Split(double fraction, long seed)
    {
        var (train, validation) = ValidationSplit.Indices(Count, fraction, seed);
        return (Subset(train), Subset(validation));
    }
}
