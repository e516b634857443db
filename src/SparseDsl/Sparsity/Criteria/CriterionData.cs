using SparseDsl.Data;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Sparsity.Criteria;

/// <summary>The samples the data-driven criteria score on, drawn from shuffled training data as the official code does.</summary>
public static class CriterionData
{
    /// <summary>SNIP's one batch: the first batch of a shuffled epoch (<c>next(iter(train_loader))</c>).</summary>
    public static (Tensor Inputs, Tensor Targets) FirstBatch(IBatchSource data, int batchSize, long seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("The training data is empty.", nameof(data));
        return data.Epoch(batchSize, shuffle: true, seed, epoch: 0).First();
    }

    /// <summary>
    /// GraSP's samples: shuffled batches are read until every class of the dataset has <paramref name="samplesPerClass"/>
    /// samples or the data ends (then a class has what there is), keeping up to that many of each class.
    /// </summary>
    public static (Tensor Inputs, Tensor Targets) PerClass(IBatchSource data, int samplesPerClass, long seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplesPerClass);
        var taken = new Dictionary<long, int>();
        var inputs = new List<Tensor>();
        var targets = new List<Tensor>();
        foreach (var (x, y) in data.Epoch(256, shuffle: true, seed, epoch: 0))
        {
            // Batches not kept are freed at once: reading far into the data must not hold it all.
            using var batchInputs = x;
            using var batchTargets = y;
            var labels = y.data<long>();
            var chosen = new List<long>();
            for (var i = 0; i < labels.Length; i++)
            {
                taken.TryGetValue(labels[i], out var count);
                if (count >= samplesPerClass) continue;
                taken[labels[i]] = count + 1;
                chosen.Add(i);
            }
            if (chosen.Count > 0)
            {
                using var cpuIndex = torch.tensor(chosen.ToArray());
                using var index = cpuIndex.to(x.device);
                inputs.Add(x.index_select(0, index));
                targets.Add(y.index_select(0, index));
            }
            if (taken.Count >= data.Classes && taken.Values.All(c => c >= samplesPerClass)) break;
        }
        if (inputs.Count == 0) throw new ArgumentException("The training data is empty.", nameof(data));
        return (torch.cat(inputs, 0), torch.cat(targets, 0));
    }
}
