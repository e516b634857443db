using SparseDsl.Data;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Evaluation;

/// <summary>
/// The per-channel normalisation a model's inputs went through, x = (p − mean) / std with pixels p in [0, 1]: attacks
/// and synthetic OoD sets work on pixels (ε is in pixel units) and normalise what they feed the model.
/// </summary>
public sealed record InputNormalization(IReadOnlyList<double> Mean, IReadOnlyList<double> Std)
{
    /// <summary>The normalisation of a data source's batches (in-memory datasets and image folders).</summary>
    public static InputNormalization Of(IBatchSource source) => source switch
    {
        DeviceBatches d => new(d.Dataset.Mean, d.Dataset.Std),
        ImageFolderBatches f => new([.. f.Options.Mean], [.. f.Options.Std]),
        _ => throw new ArgumentException($"{source.GetType().Name} does not say how its inputs are normalised; give an InputNormalization."),
    };

    /// <summary>Normalised inputs [B, C, …] back to pixels.</summary>
    public Tensor ToPixels(Tensor normalised)
    {
        using var scope = NewDisposeScope();
        var (std, mean) = Shaped(normalised);
        return scope.MoveToOuter(normalised.mul(std).add(mean));
    }

    /// <summary>Pixels [B, C, …] to the model's normalised inputs (differentiable).</summary>
    public Tensor FromPixels(Tensor pixels)
    {
        using var scope = NewDisposeScope();
        var (std, mean) = Shaped(pixels);
        return scope.MoveToOuter(pixels.sub(mean).div(std));
    }

    private (Tensor Std, Tensor Mean) Shaped(Tensor like)
    {
        if (like.dim() < 2 || like.size(1) != Mean.Count)
            throw new ArgumentException($"inputs [{string.Join(", ", like.shape)}] do not have the {Mean.Count} channels of this normalisation.");
        var shape = new long[like.dim()];
        Array.Fill(shape, 1L);
        shape[1] = Mean.Count;
        using var std = torch.tensor(Std.Select(s => (float)s).ToArray(), shape);
        using var mean = torch.tensor(Mean.Select(m => (float)m).ToArray(), shape);
        return (std.to(like.device), mean.to(like.device));
    }
}
