namespace SparseDsl.Torch.Tests;

public class MathTests
{
    [Fact]
    public void Binary_arithmetic_matches_hand_computed_values()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 });
        var b = tensor(new float[] { 2, 2, 2, 2 });
        Assert.Equal(new float[] { 5, 6, 7, 8 }, a.add(b, alpha: 2).data<float>());
        Assert.Equal(new float[] { 3, 4, 5, 6 }, add(a, 2).data<float>());
        Assert.Equal(new float[] { -3, -2, -1, 0 }, a.sub(b, 2).data<float>());
        Assert.Equal(new float[] { 0, 1, 2, 3 }, sub(a, 1.0).data<float>());
        Assert.Equal(new float[] { 2, 4, 6, 8 }, mul(a, b).data<float>());
        Assert.Equal(new float[] { 0.5f, 1, 1.5f, 2 }, a.mul(0.5).data<float>());
        Assert.Equal(new float[] { 0.5f, 1, 1.5f, 2 }, div(a, b).data<float>());
        Assert.Equal(new float[] { 0.25f, 0.5f, 0.75f, 1 }, a.div(4).data<float>());
        Assert.Equal(new float[] { 1, 4, 9, 16 }, a.pow(b).data<float>());
        Assert.Equal(new float[] { 1, 8, 27, 64 }, pow(a, 3).data<float>());
        Assert.Equal(new float[] { 2, 2, 3, 4 }, maximum(a, b).data<float>());
        Assert.Equal(new float[] { 1, 2, 2, 2 }, a.minimum(b).data<float>());
        // Broadcasting a [2,1] column against a [4] row.
        Assert.Equal([2L, 4L], a.add(tensor(new float[] { 10, 20 }, [2, 1])).shape);
    }

    [Fact]
    public void Unary_functions_match_pytorch()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 });
        var s = tensor(new float[] { -2, 0, 3 });
        // Reference values: torch.tensor([1.,2,3,4]).exp() / .log() / .rsqrt() / .sigmoid() / .tanh() with /usr/bin/python3 (PyTorch 1.13).
        AssertClose([2.7182817459106445, 7.389056205749512, 20.08553695678711, 54.59815216064453], exp(a));
        AssertClose([0.0, 0.6931471824645996, 1.0986123085021973, 1.3862943649291992], a.log());
        AssertClose([1.0, 1.4142135381698608, 1.7320507764816284, 2.0], a.sqrt());
        AssertClose([1.0, 0.7071067690849304, 0.5773502588272095, 0.5], rsqrt(a));
        AssertClose([0.7310585975646973, 0.8807970285415649, 0.9525741338729858, 0.9820137619972229], sigmoid(a));
        AssertClose([0.7615941762924194, 0.9640275835990906, 0.9950547814369202, 0.9993293285369873], a.tanh());
        Assert.Equal(new float[] { 2, 0, -3 }, neg(s).data<float>());
        Assert.Equal(new float[] { 2, 0, 3 }, s.abs().data<float>());
        Assert.Equal(new float[] { 4, 0, 9 }, square(s).data<float>());
        Assert.Equal(new float[] { 1, 0.5f, 0.25f }, tensor(new float[] { 1, 2, 4 }).reciprocal().data<float>());
        Assert.Equal(new float[] { -1, 0, 1 }, sign(s).data<float>());
        Assert.Equal(new float[] { -1, 0, 1 }, s.clamp(-1, 1).data<float>());
        Assert.Equal(new float[] { 0, 0, 3 }, clamp(s, min: 0).data<float>());
        Assert.Equal(new float[] { -2, 0, 2 }, s.clamp(max: 2).data<float>());
    }

    [Fact]
    public void Where_and_masked_fill_select_by_condition()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3 });
        var b = tensor(new float[] { 10, 20, 30 });
        var mask = tensor(new bool[] { true, false, true });
        Assert.Equal(new float[] { 1, 20, 3 }, where(mask, a, b).data<float>());
        Assert.Equal(new float[] { 1, 20, 3 }, a.where(mask, b).data<float>());
        Assert.Equal(new float[] { -1, 2, -1 }, a.masked_fill(mask, -1).data<float>());
        Assert.Equal(new float[] { 1, 2, 3 }, a.data<float>());
    }

    [Fact]
    public void In_place_ops_update_the_same_tensor_object()
    {
        using var scope = NewDisposeScope();
        var t = ones(3);
        var two = full([3], 2.0);
        Assert.Same(t, t.add_(two, alpha: 2));                    // 5
        Assert.Same(t, t.sub_(1.0));                              // 4
        Assert.Same(t, t.mul_(two));                              // 8
        Assert.Same(t, t.div_(4));                                // 2
        Assert.Same(t, t.addcmul_(two, two, value: 0.5));         // 4
        Assert.Same(t, t.addcdiv_(two, two, value: 5));           // 9
        Assert.Same(t, t.sqrt_());                                // 3
        Assert.Same(t, t.neg_());                                 // -3
        Assert.Same(t, t.sub_(two, alpha: -1).add_(4.0).mul_(3).div_(two)); // ((-3 + 2 + 4) * 3) / 2
        Assert.Equal(new float[] { 4.5f, 4.5f, 4.5f }, t.data<float>());

        var c = tensor(new float[] { -5, 0.5f, 5 });
        Assert.Same(c, c.clamp_(-1, 1));
        Assert.Equal(new float[] { -1, 0.5f, 1 }, c.data<float>());
        Assert.Same(c, c.masked_fill_(c.lt(0), 7));
        Assert.Equal(new float[] { 7, 0.5f, 1 }, c.data<float>());
    }

    [Fact]
    public void Integral_double_operands_keep_integer_tensors_integral()
    {
        using var scope = NewDisposeScope();
        var counts = arange(4);
        var doubled = counts.mul(2);
        Assert.Equal(ScalarType.Int64, doubled.dtype);
        Assert.Equal(new long[] { 0, 2, 4, 6 }, doubled.data<long>());
        Assert.Equal(new long[] { 1, 2, 3, 4 }, counts.add_(1).data<long>());
        Assert.Equal(ScalarType.Float32, counts.mul(0.5).dtype);
    }

    [Fact]
    public void Operators_compute_like_the_named_methods()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 2, 4 });
        var b = tensor(new float[] { 1, 2 });
        Assert.Equal(new float[] { 3, 6 }, (a + b).data<float>());
        Assert.Equal(new float[] { 3, 5 }, (a + 1).data<float>());
        Assert.Equal(new float[] { 3, 5 }, (1 + a).data<float>());
        Assert.Equal(new float[] { 1, 2 }, (a - b).data<float>());
        Assert.Equal(new float[] { 1, 3 }, (a - 1).data<float>());
        Assert.Equal(new float[] { 8, 6 }, (10 - a).data<float>());
        Assert.Equal(new float[] { 2, 8 }, (a * b).data<float>());
        Assert.Equal(new float[] { 6, 12 }, (a * 3).data<float>());
        Assert.Equal(new float[] { 6, 12 }, (3 * a).data<float>());
        Assert.Equal(new float[] { 2, 2 }, (a / b).data<float>());
        Assert.Equal(new float[] { 1, 2 }, (a / 2).data<float>());
        Assert.Equal(new float[] { 4, 2 }, (8 / a).data<float>());
        Assert.Equal(new float[] { -2, -4 }, (-a).data<float>());
    }

    [Fact]
    public void Comparisons_and_logic_give_bool_tensors()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3 });
        var b = tensor(new float[] { 3, 2, 1 });
        Assert.Equal(ScalarType.Bool, a.eq(b).dtype);
        Assert.Equal(new[] { false, true, false }, a.eq(b).data<bool>());
        Assert.Equal(new[] { false, false, true }, eq(a, 3).data<bool>());
        Assert.Equal(new[] { true, false, true }, ne(a, b).data<bool>());
        Assert.Equal(new[] { true, true, false }, a.ne(3).data<bool>());
        Assert.Equal(new[] { true, false, false }, a.lt(b).data<bool>());
        Assert.Equal(new[] { true, false, false }, lt(a, 2).data<bool>());
        Assert.Equal(new[] { true, true, false }, le(a, b).data<bool>());
        Assert.Equal(new[] { true, true, false }, a.le(2).data<bool>());
        Assert.Equal(new[] { false, false, true }, gt(a, b).data<bool>());
        Assert.Equal(new[] { false, false, true }, a.gt(2).data<bool>());
        Assert.Equal(new[] { false, true, true }, a.ge(b).data<bool>());
        Assert.Equal(new[] { false, true, true }, ge(a, 2).data<bool>());

        var p = tensor(new bool[] { true, true, false });
        var q = tensor(new bool[] { true, false, false });
        Assert.Equal(new[] { true, false, false }, logical_and(p, q).data<bool>());
        Assert.Equal(new[] { true, true, false }, p.logical_or(q).data<bool>());
        Assert.Equal(new[] { false, false, true }, logical_not(p).data<bool>());

        var odd = tensor(new float[] { 1, float.NaN, float.PositiveInfinity });
        Assert.Equal(new[] { false, true, false }, isnan(odd).data<bool>());
        Assert.Equal(new[] { true, false, false }, odd.isfinite().data<bool>());

        Assert.True(a.equal(tensor(new float[] { 1, 2, 3 })));
        Assert.False(equal(a, b));
        Assert.False(a.equal(tensor(new float[] { 1, 2 })));
        Assert.True(a.allclose(a.add(1e-7)));
        Assert.False(allclose(a, a.add(1e-3)));
        Assert.True(a.allclose(a.add(1e-3), rtol: 0, atol: 1e-2));
    }

    [Fact]
    public void Shape_mismatch_surfaces_libtorchs_message()
    {
        using var scope = NewDisposeScope();
        var a = zeros(2, 3);
        var b = zeros(4);
        var error = Assert.Throws<TorchException>(() => a.add(b));
        // Same message as PyTorch 1.13's `torch.zeros(2,3) + torch.zeros(4)`.
        Assert.Contains("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", error.Message);
        Assert.Throws<TorchException>(() => a.add_(b));
        Assert.Throws<TorchException>(() => a * b);
    }

    private static void AssertClose(double[] expected, torch.Tensor actual)
    {
        var values = actual.data<double>();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], values[i], 1e-6);
    }
}
