namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>torch.nn.parallel: data parallelism over the default <see cref="distributed"/> process group.</summary>
        public static class parallel
        {
            /// <summary>
            /// Data-parallel training of <paramref name="module"/>, as PyTorch's DistributedDataParallel: construction
            /// broadcasts rank 0's parameters and buffers, so every replica starts identical; before each forward
            /// <see cref="sync_buffers"/> copies rank 0's buffers (e.g. BatchNorm running statistics) to the others; after
            /// backward <see cref="average_gradients"/> averages the gradients across ranks in flat buckets of
            /// <paramref name="bucket_cap_mb"/> MiB. Unlike PyTorch's, the averaging runs once backward has finished
            /// (the buckets' all-reduces overlap each other, not the backward pass), and it is called explicitly.
            /// </summary>
            /// <param name="module">The replica on this rank; not owned.</param>
            /// <param name="bucket_cap_mb">Largest bucket of gradients sent in one all-reduce.</param>
            /// <param name="broadcast_buffers">Copy rank 0's buffers to every rank before each forward.</param>
            /// <param name="buffer_filter">Which buffers (by dotted name) <see cref="sync_buffers"/> copies; null: all.
            /// Buffers that never change, such as pruning masks, need not travel every step.</param>
            public sealed class DistributedDataParallel(Module module, double bucket_cap_mb = 25, bool broadcast_buffers = true,
                Func<string, bool>? buffer_filter = null)
            {
                public double BucketCapMb { get; } = bucket_cap_mb > 0 ? bucket_cap_mb
                    : throw new ArgumentOutOfRangeException(nameof(bucket_cap_mb), bucket_cap_mb, "bucket size must be positive");

                private readonly IReadOnlyList<Parameter> parameters = Start(module);
                private readonly IReadOnlyList<Tensor> stepBuffers =
                    [.. module.named_buffers().Where(b => buffer_filter?.Invoke(b.name) ?? true).Select(b => b.buffer)];

                public Module module { get; } = module;

                /// <summary>Copies rank 0's buffers to this rank (does nothing when broadcast_buffers is off or there are none).</summary>
                public void sync_buffers()
                {
                    if (broadcast_buffers && stepBuffers.Count > 0) distributed.broadcast(stepBuffers, 0);
                }

                /// <summary>Averages every parameter's gradient across ranks (call after backward, before the optimizer step).</summary>
                public void average_gradients() => distributed.average_gradients(parameters, BucketCapMb);

                private static IReadOnlyList<Parameter> Start(Module module)
                {
                    if (!distributed.is_initialized())
                        throw new InvalidOperationException("DistributedDataParallel needs the default process group: call torch.distributed.init_process_group first.");
                    using (no_grad())
                        distributed.broadcast([.. module.named_parameters().Select(p => (Tensor)p.parameter), .. module.named_buffers().Select(b => b.buffer)], 0);
                    return [.. module.parameters()];
                }
            }
        }
    }
}
