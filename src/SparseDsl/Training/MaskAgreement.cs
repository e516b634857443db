using System.Security.Cryptography;
using SparseDsl.Modeling;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Training;

/// <summary>
/// Checks, across the ranks of torch.distributed's default group, that every rank holds the same pruning masks.
/// Each rank draws its masks from the shared seed; a rank with a different configuration, seed or code would
/// otherwise train another sparse network and have its gradients averaged into rank 0's without any sign.
/// </summary>
public static class MaskAgreement
{
    /// <summary>
    /// A SHA-256 fingerprint of the model's masks (layer order, shapes and values), broadcast from rank 0 and compared
    /// on every rank; one all-reduce then tells every rank which ranks differ, so all of them fail together.
    /// </summary>
    /// <exception cref="MaskMismatchException">Some rank's masks differ from rank 0's.</exception>
    public static void Check(SparseModule model)
    {
        using var scope = NewDisposeScope();
        var own = Fingerprint(model);
        var reference = torch.tensor(new[] { own }, [1]).to(distributed.collective_device());
        distributed.broadcast(reference, 0);
        var worldSize = distributed.get_world_size();
        var differs = new long[worldSize];
        differs[distributed.get_rank()] = reference.cpu().item<long>() == own ? 0 : 1;
        var flags = torch.tensor(differs, [worldSize]).to(distributed.collective_device());
        distributed.all_reduce(flags);
        var ranks = flags.cpu().data<long>().Select((f, rank) => (f, rank)).Where(x => x.f != 0).Select(x => x.rank).ToList();
        if (ranks.Count > 0) throw new MaskMismatchException(ranks, worldSize);
    }

    /// <summary>The first 8 bytes of SHA-256 over every masked layer's shape and mask, in forward order.</summary>
    public static long Fingerprint(SparseModule model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var scope = NewDisposeScope();
        foreach (var (name, layer) in model.MaskedLayers)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            foreach (var size in layer.weight_mask.shape) hash.AppendData(BitConverter.GetBytes(size));
            hash.AppendData(layer.weight_mask.to(ScalarType.Byte, Device.CPU).data<byte>());
        }
        return BitConverter.ToInt64(hash.GetHashAndReset(), 0);
    }
}

/// <summary>The ranks of a distributed run drew different pruning masks.</summary>
public sealed class MaskMismatchException(IReadOnlyList<int> ranks, int worldSize) : Exception(
    $"The pruning masks differ between ranks: rank(s) {string.Join(", ", ranks)} of {worldSize} disagree with rank 0. " +
    "Every rank must draw its masks from the same configuration and seed: launch all ranks with the same command line, " +
    "settings and build.")
{
    public IReadOnlyList<int> Ranks { get; } = ranks;
}
