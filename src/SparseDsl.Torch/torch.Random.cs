using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    /// <summary>Seeds the default generators of every device (CPU and, when present, CUDA), as <c>torch.manual_seed</c>.</summary>
    public static void manual_seed(long seed) => NativeLib.Check(NativeMethods.sdt_manual_seed(unchecked((ulong)seed)));

    /// <summary>
    /// A CPU random number generator with its own state, for draws that must not disturb (or be disturbed by)
    /// the default generator. Every random function takes one as its optional <c>generator</c> argument.
    /// </summary>
    public sealed class Generator : IDisposable
    {
        /// <summary>PyTorch's default seed (<c>default_rng_seed_val</c>), used when none is given.</summary>
        public const ulong DefaultSeed = 67280421310721;

        public Generator(ulong seed = DefaultSeed) : this(NativeMethods.sdt_generator_new_cpu(seed)) { }

        private Generator(GeneratorHandle handle)
        {
            if (handle.IsInvalid)
            {
                handle.SetHandleAsInvalid();
                throw new TorchException(NativeLib.LastError());
            }
            Handle = handle;
        }

        /// <summary>A new reference to libtorch's default CPU generator (disposing it leaves that generator alive).</summary>
        internal static Generator DefaultCpu() => new(NativeMethods.sdt_generator_default_cpu());

        /// <summary>The native handle; valid until the generator is disposed.</summary>
        public GeneratorHandle Handle { get; }

        /// <summary>Re-seeds this generator, restarting its sequence.</summary>
        public Generator manual_seed(long seed)
        {
            NativeLib.Check(NativeMethods.sdt_generator_manual_seed(Handle, unchecked((ulong)seed)));
            return this;
        }

        /// <summary>The seed the current sequence started from.</summary>
        public long initial_seed()
        {
            NativeLib.Check(NativeMethods.sdt_generator_initial_seed(Handle, out var seed));
            return unchecked((long)seed);
        }

        /// <summary>The full engine state as a uint8 tensor; <see cref="set_state"/> with it resumes the sequence exactly.</summary>
        public Tensor get_state() => NativeLib.Wrap(NativeMethods.sdt_generator_get_state(Handle));

        /// <summary>Restores a state taken with <see cref="get_state"/>.</summary>
        public Generator set_state(Tensor state)
        {
            NativeLib.Check(NativeMethods.sdt_generator_set_state(Handle, state.Handle));
            return this;
        }

        public void Dispose() => Handle.Dispose();
    }

    /// <summary>The default CPU generator's seed and state, as <c>torch.random</c>.</summary>
    public static class random
    {
        public static void manual_seed(long seed) => torch.manual_seed(seed);

        public static long initial_seed()
        {
            using var g = Generator.DefaultCpu();
            return g.initial_seed();
        }

        /// <summary>The default CPU generator's state as a uint8 tensor.</summary>
        public static Tensor get_rng_state()
        {
            using var g = Generator.DefaultCpu();
            return g.get_state();
        }

        /// <summary>Restores the default CPU generator's state from <see cref="get_rng_state"/>.</summary>
        public static void set_rng_state(Tensor new_state)
        {
            using var g = Generator.DefaultCpu();
            g.set_state(new_state);
        }
    }

    private static GeneratorHandle HandleOf(Generator? generator) => generator?.Handle ?? GeneratorHandle.Null;

    /// <summary>Uniform draws in [0, 1).</summary>
    public static unsafe Tensor rand(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var d = device ?? CPU;
        fixed (long* p = size)
            return NativeLib.Wrap(NativeMethods.sdt_rand(p, size.Length, HandleOf(generator), (sbyte)(dtype ?? default_dtype), (int)d.type, d.index, requires_grad));
    }

    public static Tensor rand(params ReadOnlySpan<long> size) => rand(size, null);

    /// <summary>Standard normal draws.</summary>
    public static unsafe Tensor randn(ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var d = device ?? CPU;
        fixed (long* p = size)
            return NativeLib.Wrap(NativeMethods.sdt_randn(p, size.Length, HandleOf(generator), (sbyte)(dtype ?? default_dtype), (int)d.type, d.index, requires_grad));
    }

    public static Tensor randn(params ReadOnlySpan<long> size) => randn(size, null);

    /// <summary>Integers drawn uniformly from [<paramref name="low"/>, <paramref name="high"/>); int64 unless <paramref name="dtype"/> says otherwise.</summary>
    public static unsafe Tensor randint(long low, long high, ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var d = device ?? CPU;
        fixed (long* p = size)
            return NativeLib.Wrap(NativeMethods.sdt_randint(low, high, p, size.Length, HandleOf(generator), (sbyte)(dtype ?? ScalarType.Int64), (int)d.type, d.index, requires_grad));
    }

    public static Tensor randint(long high, ReadOnlySpan<long> size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        randint(0, high, size, dtype, device, requires_grad, generator);

    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        input.rand_like(dtype, device, requires_grad, generator);

    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        input.randn_like(dtype, device, requires_grad, generator);

    /// <summary>0/1 draws with the per-element probabilities in <paramref name="input"/>.</summary>
    public static Tensor bernoulli(Tensor input, Generator? generator = null) => input.bernoulli(generator);

    public partial class Tensor
    {
        public Tensor rand_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
            NativeLib.Wrap(NativeMethods.sdt_rand_like(Handle, HandleOf(generator), LikeDtype(dtype), LikeDeviceType(device), LikeDeviceIndex(device), requires_grad));

        public Tensor randn_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
            NativeLib.Wrap(NativeMethods.sdt_randn_like(Handle, HandleOf(generator), LikeDtype(dtype), LikeDeviceType(device), LikeDeviceIndex(device), requires_grad));

        /// <summary>0/1 draws with the per-element probabilities held in this tensor.</summary>
        public Tensor bernoulli(Generator? generator = null) =>
            NativeLib.Wrap(NativeMethods.sdt_tensor_bernoulli(Handle, HandleOf(generator)));

        /// <summary>Fills this tensor in place with 0/1 drawn with probability <paramref name="p"/>.</summary>
        public Tensor bernoulli_(double p = 0.5, Generator? generator = null)
        {
            NativeLib.Check(NativeMethods.sdt_tensor_bernoulli_(Handle, p, TensorHandle.Null, HandleOf(generator)));
            return this;
        }

        /// <summary>Fills this tensor in place with 0/1 drawn with the per-element probabilities in <paramref name="p"/>.</summary>
        public Tensor bernoulli_(Tensor p, Generator? generator = null)
        {
            NativeLib.Check(NativeMethods.sdt_tensor_bernoulli_(Handle, 0, p.Handle, HandleOf(generator)));
            return this;
        }
    }
}
