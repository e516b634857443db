// Tests here seed and read libtorch's process-wide default generator and compare runs bit for bit:
// running them in parallel would interleave their random draws.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
