namespace SparseDsl.Models.Tests;

/// <summary>Tests that read the process-wide tensor count run alone, never beside other tests.</summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection;

/// <summary>The generated forward makes no tensor it does not need: ReLUs and residual additions work in place where autograd allows.</summary>
[Collection(nameof(SerialCollection))]
public class AllocationTests
{
    [Fact]
    public void Forward_allocates_one_tensor_per_convolution_and_batch_norm()
    {
        using var block = new BasicBlockModule(8, 16, 2);
        using var scope = NewDisposeScope();
        var x = randn(2, 8, 8, 8);
        var before = LiveTensorHandles;
        block.forward(x);
        // conv1, bn1, conv2, bn2, shortcut.conv, shortcut.bn: 6 new tensors; both ReLUs and the addition work in place.
        Assert.Equal(6, LiveTensorHandles - before);
    }
}
