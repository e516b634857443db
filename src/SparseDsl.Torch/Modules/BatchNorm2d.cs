using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules
{
    /// <summary>Batch normalisation of [N, C, H, W] input, per channel.</summary>
    public class BatchNorm2d(long num_features, double eps = 1e-5, double momentum = 0.1, bool affine = true,
        bool track_running_stats = true, Device? device = null, ScalarType? dtype = null)
        : BatchNorm(nameof(BatchNorm2d), 4, 4, num_features, eps, momentum, affine, track_running_stats, device, dtype);
}

namespace SparseDsl.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Batch normalisation of [N, C, H, W] input, per channel.</summary>
            public static Modules.BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-5, double momentum = 0.1, bool affine = true,
                bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, device, dtype);
        }
    }
}
