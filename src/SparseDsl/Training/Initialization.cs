using SparseDsl.Modeling;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Training;

/// <summary>Weight initialisation before pruning.</summary>
public static class Initialization
{
    /// <summary>
    /// Kaiming-normal (fan-in, ReLU gain) on every masked weight, as the paper's code (open_lth) initialises
    /// its models; biases and BatchNorm keep PyTorch's defaults. Call before drawing masks.
    /// </summary>
    public static void KaimingNormal(SparseModule model)
    {
        foreach (var (_, layer) in model.MaskedLayers)
            nn.init.kaiming_normal_(layer.weight);
    }
}
