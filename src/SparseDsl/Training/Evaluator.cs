using SparseDsl.Data;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Training;

/// <summary>Mean cross-entropy and top-1 accuracy of a model on a dataset, in eval mode and without gradients.</summary>
public static class Evaluator
{
    public static Score Evaluate(nn.Module<Tensor, Tensor> model, IBatchSource data, int batchSize = 512)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = torch.no_grad();
            var lossSum = torch.zeros([1], ScalarType.Float64, data.Device);
            var correct = torch.zeros([1], ScalarType.Int64, data.Device);
            foreach (var (input, target) in data.Epoch(batchSize, shuffle: false, seed: 0, epoch: 0))
            {
                using var step = NewDisposeScope();
                using var x = input;
                using var y = target;
                var output = model.forward(x);
                var loss = nn.functional.cross_entropy(output, y, reduction: nn.Reduction.Sum);
                lossSum.add_(loss);
                correct.add_(output.argmax(1).eq(y).sum());
            }
            // One host synchronisation per evaluation, not per batch.
            var n = data.Count;
            return new Score(lossSum.item<double>() / n, (double)correct.item<long>() / n, n);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
