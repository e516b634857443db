using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>torch.nn.parallel: data parallelism over the default <see cref="distributed"/> process group.</summary>
        public static class parallel
        {
            /// <summary>
            /// Data-parallel training of a module, as PyTorch's DistributedDataParallel: construction
            /// broadcasts rank 0's parameters and buffers, so every replica starts identical, and registers a hook on every
            /// parameter's gradient accumulator. During backward, once every gradient of a bucket (at most
            /// <c>bucket_cap_mb</c> MiB, formed from the last parameters back, as gradients arrive) is ready,
            /// the bucket's all-reduce starts while backward continues with the earlier layers. Two calls are explicit
            /// here that PyTorch makes implicitly: <see cref="sync_buffers"/> before each forward (PyTorch: inside
            /// forward) and <see cref="wait_for_gradients"/> after each backward (PyTorch: an autograd callback at the end
            /// of backward), which waits for every bucket and leaves the averaged gradients in <c>.grad</c>.
            /// Dispose it to remove the hooks (the module outlives it).
            /// </summary>
            public sealed class DistributedDataParallel : IDisposable
            {
                private readonly bool broadcastBuffers;
                private readonly IReadOnlyList<Tensor> stepBuffers;
                private readonly GradReducerHandle reducer;

                /// <summary>Broadcasts rank 0's parameters and buffers and registers the gradient hooks.</summary>
                /// <param name="module">The replica on this rank; not owned.</param>
                /// <param name="bucket_cap_mb">Largest bucket of gradients sent in one all-reduce.</param>
                /// <param name="broadcast_buffers">Copy rank 0's buffers to every rank before each forward.</param>
                /// <param name="buffer_filter">Which buffers (by dotted name) <see cref="sync_buffers"/> copies; null: all.
                /// Buffers that never change, such as pruning masks, need not travel every step.</param>
                public DistributedDataParallel(Module module, double bucket_cap_mb = 25, bool broadcast_buffers = true,
                    Func<string, bool>? buffer_filter = null)
                {
                    if (bucket_cap_mb <= 0)
                        throw new ArgumentOutOfRangeException(nameof(bucket_cap_mb), bucket_cap_mb, "bucket size must be positive");
                    if (!distributed.is_initialized())
                        throw new InvalidOperationException("DistributedDataParallel needs the default process group: call torch.distributed.init_process_group first.");
                    this.module = module;
                    BucketCapMb = bucket_cap_mb;
                    broadcastBuffers = broadcast_buffers;
                    stepBuffers = [.. module.named_buffers().Where(b => buffer_filter?.Invoke(b.name) ?? true).Select(b => b.buffer)];
                    using (no_grad())
                        distributed.broadcast([.. module.named_parameters().Select(p => (Tensor)p.parameter), .. module.named_buffers().Select(b => b.buffer)], 0);
                    // As PyTorch's, only parameters that require a gradient take part.
                    reducer = distributed.new_gradient_reducer([.. module.named_parameters().Where(p => p.parameter.requires_grad)],
                        (long)(bucket_cap_mb * 1024 * 1024));
                }

                public Module module { get; }

                public double BucketCapMb { get; }

                /// <summary>Copies rank 0's buffers to this rank (does nothing when broadcast_buffers is off or there are none).</summary>
                public void sync_buffers()
                {
                    if (broadcastBuffers && stepBuffers.Count > 0) distributed.broadcast(stepBuffers, 0);
                }

                /// <summary>
                /// Call after every backward, before the optimizer step: waits for the all-reduces the backward pass started,
                /// and leaves every parameter's gradient averaged across ranks. Throws, naming them, when parameters got no
                /// gradient in this backward pass (every parameter must take part in the loss on every rank).
                /// </summary>
                public void wait_for_gradients() => NativeLib.Check(NativeMethods.sdt_grad_reducer_finish(reducer));

                /// <summary>How the gradients travel (a SparseDsl addition, for tests and diagnostics).</summary>
                public GradientBucketStats bucket_stats()
                {
                    NativeLib.Check(NativeMethods.sdt_grad_reducer_stats(reducer, out var buckets, out var launched, out var held));
                    return new GradientBucketStats(buckets, launched, held);
                }

                /// <summary>Removes the hooks and frees the buckets; the module is left as it is.</summary>
                public void Dispose() => reducer.Dispose();
            }

            /// <param name="Buckets">How many buckets the gradients travel in.</param>
            /// <param name="StartedDuringBackward">How many of them had started their all-reduce when the last
            /// <see cref="DistributedDataParallel.wait_for_gradients"/> began, i.e. overlapped the backward pass.</param>
            /// <param name="HeldBetweenSteps">Bucket state still held after that wait (ready marks, buffers, pending
            /// all-reduces): 0, since every wait resets it for the next step.</param>
            public readonly record struct GradientBucketStats(int Buckets, int StartedDuringBackward, int HeldBetweenSteps);
        }
    }
}
