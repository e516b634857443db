using SparseDsl.Torch.Modules;
using F = SparseDsl.Torch.torch.nn.functional;

namespace SparseDsl.Torch.Tests;

// Reference values were computed once with PyTorch 1.13 (/usr/bin/python3, torch.nn) on the same inputs (see FunctionalTests.Seq).
public class ModuleTests
{
    private static void AssertClose(float[] expected, Tensor actual)
    {
        var values = actual.data<float>();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - values[i]) <= 1e-5f, $"element {i}: expected {expected[i]}, got {values[i]}");
    }

    [Fact]
    public void Linear_registers_weight_and_bias_initialised_as_pytorch_and_computes_x_wt_plus_b()
    {
        using var scope = NewDisposeScope();
        using var layer = nn.Linear(9, 4);
        Assert.Equal(["weight", "bias"], layer.named_parameters().Select(p => p.name));
        Assert.Equal([4L, 9L], layer.weight.shape);
        Assert.Equal([4L], layer.bias!.shape);
        Assert.True(layer.weight.requires_grad);
        var bound = 1 / 3f; // 1 / sqrt(in_features)
        Assert.All(layer.weight.data<float>(), v => Assert.InRange(v, -bound, bound));
        Assert.All(layer.bias.data<float>(), v => Assert.InRange(v, -bound, bound));
        var x = tensor(FunctionalTests.Seq(18, 5, 7, 3, 4), [2, 9]);
        Assert.Equal(F.linear(x, layer.weight, layer.bias).data<float>(), layer.call(x).data<float>());
        Assert.Equal(9, layer.in_features);
        Assert.Equal(4, layer.out_features);
    }

    [Fact]
    public void Linear_without_bias_has_only_a_weight()
    {
        using var layer = nn.Linear(3, 2, bias: false);
        Assert.Null(layer.bias);
        Assert.Equal(["weight"], layer.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Conv2d_has_pytorch_shapes_and_hyper_parameters_and_uses_them_in_forward()
    {
        using var scope = NewDisposeScope();
        using var conv = nn.Conv2d(4, 6, kernel_size: 3, stride: 2, padding: 1, groups: 2);
        Assert.Equal([6L, 2L, 3L, 3L], conv.weight.shape);
        Assert.Equal([6L], conv.bias!.shape);
        Assert.Equal((4L, 6L, 3L, 2L, 1L, 1L, 2L),
            (conv.in_channels, conv.out_channels, conv.kernel_size, conv.stride, conv.padding, conv.dilation, conv.groups));
        var bound = 1 / Math.Sqrt(2 * 3 * 3); // fan_in = in_channels / groups * k²
        Assert.All(conv.weight.data<float>(), v => Assert.InRange(v, -bound, bound));
        Assert.All(conv.bias.data<float>(), v => Assert.InRange(v, -bound, bound));
        var x = tensor(FunctionalTests.Seq(100, 7, 13, 6, 4), [1, 4, 5, 5]);
        var y = conv.call(x);
        Assert.Equal([1L, 6L, 3L, 3L], y.shape);
        Assert.Equal(F.conv2d(x, conv.weight, conv.bias, 2, 1, 1, 2).data<float>(), y.data<float>());
        Assert.Throws<ArgumentException>(() => nn.Conv2d(3, 4, 3, groups: 2));
    }

    [Fact]
    public void Conv2d_weight_can_be_replaced_and_is_then_registered()
    {
        using var scope = NewDisposeScope();
        using var conv = nn.Conv2d(2, 3, 3);
        var old = conv.weight;
        conv.weight = new nn.Parameter(tensor(FunctionalTests.Seq(54, 5, 11, 5, 10), [3, 2, 3, 3]));
        old.Dispose();
        conv.bias = new nn.Parameter(tensor(new[] { 0.1f, -0.2f, 0.3f }));
        Assert.Same(conv.weight, conv.named_parameters().Single(p => p.name == "weight").parameter);
        var x = tensor(FunctionalTests.Seq(50, 7, 13, 6, 4), [1, 2, 5, 5]);
        var expected = F.conv2d(x, conv.weight, conv.bias, 1).data<float>();
        Assert.Equal(expected, conv.call(x).data<float>());
    }

    private static Tensor BatchNormInput() => tensor(FunctionalTests.Seq(24, 7, 10, 4, 2), [2, 3, 2, 2]);

    [Fact]
    public void BatchNorm2d_training_forward_updates_running_statistics_and_counts_the_batch()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm2d(3);
        Assert.Equal(["weight", "bias"], bn.named_parameters().Select(p => p.name));
        Assert.Equal(["running_mean", "running_var", "num_batches_tracked"], bn.named_buffers().Select(b => b.name));
        Assert.Equal(ScalarType.Int64, bn.num_batches_tracked!.dtype);
        var y = bn.call(BatchNormInput());
        AssertClose([
            -1.375044f, 1.191705f, 0.091670f, -1.008366f, 0.898024f, -0.179605f, -1.257234f, 1.257234f,
            0.898024f, -0.179605f, -1.257234f, 1.257234f, 0.091670f, -1.008366f, 1.558383f, 0.458348f,
            -1.257234f, 1.257234f, 0.179605f, -0.898024f, -1.257234f, 1.257234f, 0.179605f, -0.898024f], y);
        AssertClose([-0.0125f, 0.075f, -0.025f], bn.running_mean!);
        AssertClose([1.1125f, 1.121428f, 1.121428f], bn.running_var!);
        Assert.Equal(1L, bn.num_batches_tracked.item<long>());
    }

    [Fact]
    public void BatchNorm2d_in_eval_mode_uses_running_statistics_and_leaves_them_alone()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm2d(3);
        bn.call(BatchNormInput());
        bn.eval();
        var y = bn.call(BatchNormInput());
        AssertClose([
            -1.884322f, 1.433981f, 0.011851f, -1.410279f, 1.817787f, 0.401330f, -1.015128f, 2.289939f,
            0.967912f, -0.448545f, -1.865002f, 1.440065f, 0.011851f, -1.410279f, 1.908024f, 0.485894f,
            -1.015128f, 2.289939f, 0.873482f, -0.542975f, -1.865002f, 1.440065f, 0.023608f, -1.392850f], y);
        AssertClose([-0.0125f, 0.075f, -0.025f], bn.running_mean!);
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void BatchNorm2d_rejects_input_of_the_wrong_rank()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm2d(3);
        var error = Assert.Throws<TorchException>(() => bn.call(zeros(2, 3, 4)));
        Assert.Contains("expected 4D input (got 3D input)", error.Message);
        Assert.Equal(0L, bn.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void BatchNorm1d_normalises_n_by_c_input_as_pytorch()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm1d(2);
        var y = bn.call(tensor(FunctionalTests.Seq(8, 3, 7, 3, 2), [4, 2]));
        AssertClose([-1.646458f, 1.341619f, 0.987875f, 0.447206f, 0.548819f, -0.447206f, 0.109764f, -1.341619f], y);
        AssertClose([0.0375f, -0.075f], bn.running_mean!);
        AssertClose([1.072917f, 0.941667f], bn.running_var!);
    }

    [Fact]
    public void BatchNorm_without_running_statistics_always_uses_the_batch()
    {
        using var scope = NewDisposeScope();
        using var bn = nn.BatchNorm2d(3, affine: false, track_running_stats: false);
        Assert.Empty(bn.named_parameters());
        Assert.Empty(bn.named_buffers());
        bn.eval();
        AssertClose(F.batch_norm(BatchNormInput(), null, null, training: true).data<float>(), bn.call(BatchNormInput()));
    }

    [Fact]
    public void Dropout_module_follows_training_mode()
    {
        using var scope = NewDisposeScope();
        using var dropout = nn.Dropout(0.5);
        var x = ones(1000);
        Assert.Contains(0f, dropout.call(x).data<float>());
        dropout.eval();
        Assert.All(dropout.call(x).data<float>(), v => Assert.Equal(1f, v));
        Assert.Throws<ArgumentOutOfRangeException>(() => nn.Dropout(-0.1));
    }

    [Fact]
    public void Pooling_activation_and_flatten_modules_match_their_functions()
    {
        using var scope = NewDisposeScope();
        var x = tensor(FunctionalTests.Seq(32, 7, 13, 6, 4), [1, 2, 4, 4]);
        Assert.Equal(F.max_pool2d(x, 3, 1, 1).data<float>(), nn.MaxPool2d(3, 1, 1).call(x).data<float>());
        Assert.Equal(F.avg_pool2d(x, 2).data<float>(), nn.AvgPool2d(2).call(x).data<float>());
        Assert.Equal(F.adaptive_avg_pool2d(x, 1).data<float>(), nn.AdaptiveAvgPool2d(1).call(x).data<float>());
        Assert.Equal(F.relu(x).data<float>(), nn.ReLU().call(x).data<float>());
        Assert.Equal([1L, 32L], nn.Flatten().call(x).shape);
        Assert.Equal([2L, 4L, 4L], nn.Flatten(0, 1).call(x).shape);
        var copy = tensor(x.data<float>(), [1, 2, 4, 4]);
        Assert.Same(copy, nn.ReLU(inplace: true).call(copy));
        Assert.Equal(F.relu(x).data<float>(), copy.data<float>());
    }

    private static Sequential SmallNet() => nn.Sequential(
        nn.Conv2d(1, 2, 3, padding: 1), nn.BatchNorm2d(2), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2, 3));

    [Fact]
    public void Sequential_names_children_by_position_like_pytorch()
    {
        using var net = SmallNet();
        Assert.Equal(["0.weight", "0.bias", "1.weight", "1.bias", "5.weight", "5.bias"], net.named_parameters().Select(p => p.name));
        Assert.Equal(["1.running_mean", "1.running_var", "1.num_batches_tracked"], net.named_buffers().Select(b => b.name));
        Assert.Equal(6, net.Count);
        Assert.IsType<BatchNorm2d>(net[1]);
    }

    [Fact]
    public void Sequential_with_names_registers_them_and_refuses_duplicates()
    {
        using var net = nn.Sequential(("features", nn.Conv2d(1, 2, 3)), ("act", nn.ReLU()));
        Assert.Equal(["features.weight", "features.bias"], net.named_parameters().Select(p => p.name));
        Assert.Equal(["features", "act"], net.named_children().Select(c => c.name));
        using var relu = nn.ReLU();
        Assert.Throws<ArgumentException>(() => net.append("act", relu));
    }

    [Fact]
    public void Sequential_chains_its_layers_and_propagates_training_mode()
    {
        using var scope = NewDisposeScope();
        using var net = SmallNet();
        var y = net.call(tensor(FunctionalTests.Seq(50, 7, 13, 6, 4), [2, 1, 5, 5]));
        Assert.Equal([2L, 3L], y.shape);
        Assert.Equal(1L, ((BatchNorm2d)net[1]).num_batches_tracked!.item<long>());
        net.eval();
        Assert.False(net[1].training);
        net.call(tensor(FunctionalTests.Seq(50, 7, 13, 6, 4), [2, 1, 5, 5]));
        Assert.Equal(1L, ((BatchNorm2d)net[1]).num_batches_tracked!.item<long>());
    }

    [Fact]
    public void To_cpu_keeps_module_parameter_and_buffer_identity()
    {
        using var net = SmallNet();
        var parameters = net.parameters().ToList();
        var buffers = net.named_buffers().Select(b => b.buffer).ToList();
        Assert.Same(net, net.to(CPU));
        Assert.Equal(parameters, net.parameters());
        Assert.Equal(buffers, net.named_buffers().Select(b => b.buffer));
        Assert.All(parameters, p => Assert.Equal(DeviceType.CPU, p.device.type));
    }

    [Fact]
    public void Layers_can_be_subclassed_to_change_the_forward_pass()
    {
        using var scope = NewDisposeScope();
        using var layer = new HalvedLinear();
        var x = ones(1, 2);
        var full = F.linear(x, layer.weight, layer.bias).data<float>();
        Assert.Equal(full.Select(v => v / 2), layer.call(x).data<float>());
    }

    private sealed class HalvedLinear() : Linear(2, 2)
    {
        public override Tensor forward(Tensor input)
        {
            using var y = base.forward(input);
            using var half = tensor(new[] { 0.5f, 0f, 0f, 0.5f }, [2, 2]);
            return F.linear(y, half);
        }
    }
}
