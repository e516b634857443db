using SparseDsl.Torch.Optim;

namespace SparseDsl.Torch.Tests;

public class OptimTests
{
    private static nn.Parameter Param(float[] values, long[]? shape = null)
    {
        using var data = tensor(values, shape);
        return new nn.Parameter(data);
    }

    /// <summary>Gives a leaf parameter exactly this gradient (after zero_grad, backward on a leaf accumulates it as is).</summary>
    private static void SetGrad(nn.Parameter p, float[] gradient)
    {
        using var g = tensor(gradient, p.shape);
        p.backward(g);
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

    // Reference values from PyTorch 1.13 (/usr/bin/python3), printed as float32 with numpy's shortest repr:
    //   grads = [[0.5, -1.0, 0.25, 2.0], [0.3, 0.1, -0.7, 1.5], [-0.2, 0.4, 0.6, -1.1]]
    //   p = torch.nn.Parameter(torch.tensor([1.0, -2.0, 3.0, 0.5]).reshape(2, 2))
    //   opt = torch.optim.SGD([p], lr=0.1, momentum=m, dampening=d, weight_decay=wd, nesterov=n)
    //   for g in grads: p.grad = torch.tensor(g).reshape(2, 2); opt.step()
    //   print(p, opt.state[p].get('momentum_buffer'))
    [Theory]
    [InlineData(0.0, 0.0, 0.0, false, new[] { 0.93999994f, -1.9499999f, 2.985f, 0.26000002f }, null)]
    [InlineData(0.9, 0.0, 0.0, false, new[] { 0.8275f, -1.788f, 3.0052497f, -0.21699996f }, new[] { 0.47499996f, -0.3199999f, 0.17250004f, 1.8699998f })]
    [InlineData(0.9, 0.5, 0.0, false, new[] { 0.84599996f, -1.7585f, 2.96875f, -0.12949997f }, new[] { 0.44000003f, -0.56499994f, 0.18750001f, 1.7449999f })]
    [InlineData(0.9, 0.0, 0.0, true, new[] { 0.7847499f, -1.7591999f, 2.989725f, -0.38529995f }, new[] { 0.47499996f, -0.3199999f, 0.17250004f, 1.8699998f })]
    [InlineData(0.0, 0.0, 0.1, false, new[] { 0.91159403f, -1.892488f, 2.8956945f, 0.25062948f }, null)]
    [InlineData(0.9, 0.0, 0.1, true, new[] { 0.7118416f, -1.6108562f, 2.752437f, -0.3989792f }, new[] { 0.71209663f, -0.80749327f, 0.9689886f, 1.8861799f })]
    public void SGD_matches_pytorch_bit_for_bit(double momentum, double dampening, double weightDecay, bool nesterov, float[] expectedParam, float[]? expectedBuffer)
    {
        float[][] grads = [[0.5f, -1.0f, 0.25f, 2.0f], [0.3f, 0.1f, -0.7f, 1.5f], [-0.2f, 0.4f, 0.6f, -1.1f]];
        using var p = Param([1.0f, -2.0f, 3.0f, 0.5f], [2, 2]);
        using var opt = optim.SGD([p], lr: 0.1, momentum: momentum, dampening: dampening, weight_decay: weightDecay, nesterov: nesterov);
        foreach (var g in grads)
        {
            opt.zero_grad();
            SetGrad(p, g);
            opt.step();
        }
        Assert.Equal(Bits(expectedParam), Bits(p.data<float>()));
        if (expectedBuffer is null) Assert.Null(opt.MomentumBuffers[0]);
        else Assert.Equal(Bits(expectedBuffer), Bits(opt.MomentumBuffers[0]!.data<float>()));
    }

    [Fact]
    public void Parameters_without_a_gradient_are_left_alone()
    {
        using var withGrad = Param([1f, 2f]);
        using var without = Param([3f, 4f]);
        using var opt = optim.SGD([withGrad, without], lr: 0.5, momentum: 0.9);
        SetGrad(withGrad, [1f, -1f]);
        opt.step();
        Assert.Equal(new[] { 0.5f, 2.5f }, withGrad.data<float>());
        Assert.Equal(new[] { 3f, 4f }, without.data<float>());
        Assert.NotNull(opt.MomentumBuffers[0]);
        Assert.Null(opt.MomentumBuffers[1]);
    }

    [Fact]
    public void Zero_grad_drops_gradients_and_a_new_learning_rate_applies_to_the_next_step()
    {
        using var p = Param([1f, 1f]);
        using var opt = optim.SGD([p], lr: 0.1);
        SetGrad(p, [1f, 2f]);
        opt.zero_grad();
        using (var g = p.grad) Assert.Null(g);

        opt.LearningRate = 0.5;
        SetGrad(p, [1f, 2f]);
        opt.step();
        Assert.Equal(new[] { 0.5f, 0f }, p.data<float>());
    }

    [Fact]
    public void Resuming_from_exported_state_continues_bit_for_bit()
    {
        // Gradients that differ per step and element, so a wrong or stale buffer would show.
        static float[] GradAt(int step) => [.. Enumerable.Range(0, 6).Select(i => MathF.Sin(step * 1.7f + i))];
        float[] start = [0.3f, -1.2f, 0.0f, 2.5f, -0.7f, 1.1f];
        SGD Make(nn.Parameter p) => optim.SGD([p], lr: 0.05, momentum: 0.9, weight_decay: 1e-3, nesterov: true);
        void Train(SGD opt, nn.Parameter p, int from, int to)
        {
            for (var s = from; s < to; s++)
            {
                opt.zero_grad();
                SetGrad(p, GradAt(s));
                opt.step();
            }
        }

        using var straight = Param(start, [2, 3]);
        using var straightOpt = Make(straight);
        Train(straightOpt, straight, 0, 5);

        using var first = Param(start, [2, 3]);
        using var firstOpt = Make(first);
        Train(firstOpt, first, 0, 3);
        using var state = firstOpt.state_dict();
        Assert.Equal(["0.momentum_buffer"], state.Tensors.Select(t => t.name));
        Assert.Equal(0.05, state.Hyperparameters["lr"]);
        Assert.Equal(1.0, state.Hyperparameters["nesterov"]);

        using var resumed = Param(first.data<float>(), [2, 3]);
        using var resumedOpt = optim.SGD([resumed], lr: 1.0);
        resumedOpt.load_state_dict(state);
        Train(resumedOpt, resumed, 3, 5);

        Assert.Equal(Bits(straight.data<float>()), Bits(resumed.data<float>()));
        Assert.Equal(Bits(straightOpt.MomentumBuffers[0]!.data<float>()), Bits(resumedOpt.MomentumBuffers[0]!.data<float>()));
    }

    [Fact]
    public void Exported_state_is_a_snapshot_and_load_rejects_foreign_tensors()
    {
        using var p = Param([1f]);
        using var opt = optim.SGD([p], lr: 0.1, momentum: 0.5);
        SetGrad(p, [2f]);
        opt.step();
        using var state = opt.state_dict();
        opt.step();
        Assert.Equal(new[] { 2f }, state.Find("0.momentum_buffer")!.data<float>());
        Assert.Equal(new[] { 3f }, opt.MomentumBuffers[0]!.data<float>());

        using var foreign = new OptimizerState(state.Hyperparameters, [("1.momentum_buffer", ones(1))]);
        Assert.Throws<ArgumentException>(() => opt.load_state_dict(foreign));
        Assert.Equal(new[] { 3f }, opt.MomentumBuffers[0]!.data<float>());
    }

    [Fact]
    public void Loaded_momentum_buffers_drive_the_next_step()
    {
        using var p = Param([1f, 2f]);
        using var opt = optim.SGD([p], lr: 0.1, momentum: 0.9);
        using (var buffer = tensor(new[] { 0.5f, -1f }))
            opt.LoadMomentumBuffers([buffer]);
        SetGrad(p, [1f, 1f]);
        opt.step();
        // buf = 0.9 * [0.5, -1] + [1, 1] = [1.45, 0.1];  p = [1, 2] - 0.1 * buf.
        Assert.Equal(new[] { 1.45f, 0.1f }, opt.MomentumBuffers[0]!.data<float>(), new FloatTolerance(1e-6f));
        Assert.Equal(new[] { 0.855f, 1.99f }, p.data<float>(), new FloatTolerance(1e-6f));

        using var wrongShape = zeros(3);
        Assert.Throws<TorchException>(() => opt.LoadMomentumBuffers([wrongShape]));
        Assert.Equal(new[] { 1.45f, 0.1f }, opt.MomentumBuffers[0]!.data<float>(), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Loaded_momentum_buffers_take_their_parameters_layout()
    {
        // A checkpoint stores state in the logical order; a channels-last parameter must get channels-last state
        // back, or every step after a resume would mix layouts.
        using var scope = NewDisposeScope();
        var values = Enumerable.Range(0, 24).Select(i => (float)i).ToArray();
        using var p = new nn.Parameter(tensor(values, [2, 3, 2, 2]).contiguous(MemoryFormat.ChannelsLast));
        using var opt = optim.SGD([p], lr: 0.1, momentum: 0.9);
        opt.LoadMomentumBuffers([tensor(values.Select(v => -v).ToArray(), [2, 3, 2, 2])]);
        Assert.True(opt.MomentumBuffers[0]!.is_contiguous(MemoryFormat.ChannelsLast));
        Assert.Equal(values.Select(v => -v), opt.MomentumBuffers[0]!.data<float>());
    }

    [Fact]
    public void A_step_keeps_a_channels_last_parameter_and_its_momentum_in_that_layout()
    {
        using var scope = NewDisposeScope();
        using var p = new nn.Parameter(ones(2, 3, 2, 2).contiguous(MemoryFormat.ChannelsLast));
        using var opt = optim.SGD([p], lr: 0.1, momentum: 0.9, nesterov: true, weight_decay: 0.01);
        (p * p).sum().backward();  // gradient 2p, in p's layout
        opt.step();
        Assert.True(p.is_contiguous(MemoryFormat.ChannelsLast));
        Assert.True(opt.MomentumBuffers[0]!.is_contiguous(MemoryFormat.ChannelsLast));
        // buf = 2 + 0.01 = 2.01; nesterov d_p = 2.01 + 0.9 * 2.01 = 3.819; p = 1 - 0.3819.
        Assert.All(p.data<float>(), v => Assert.Equal(0.6181f, v, 1e-6f));
    }

    [Fact]
    public void Masked_zero_weights_stay_exactly_zero_under_momentum_nesterov_and_weight_decay()
    {
        using var masked = Param([0f, 0.5f, 0f, -0.3f], [2, 2]);
        using var dense = Param([0f, 0f]);
        using var mask = tensor(new[] { 0f, 1f, 0f, 1f }, [2, 2]);
        using var opt = optim.SGD([masked, dense], lr: 0.1, momentum: 0.9, weight_decay: 5e-4, nesterov: true);
        opt.SetGradientMasks([mask, null]);
        for (var step = 0; step < 50; step++)
        {
            opt.zero_grad();
            SetGrad(masked, [1f, -0.5f, 0.25f, 2f]);
            SetGrad(dense, [1f, -1f]);
            opt.step();
        }
        var weights = masked.data<float>();
        Assert.Equal(0f, weights[0]);
        Assert.Equal(0f, weights[2]);
        Assert.NotEqual(0.5f, weights[1]);
        Assert.NotEqual(-0.3f, weights[3]);
        var buffer = opt.MomentumBuffers[0]!.data<float>();
        Assert.Equal(0f, buffer[0]);
        Assert.Equal(0f, buffer[2]);
        using (var g = masked.grad) Assert.Equal(new[] { 0f, -0.5f, 0f, 2f }, g!.data<float>());
        Assert.All(dense.data<float>(), w => Assert.NotEqual(0f, w));
    }

    [Fact]
    public void Removing_masks_makes_every_weight_trainable_again()
    {
        using var p = Param([0f, 0f]);
        using var mask = tensor(new[] { 0f, 1f });
        using var opt = optim.SGD([p], lr: 1.0);
        opt.SetGradientMasks([mask]);
        SetGrad(p, [1f, 1f]);
        opt.step();
        Assert.Equal(new[] { 0f, -1f }, p.data<float>());

        opt.SetGradientMasks(null);
        opt.zero_grad();
        SetGrad(p, [1f, 1f]);
        opt.step();
        Assert.Equal(new[] { -1f, -2f }, p.data<float>());
    }

    [Fact]
    public void Masks_must_match_parameters_in_number_and_shape()
    {
        using var p = Param([1f, 2f]);
        using var opt = optim.SGD([p], lr: 0.1);
        using var wrongShape = ones(3);
        Assert.Throws<ArgumentException>(() => opt.SetGradientMasks([wrongShape]));
        Assert.Throws<ArgumentException>(() => opt.SetGradientMasks([null, null]));
    }

    [Fact]
    public void Invalid_hyperparameters_are_rejected_as_pytorch_does()
    {
        using var p = Param([1f]);
        Assert.Throws<ArgumentException>(() => optim.SGD([p], lr: 0.1, nesterov: true));
        Assert.Throws<ArgumentException>(() => optim.SGD([p], lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => optim.SGD([p], lr: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => optim.SGD([p], lr: 0.1, weight_decay: -1));
        Assert.Throws<ArgumentException>(() => optim.SGD([], lr: 0.1));
        Assert.Throws<ArgumentException>(() => optim.SGD([p, p], lr: 0.1));
    }

    [Fact]
    public void Disposing_frees_the_state_and_a_disposed_parameter_fails_cleanly()
    {
        using var p = Param([1f]);
        var opt = optim.SGD([p], lr: 0.1, momentum: 0.9);
        SetGrad(p, [1f]);
        opt.step();
        var (name, buffer) = Assert.Single(opt.named_state());
        Assert.Equal("0.momentum_buffer", name);
        opt.Dispose();
        Assert.True(buffer.IsInvalid);
        Assert.Throws<ObjectDisposedException>(opt.step);

        var gone = Param([1f]);
        using var other = optim.SGD([gone], lr: 0.1);
        gone.Dispose();
        Assert.Throws<ObjectDisposedException>(other.step);
    }
}
