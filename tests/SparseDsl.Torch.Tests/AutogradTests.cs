using F = SparseDsl.Torch.torch.nn.functional;

namespace SparseDsl.Torch.Tests;

public class AutogradTests
{
    private static void AssertClose(float[] expected, Tensor actual)
    {
        var values = actual.data<float>();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - values[i]) <= 1e-5f, $"element {i}: expected {expected[i]}, got {values[i]}");
    }

    [Fact]
    public void No_grad_stops_recording_and_restores_the_previous_mode()
    {
        using var scope = NewDisposeScope();
        var w = ones(2, 2).requires_grad_();
        var x = ones(1, 2);
        Assert.True(is_grad_enabled());
        using (no_grad())
        {
            Assert.False(is_grad_enabled());
            Assert.False(F.linear(x, w).requires_grad);
        }
        Assert.True(is_grad_enabled());
        Assert.True(F.linear(x, w).requires_grad);
    }

    [Fact]
    public void Enable_grad_inside_no_grad_records_and_guards_unwind_in_order()
    {
        using var scope = NewDisposeScope();
        var w = ones(2, 2).requires_grad_();
        var x = ones(1, 2);
        using (no_grad())
        {
            using (enable_grad())
            {
                Assert.True(is_grad_enabled());
                Assert.True(F.linear(x, w).requires_grad);
            }
            Assert.False(is_grad_enabled());
        }
        Assert.True(is_grad_enabled());
    }

    [Fact]
    public void Grad_mode_is_per_thread()
    {
        using (no_grad())
        {
            var enabledElsewhere = false;
            var thread = new Thread(() => enabledElsewhere = is_grad_enabled());
            thread.Start();
            thread.Join();
            Assert.True(enabledElsewhere);
            Assert.False(is_grad_enabled());
        }
    }

    [Fact]
    public void Grad_of_x_cubed_gives_first_and_second_derivatives()
    {
        // f(x) = x³ built from two linear maps on a 1x1 tensor: x·x = x², then x²·x = x³. At x = 2: f' = 3x² = 12, f'' = 6x = 12.
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 2f }, [1, 1]).requires_grad_();
        var cube = F.linear(F.linear(x, x), x);
        AssertClose([8f], cube);
        var first = autograd.grad([cube], [x], create_graph: true)[0];
        AssertClose([12f], first);
        Assert.True(first.requires_grad);
        var second = autograd.grad([first], [x])[0];
        AssertClose([12f], second);
        Assert.Null(x.grad);
    }

    [Fact]
    public void Hessian_vector_product_of_cross_entropy_matches_pytorch()
    {
        // GraSP's Hg product on a linear classifier. Expected values from PyTorch 1.13:
        // g = autograd.grad(F.cross_entropy(F.linear(x, W), t), W, create_graph=True); Hv = autograd.grad((g * v).sum(), W).
        using var scope = NewDisposeScope();
        var w = tensor(FunctionalTests.Seq(12, 5, 7, 3, 4), [3, 4]).requires_grad_();
        var x = tensor(FunctionalTests.Seq(8, 3, 5, 2, 2), [2, 4]);
        var t = tensor(new long[] { 0, 2 });
        var v = tensor(FunctionalTests.Seq(12, 7, 5, 2, 3), [1, 12]);
        var loss = F.cross_entropy(F.linear(x, w), t);
        var g = autograd.grad([loss], [w], create_graph: true)[0];
        AssertClose([
            0.269985f, -0.303268f, 0.219130f, -0.354123f, -0.039971f, -0.196085f,
            0.088050f, -0.068065f, -0.230015f, 0.499353f, -0.307180f, 0.422188f], g);
        using var flatten = nn.Flatten(0);
        var gDotV = F.linear(flatten.call(g), v);
        var hv = autograd.grad([gDotV], [w])[0];
        AssertClose([
            0.088178f, -0.101620f, 0.072854f, -0.116943f, 0.015323f, -0.045521f,
            0.026591f, -0.034253f, -0.103501f, 0.147140f, -0.099445f, 0.151196f], hv);
    }

    [Fact]
    public void Grad_outputs_weight_the_vector_jacobian_product()
    {
        // y = x Wᵀ with W = [[1, 2], [3, 4]]; dy/dx weighted by u = [1, 10] is uᵀW = [31, 42].
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1f, 1f }, [1, 2]).requires_grad_();
        var w = tensor(new[] { 1f, 2f, 3f, 4f }, [2, 2]);
        var y = F.linear(x, w);
        var dx = autograd.grad([y], [x], [tensor(new[] { 1f, 10f }, [1, 2])])[0];
        AssertClose([31f, 42f], dx);
    }

    [Fact]
    public void Graph_is_kept_by_default_only_when_creating_a_graph()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 3f }, [1, 1]).requires_grad_();
        var square = F.linear(x, x);
        autograd.grad([square], [x], create_graph: true);
        AssertClose([6f], autograd.grad([square], [x])[0]);
        var error = Assert.Throws<TorchException>(() => autograd.grad([square], [x]));
        Assert.Contains("second time", error.Message);
    }

    [Fact]
    public void Unused_inputs_are_an_error_unless_allowed_and_then_get_zero_gradients()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 3f }, [1, 1]).requires_grad_();
        var unused = tensor(new[] { 1f, 2f }).requires_grad_();
        var square = F.linear(x, x);
        var error = Assert.Throws<TorchException>(() => autograd.grad([square], [x, unused], retain_graph: true));
        Assert.Contains("not have been used in the graph", error.Message);
        var grads = autograd.grad([square], [x, unused], allow_unused: true);
        AssertClose([6f], grads[0]);
        Assert.Equal(new[] { 0f, 0f }, grads[1].data<float>());
    }
}
