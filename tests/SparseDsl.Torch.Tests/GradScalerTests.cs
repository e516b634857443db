using SparseDsl.Torch.Amp;

namespace SparseDsl.Torch.Tests;

/// <summary>GradScaler against PyTorch's documented torch.cuda.amp.GradScaler semantics, on hand-computed cases.</summary>
public class GradScalerTests
{
    private static (nn.Parameter p, Optim.SGD sgd) Setup(float[] start)
    {
        using var data = tensor(start);
        var p = new nn.Parameter(data);
        return (p, optim.SGD([p], lr: 1.0));
    }

    /// <summary>loss = sum(p * c) scaled: each gradient is scale · c before unscaling.</summary>
    private static void Backward(GradScaler scaler, nn.Parameter p, float[] c)
    {
        using var scope = NewDisposeScope();
        p.clear_grad();
        scaler.scale(p.mul(tensor(c)).sum()).backward();
    }

    [Fact]
    public void Step_divides_the_gradients_by_the_scale_before_the_optimizer_uses_them()
    {
        var (p, sgd) = Setup([1f, 2f]);
        using var _ = sgd;
        var scaler = new GradScaler(init_scale: 4);
        Backward(scaler, p, [3f, -0.5f]);
        using (var g = p.grad!) Assert.Equal([12f, -2f], g.data<float>());
        Assert.True(scaler.step(sgd));
        using (var g = p.grad!) Assert.Equal([3f, -0.5f], g.data<float>());
        Assert.Equal([-2f, 2.5f], p.data<float>());
        scaler.update();
        Assert.Equal(4, scaler.Scale);
        Assert.Equal(1, scaler.GrowthTracker);
        p.Dispose();
    }

    [Theory]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NaN)]
    public void A_non_finite_gradient_skips_the_step_and_halves_the_scale(float bad)
    {
        var (p, sgd) = Setup([1f, 2f]);
        using var _ = sgd;
        var scaler = new GradScaler(init_scale: 8, growth_interval: 3);
        Backward(scaler, p, [1f, 1f]);
        scaler.step(sgd);
        scaler.update();
        Assert.Equal(1, scaler.GrowthTracker);
        var before = p.data<float>();
        Backward(scaler, p, [bad, 1f]);
        Assert.False(scaler.step(sgd));
        Assert.True(scaler.LastStepSkipped);
        Assert.Equal(before, p.data<float>());
        scaler.update();
        Assert.Equal(4, scaler.Scale);
        Assert.Equal(0, scaler.GrowthTracker);
        p.Dispose();
    }

    [Fact]
    public void The_scale_grows_after_growth_interval_clean_steps_in_a_row()
    {
        var (p, sgd) = Setup([0f]);
        using var _ = sgd;
        var scaler = new GradScaler(init_scale: 2, growth_factor: 3, growth_interval: 2);
        double[] scales = new double[5];
        for (var i = 0; i < scales.Length; i++)
        {
            Backward(scaler, p, [0.5f]);
            scaler.step(sgd);
            scaler.update();
            scales[i] = scaler.Scale;
        }
        Assert.Equal([2, 6, 6, 18, 18], scales);
        p.Dispose();
    }

    [Fact]
    public void Unscaling_twice_or_updating_without_a_step_is_an_error()
    {
        var (p, sgd) = Setup([1f]);
        using var _ = sgd;
        var scaler = new GradScaler();
        Assert.Throws<InvalidOperationException>(scaler.update);
        Backward(scaler, p, [1f]);
        scaler.unscale_(sgd);
        Assert.Throws<InvalidOperationException>(() => scaler.unscale_(sgd));
        p.Dispose();
    }

    [Fact]
    public void A_disabled_scaler_passes_the_loss_and_the_step_through()
    {
        var (p, sgd) = Setup([1f]);
        using var _ = sgd;
        var scaler = new GradScaler(enabled: false);
        Backward(scaler, p, [2f]);
        using (var g = p.grad!) Assert.Equal([2f], g.data<float>());
        Assert.True(scaler.step(sgd));
        scaler.update();
        Assert.Equal([-1f], p.data<float>());
        p.Dispose();
    }
}
