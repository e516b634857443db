using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// In-place initialisers, as torch.nn.init. Each runs without recording the graph (so it works on parameters),
        /// draws from libtorch's global generator, and returns the tensor it filled.
        /// </summary>
        public static class init
        {
            /// <summary>Activation after a layer, for <see cref="calculate_gain"/> and the Kaiming initialisers.</summary>
            public enum NonlinearityType
            {
                Linear = 0,
                Conv1D = 1,
                Conv2D = 2,
                Conv3D = 3,
                ConvTranspose1D = 4,
                ConvTranspose2D = 5,
                ConvTranspose3D = 6,
                Sigmoid = 7,
                Tanh = 8,
                ReLU = 9,
                LeakyReLU = 10,
            }

            /// <summary>Whether Kaiming scaling preserves the variance of the forward pass (fan in) or of the backward pass (fan out).</summary>
            public enum FanInOut
            {
                FanIn = 0,
                FanOut = 1,
            }

            /// <summary>The recommended gain for <paramref name="nonlinearity"/> (<paramref name="param"/> is leaky ReLU's negative slope).</summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double param = 0.0)
            {
                NativeLib.Check(NativeMethods.sdt_init_calculate_gain((int)nonlinearity, param, out var gain));
                return gain;
            }

            /// <summary>Fan in and fan out of a weight: [out, in, *kernel] gives (in * prod(kernel), out * prod(kernel)).</summary>
            public static (long fan_in, long fan_out) calculate_fan_in_and_fan_out(Tensor tensor)
            {
                NativeLib.Check(NativeMethods.sdt_init_fan_in_and_fan_out(tensor.Handle, out var fanIn, out var fanOut));
                return (fanIn, fanOut);
            }

            /// <summary>He initialisation: N(0, std²) with std = gain(nonlinearity, a) / sqrt(fan).</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU) =>
                Done(tensor, NativeMethods.sdt_init_kaiming_normal_(tensor.Handle, a, (int)mode, (int)nonlinearity));

            /// <summary>He initialisation: U(-b, b) with b = gain(nonlinearity, a) * sqrt(3 / fan).</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU) =>
                Done(tensor, NativeMethods.sdt_init_kaiming_uniform_(tensor.Handle, a, (int)mode, (int)nonlinearity));

            /// <summary>Glorot initialisation: N(0, std²) with std = gain * sqrt(2 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0) =>
                Done(tensor, NativeMethods.sdt_init_xavier_normal_(tensor.Handle, gain));

            /// <summary>Glorot initialisation: U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0) =>
                Done(tensor, NativeMethods.sdt_init_xavier_uniform_(tensor.Handle, gain));

            public static Tensor normal_(Tensor tensor, double mean = 0.0, double std = 1.0) =>
                Done(tensor, NativeMethods.sdt_init_normal_(tensor.Handle, mean, std));

            /// <summary>Fills with U(<paramref name="a"/>, <paramref name="b"/>).</summary>
            public static Tensor uniform_(Tensor tensor, double a = 0.0, double b = 1.0) =>
                Done(tensor, NativeMethods.sdt_init_uniform_(tensor.Handle, a, b));

            public static Tensor constant_(Tensor tensor, double val) =>
                Done(tensor, NativeMethods.sdt_init_constant_(tensor.Handle, val));

            public static Tensor zeros_(Tensor tensor) => Done(tensor, NativeMethods.sdt_init_zeros_(tensor.Handle));

            public static Tensor ones_(Tensor tensor) => Done(tensor, NativeMethods.sdt_init_ones_(tensor.Handle));

            private static Tensor Done(Tensor tensor, int status)
            {
                NativeLib.Check(status);
                return tensor;
            }
        }
    }
}
