using static SparseDsl.Torch.torch.nn.init;

namespace SparseDsl.Torch.Tests;

// Statistical checks use tensors of ~70k elements: the sample standard deviation is then within 0.3% (1σ)
// of the true one, so the 2% tolerance only fails when the scale is actually wrong.
public class InitTests
{
    private static (double mean, double std, double maxAbs) Stats(Tensor t)
    {
        var v = t.data<float>();
        var mean = v.Average(x => (double)x);
        var std = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return (mean, std, v.Max(x => Math.Abs((double)x)));
    }

    [Fact]
    public void Kaiming_normal_fan_out_relu_has_std_sqrt_2_over_fan_out()
    {
        using var w = empty(128, 64, 3, 3);
        Assert.Same(w, kaiming_normal_(w, mode: FanInOut.FanOut, nonlinearity: NonlinearityType.ReLU));
        var (mean, std, _) = Stats(w);
        var expected = Math.Sqrt(2.0 / (128 * 9));
        Assert.InRange(std, expected * 0.98, expected * 1.02);
        Assert.InRange(mean, -0.02 * expected, 0.02 * expected);
    }

    [Fact]
    public void Kaiming_uniform_with_a_sqrt5_is_bounded_by_one_over_sqrt_fan_in()
    {
        // PyTorch's default layer init: gain = sqrt(2 / (1 + 5)), bound = gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in).
        using var w = empty(256, 288);
        kaiming_uniform_(w, a: Math.Sqrt(5));
        var (_, std, maxAbs) = Stats(w);
        var bound = 1 / Math.Sqrt(288);
        Assert.True(maxAbs <= bound, $"max |w| {maxAbs} exceeds {bound}");
        Assert.True(maxAbs > 0.99 * bound, $"max |w| {maxAbs} far below {bound}");
        Assert.InRange(std, bound / Math.Sqrt(3) * 0.98, bound / Math.Sqrt(3) * 1.02);
    }

    [Fact]
    public void Xavier_initialisers_scale_with_fan_in_plus_fan_out()
    {
        using var n = empty(300, 200);
        using var u = empty(300, 200);
        xavier_normal_(n, gain: 2);
        xavier_uniform_(u);
        var expectedStd = 2 * Math.Sqrt(2.0 / 500);
        Assert.InRange(Stats(n).std, expectedStd * 0.98, expectedStd * 1.02);
        var bound = Math.Sqrt(6.0 / 500);
        var (_, std, maxAbs) = Stats(u);
        Assert.True(maxAbs <= bound && maxAbs > 0.99 * bound, $"max |u| {maxAbs}, bound {bound}");
        Assert.InRange(std, bound / Math.Sqrt(3) * 0.98, bound / Math.Sqrt(3) * 1.02);
    }

    [Fact]
    public void Normal_and_uniform_have_the_requested_moments_and_range()
    {
        using var n = empty(70000);
        using var u = empty(70000);
        normal_(n, mean: 3, std: 0.5);
        uniform_(u, -2, 6);
        var (mean, std, _) = Stats(n);
        Assert.InRange(mean, 2.99, 3.01);
        Assert.InRange(std, 0.49, 0.51);
        var values = u.data<float>();
        Assert.All(values, v => Assert.InRange(v, -2f, 6f));
        Assert.InRange(values.Average(), 1.95, 2.05);
    }

    [Fact]
    public void Constant_zeros_and_ones_fill_exactly()
    {
        using var t = empty(2, 3);
        Assert.All(constant_(t, 0.25).data<float>(), v => Assert.Equal(0.25f, v));
        Assert.All(zeros_(t).data<float>(), v => Assert.Equal(0f, v));
        Assert.All(ones_(t).data<float>(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Initialisers_work_on_parameters_without_recording_the_graph()
    {
        // In-place ops on a leaf that requires grad fail unless run without grad recording.
        using var data = zeros(4, 4);
        using var p = new nn.Parameter(data);
        kaiming_normal_(p);
        uniform_(p);
        constant_(p, 2);
        Assert.True(p.requires_grad);
        Assert.All(p.data<float>(), v => Assert.Equal(2f, v));
        Assert.True(is_grad_enabled());
    }

    [Fact]
    public void Gain_and_fans_follow_pytorch()
    {
        Assert.Equal(Math.Sqrt(2), calculate_gain(NonlinearityType.ReLU), 12);
        Assert.Equal(1.0, calculate_gain(NonlinearityType.Conv2D), 12);
        Assert.Equal(5.0 / 3, calculate_gain(NonlinearityType.Tanh), 12);
        Assert.Equal(Math.Sqrt(2 / (1 + 0.2 * 0.2)), calculate_gain(NonlinearityType.LeakyReLU, 0.2), 12);
        using var w = empty(8, 4, 3, 3);
        Assert.Equal((36L, 72L), calculate_fan_in_and_fan_out(w));
    }

    [Fact]
    public void Fans_of_a_vector_are_a_torch_exception()
    {
        using var v = empty(5);
        Assert.Throws<TorchException>(() => kaiming_uniform_(v));
    }
}
