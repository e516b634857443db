using F = SparseDsl.Torch.torch.nn.functional;
using Reduction = SparseDsl.Torch.torch.nn.Reduction;

namespace SparseDsl.Torch.Tests;

// Expected values were computed once with PyTorch 1.13 (/usr/bin/python3, torch.nn.functional) on the same inputs:
// logits = [((i * 5) % 11 - 5) / 3 for i in range(12)] as [3, 4], targets [0, 3, 1].
public class LossTests
{
    private static Tensor Logits() => tensor(FunctionalTests.Seq(12, 5, 11, 5, 3), [3, 4]);
    private static Tensor Targets() => tensor(new long[] { 0, 3, 1 });

    private static void AssertClose(float[] expected, Tensor actual)
    {
        var values = actual.data<float>();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - values[i]) <= 1e-5f, $"element {i}: expected {expected[i]}, got {values[i]}");
    }

    [Fact]
    public void Cross_entropy_matches_pytorch_for_each_reduction()
    {
        using var scope = NewDisposeScope();
        var x = Logits();
        var t = Targets();
        var mean = F.cross_entropy(x, t);
        Assert.Empty(mean.shape);
        AssertClose([3.102844f], mean);
        AssertClose([3.640733f, 3.000567f, 2.667233f], F.cross_entropy(x, t, reduction: Reduction.None));
    }

    [Fact]
    public void Cross_entropy_with_label_smoothing_matches_pytorch()
    {
        using var scope = NewDisposeScope();
        var x = Logits();
        var t = Targets();
        AssertClose([2.9834f], F.cross_entropy(x, t, label_smoothing: 0.1));
        AssertClose([8.9502f], F.cross_entropy(x, t, reduction: Reduction.Sum, label_smoothing: 0.1));
        var classWeight = tensor(new[] { 1f, 2f, 0.5f, 1f });
        AssertClose([2.758342f], F.cross_entropy(x, t, classWeight, label_smoothing: 0.2));
    }

    [Fact]
    public void Cross_entropy_skips_ignored_targets()
    {
        using var scope = NewDisposeScope();
        AssertClose([3.153983f], F.cross_entropy(Logits(), tensor(new long[] { 0, -100, 1 })));
    }

    [Fact]
    public void Nll_loss_of_log_softmax_is_cross_entropy()
    {
        using var scope = NewDisposeScope();
        var x = Logits();
        var t = Targets();
        var logProbabilities = F.log_softmax(x, 1);
        AssertClose([3.102844f], F.nll_loss(logProbabilities, t));
        AssertClose([2.993942f], F.nll_loss(logProbabilities, t, tensor(new[] { 1f, 2f, 0.5f, 1f })));
    }

    [Fact]
    public void Out_of_range_target_is_a_torch_exception()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => F.cross_entropy(Logits(), tensor(new long[] { 0, 7, 1 })));
        Assert.Contains("out of bounds", error.Message);
    }
}
