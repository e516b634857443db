using SparseDsl.Torch.Native;
using SparseDsl.Torch.Optim;

namespace SparseDsl.Torch;

public static partial class torch
{
    /// <summary>
    /// torch.distributed over c10d: a TCPStore rendezvous and a Gloo (CPU tensors) or NCCL (CUDA tensors) process
    /// group. As in PyTorch, <see cref="init_process_group(string, TimeSpan?)"/> makes the default group every other
    /// call uses, and every rank must make the same collective calls in the same order.
    /// </summary>
    public static class distributed
    {
        /// <summary>Reductions of <see cref="all_reduce"/>, numbered as c10d::ReduceOp.</summary>
        public enum ReduceOp
        {
            SUM = 0,
            PRODUCT = 2,
            MIN = 3,
            MAX = 4,
        }

        /// <summary>PyTorch's default: 30 minutes for the rendezvous and for each collective.</summary>
        public static readonly TimeSpan default_pg_timeout = TimeSpan.FromMinutes(30);

        private static ProcessGroupHandle? group;
        private static int rank;
        private static int worldSize;
        private static string backend = "";
        private static Device collectiveDevice = Device.CPU;

        /// <summary>The shim is always built with c10d; which backends it can start: <see cref="is_gloo_available"/>, <see cref="is_nccl_available"/>.</summary>
        public static bool is_available() => true;

        public static bool is_gloo_available() => (Backends() & 1) != 0;

        public static bool is_nccl_available() => (Backends() & 2) != 0;

        public static bool is_initialized() => group is not null;

        /// <summary>
        /// Joins the default group from the launch environment (init_method "env://": MASTER_ADDR, MASTER_PORT, RANK,
        /// WORLD_SIZE, LOCAL_RANK, all required). Blocks until every rank has joined or <paramref name="timeout"/> passed.
        /// </summary>
        public static void init_process_group(string backend = "gloo", TimeSpan? timeout = null)
        {
            var environment = DistributedEnvironment.FromProcess() ?? throw new DistributedEnvironmentException(
                [.. DistributedEnvironment.Variables.Select(v => $"{v} is not set")]);
            init_process_group(backend, environment, timeout);
        }

        /// <summary>Joins the default group described by <paramref name="environment"/>.</summary>
        public static void init_process_group(string backend, DistributedEnvironment environment, TimeSpan? timeout = null)
        {
            if (group is not null)
                throw new InvalidOperationException("The default process group is already initialised; call destroy_process_group first.");
            var wait = timeout ?? default_pg_timeout;
            NativeLib.Check(NativeMethods.sdt_dist_init(backend, environment.MasterAddress, environment.MasterPort, environment.Rank,
                environment.WorldSize, (long)wait.TotalMilliseconds, environment.AgentStore, out var pointer));
            group = new ProcessGroupHandle(pointer);
            (rank, worldSize, distributed.backend) = (environment.Rank, environment.WorldSize, backend);
            collectiveDevice = backend == "nccl" ? new Device(DeviceType.CUDA, environment.LocalRank) : Device.CPU;
        }

        /// <summary>
        /// Where small tensors for collectives must live (a SparseDsl addition): the CPU with Gloo, this process's GPU
        /// (cuda:LOCAL_RANK) with NCCL, which reduces only CUDA tensors.
        /// </summary>
        public static Device collective_device() => Group() is not null ? collectiveDevice : Device.CPU;

        public static int get_rank() => Group() is not null ? rank : 0;

        public static int get_world_size() => Group() is not null ? worldSize : 1;

        public static string get_backend() => Group() is not null ? backend : "";

        /// <summary>Reduces <paramref name="tensor"/> across ranks, in place: every rank ends with the result.</summary>
        public static unsafe void all_reduce(Tensor tensor, ReduceOp op = ReduceOp.SUM) => Collective([tensor], (p, n) =>
            NativeMethods.sdt_dist_all_reduce(Group(), p, n, (int)op));

        /// <summary>Overwrites <paramref name="tensor"/> on every rank with its value on rank <paramref name="src"/>.</summary>
        public static void broadcast(Tensor tensor, int src) => broadcast([tensor], src);

        /// <summary>Broadcasts several tensors from rank <paramref name="src"/> (all started before any is waited on).</summary>
        public static unsafe void broadcast(IReadOnlyList<Tensor> tensors, int src) => Collective(tensors, (p, n) =>
            NativeMethods.sdt_dist_broadcast(Group(), p, n, src));

        /// <summary>Returns once every rank has called it.</summary>
        public static void barrier() => NativeLib.Check(NativeMethods.sdt_dist_barrier(Group()));

        /// <summary>
        /// The native reducer behind <see cref="nn.parallel.DistributedDataParallel"/>: hooks on the gradient accumulators
        /// of <paramref name="parameters"/> that all-reduce buckets of at most <paramref name="bucketBytes"/> bytes as
        /// backward produces them. Every rank must pass the same parameters in the same order.
        /// </summary>
        internal static unsafe GradReducerHandle new_gradient_reducer(IReadOnlyList<(string name, nn.Parameter parameter)> parameters, long bucketBytes)
        {
            using var handles = new BorrowedHandles([.. parameters.Select(p => (Tensor)p.parameter)]);
            string[] names = [.. parameters.Select(p => p.name)];
            IntPtr pointer;
            fixed (IntPtr* p = handles.Pointers)
                NativeLib.Check(NativeMethods.sdt_grad_reducer_new(Group(), p, names, parameters.Count, bucketBytes, out pointer));
            return new GradReducerHandle(pointer);
        }

        /// <summary>Leaves the default group; the process may join another afterwards.</summary>
        public static void destroy_process_group()
        {
            Group();
            group!.Dispose();
            group = null;
            (rank, worldSize, backend) = (0, 0, "");
        }

        private static ProcessGroupHandle Group() => group ?? throw new InvalidOperationException(
            "Default process group has not been initialized, please make sure to call init_process_group.");

        private unsafe delegate int NativeCollective(IntPtr* tensors, int n);

        private static unsafe void Collective(IReadOnlyList<Tensor> tensors, NativeCollective call)
        {
            Group();
            using var handles = new BorrowedHandles(tensors);
            fixed (IntPtr* p = handles.Pointers)
                NativeLib.Check(call(p, tensors.Count));
        }

        private static int Backends()
        {
            NativeLib.Check(NativeMethods.sdt_dist_backends(out var backends));
            return backends;
        }
    }
}
