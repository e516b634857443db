using F = SparseDsl.Torch.torch.nn.functional;

namespace SparseDsl.Torch.Tests;

// Expected values were computed once with PyTorch 1.13 (/usr/bin/python3, torch.nn.functional) on the same inputs;
// Seq reproduces the inputs' Python formula [((i * a) % m - off) / div for i in range(n)].
public class FunctionalTests
{
    internal static float[] Seq(int n, int a, int m, int off, float div) =>
        Enumerable.Range(0, n).Select(i => ((i * a) % m - off) / div).ToArray();

    private static void AssertClose(float[] expected, Tensor actual, float tolerance = 1e-5f)
    {
        var values = actual.data<float>();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {values[i]}");
    }

    [Fact]
    public void Linear_matches_pytorch_with_and_without_bias()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 3, -1, 0.5f, 2 }, [2, 3]);
        var w = tensor(Seq(12, 5, 7, 3, 4), [4, 3]);
        var b = tensor(new float[] { 0.5f, -1, 0, 2 });
        var y = F.linear(x, w, b);
        Assert.Equal([2L, 4L], y.shape);
        AssertClose([0.75f, 0.75f, -0.25f, 3.25f, 1.5f, 0.375f, 0.875f, 3.25f], y);
        AssertClose([0.25f, 1.75f, -0.25f, 1.25f, 1f, 1.375f, 0.875f, 1.25f], F.linear(x, w));
    }

    [Fact]
    public void Conv2d_with_scalar_stride_and_padding_matches_pytorch()
    {
        using var scope = NewDisposeScope();
        var x = tensor(Seq(50, 7, 13, 6, 4), [1, 2, 5, 5]);
        var w = tensor(Seq(54, 5, 11, 5, 10), [3, 2, 3, 3]);
        var b = tensor(new[] { 0.1f, -0.2f, 0.3f });
        var y = F.conv2d(x, w, b, stride: 2, padding: 1);
        Assert.Equal([1L, 3L, 3L, 3L], y.shape);
        AssertClose([
            -0.35f, -0.15f, -0.125f, -0.45f, -0.05f, -0.7f, 1.025f, 1.5f, 0.7f,
            0.4f, -0.625f, -0.975f, -0.975f, 0.025f, 1.125f, -0.3f, -0.3f, -0.575f,
            0.3f, -0.3f, 0.075f, 0.4f, 0.35f, 0.45f, 0f, 0.35f, 0.325f], y);
    }

    [Fact]
    public void Conv2d_with_per_dimension_stride_padding_dilation_and_groups_matches_pytorch()
    {
        using var scope = NewDisposeScope();
        var x = tensor(Seq(32, 7, 13, 6, 4), [1, 2, 4, 4]);
        var w = tensor(Seq(16, 3, 5, 2, 2), [4, 1, 2, 2]);
        var y = F.conv2d(x, w, null, strides: [1, 2], padding: [1, 0], dilation: [2, 1], groups: 2);
        Assert.Equal([1L, 4L, 4L, 2L], y.shape);
        AssertClose([
            1.25f, 1.375f, 3.125f, 3.125f, -0.125f, -0.125f, 1.125f, 1f,
            -0.875f, -0.875f, -1.125f, -1.375f, 0f, -0.25f, -1.25f, -1.5f,
            -1.25f, -1.375f, -1f, 2.375f, 2.5f, 2.625f, 1.5f, -1.5f,
            0.5f, 0.25f, -1.25f, -1.375f, -1.5f, -1.625f, -0.75f, 1f], y);
    }

    [Fact]
    public void Conv2d_shape_error_surfaces_libtorchs_message()
    {
        using var scope = NewDisposeScope();
        var x = zeros(1, 2, 5, 5);
        var w = zeros(4, 3, 3, 3);
        var error = Assert.Throws<TorchException>(() => F.conv2d(x, w));
        Assert.Contains("expected input[1, 2, 5, 5] to have 3 channels, but got 2 channels instead", error.Message);
    }

    [Fact]
    public void Batch_norm_in_training_normalises_with_batch_statistics_and_updates_running_ones()
    {
        using var scope = NewDisposeScope();
        var x = tensor(Seq(12, 5, 9, 4, 3), [4, 3]);
        var runningMean = zeros(3);
        var runningVar = ones(3);
        var weight = tensor(new[] { 1f, 2f, 0.5f });
        var bias = tensor(new[] { 0f, 1f, -1f });
        var y = F.batch_norm(x, runningMean, runningVar, weight, bias, training: true, momentum: 0.1, eps: 1e-5);
        AssertClose([
            -0.904527f, 1f, -1.452264f, 1.507546f, -1.828399f, -0.246227f,
            0.301509f, 3.828399f, -0.849245f, -0.904527f, 1f, -1.452264f], y);
        AssertClose([-0.058333f, 0.033333f, -0.025f], runningMean);
        AssertClose([0.991667f, 0.966667f, 0.991667f], runningVar);
    }

    [Fact]
    public void Batch_norm_in_evaluation_uses_the_running_statistics()
    {
        using var scope = NewDisposeScope();
        var x = tensor(Seq(12, 5, 9, 4, 3), [4, 3]);
        var y = F.batch_norm(x, tensor(new[] { 0.5f, -0.5f, 1f }), tensor(new[] { 4f, 1f, 0.25f }),
            tensor(new[] { 1f, 2f, 0.5f }), tensor(new[] { 0f, 1f, -1f }));
        AssertClose([
            -0.916666f, 2.666658f, -2.99996f, 0.083333f, 0.666668f, -1f,
            -0.416666f, 4.666648f, -1.99998f, -0.916666f, 2.666658f, -2.99996f], y);
    }

    private static Tensor PoolInput() =>
        tensor(Enumerable.Range(0, 16).Select(i => (float)(i * 7 % 16)).ToArray(), [1, 1, 4, 4]);

    [Fact]
    public void Max_pool2d_matches_pytorch()
    {
        using var scope = NewDisposeScope();
        var x = PoolInput();
        AssertClose([12, 14, 15, 13], F.max_pool2d(x, 2));
        AssertClose([12, 14, 14, 14, 15, 15, 15, 14, 15, 15, 15, 13, 15, 15, 15, 13], F.max_pool2d(x, 3, stride: 1, padding: 1));
        var rect = F.max_pool2d(x, [2, 1], [2, 1]);
        Assert.Equal([1L, 1L, 2L, 4L], rect.shape);
        AssertClose([12, 7, 14, 5, 8, 15, 6, 13], rect);
    }

    [Fact]
    public void Avg_pool2d_matches_pytorch_with_and_without_counting_padding()
    {
        using var scope = NewDisposeScope();
        var x = PoolInput();
        AssertClose([5.5f, 7.5f, 9.5f, 7.5f], F.avg_pool2d(x, 2));
        AssertClose([2.444444f, 4.444445f, 5.888889f, 7.777778f], F.avg_pool2d(x, 3, stride: 2, padding: 1));
        AssertClose([5.5f, 6.666667f, 8.833333f, 7.777778f], F.avg_pool2d(x, 3, stride: 2, padding: 1, count_include_pad: false));
        AssertClose([22f, 30f, 38f, 30f], F.avg_pool2d(x, 2, divisor_override: 1));
        Assert.Throws<TorchException>(() => F.avg_pool2d(x, 2, divisor_override: 0));
    }

    [Fact]
    public void Adaptive_avg_pool2d_matches_pytorch_for_square_and_rectangular_outputs()
    {
        using var scope = NewDisposeScope();
        var x = PoolInput();
        AssertClose([5.5f, 8.5f, 7.5f, 9.5f, 8.5f, 7.5f, 9.5f, 8.5f, 7.5f], F.adaptive_avg_pool2d(x, 3));
        var rect = F.adaptive_avg_pool2d(x, [1, 2]);
        Assert.Equal([1L, 1L, 1L, 2L], rect.shape);
        AssertClose([7.5f, 7.5f], rect);
    }

    [Fact]
    public void Softmax_and_log_softmax_match_pytorch()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 1, 2, 3, 1, 1, 1 }, [2, 3]);
        AssertClose([0.090031f, 0.244728f, 0.665241f, 0.333333f, 0.333333f, 0.333333f], F.softmax(x, 1));
        AssertClose([0.5f, 0.731059f, 0.880797f, 0.5f, 0.268941f, 0.119203f], F.softmax(x, 0));
        AssertClose([-2.407606f, -1.407606f, -0.407606f, -1.098612f, -1.098612f, -1.098612f], F.log_softmax(x, -1));
        var asDouble = F.softmax(x, 1, float64);
        Assert.Equal(ScalarType.Float64, asDouble.dtype);
    }

    [Fact]
    public void Relu_makes_a_new_tensor_and_relu__overwrites_its_input()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { -1f, 0f, 2f, -3f });
        var y = F.relu(x);
        Assert.NotSame(x, y);
        Assert.Equal(new[] { 0f, 0f, 2f, 0f }, y.data<float>());
        Assert.Equal(new[] { -1f, 0f, 2f, -3f }, x.data<float>());
        Assert.Same(x, F.relu_(x));
        Assert.Equal(new[] { 0f, 0f, 2f, 0f }, x.data<float>());
    }

    [Fact]
    public void Dropout_is_the_identity_outside_training_and_zeroes_or_rescales_in_training()
    {
        using var scope = NewDisposeScope();
        var x = ones(1000);
        Assert.All(F.dropout(x, 0.5, training: false).data<float>(), v => Assert.Equal(1f, v));
        var dropped = F.dropout(x, 0.5, training: true).data<float>();
        Assert.All(dropped, v => Assert.True(v == 0f || v == 2f, $"unexpected value {v}"));
        var zeroed = dropped.Count(v => v == 0f);
        Assert.InRange(zeroed, 400, 600);
        Assert.All(F.dropout(x, 1.0).data<float>(), v => Assert.Equal(0f, v));
        Assert.Throws<TorchException>(() => F.dropout(x, 1.5));
    }
}
