namespace SparseDsl.Torch.Tests;

public class CoreTests
{
    [Fact]
    public void Round_trips_managed_data_with_shape_and_dtype()
    {
        using var t = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        Assert.Equal([2L, 3L], t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(Device.CPU.type, t.device.type);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, t.data<float>());
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, t.data<double>());
    }

    [Fact]
    public void Fills_have_the_requested_values()
    {
        using var z = zeros([2, 2]);
        using var f = full([3], 2.5, float64);
        Assert.All(z.data<float>(), v => Assert.Equal(0f, v));
        Assert.Equal(new[] { 2.5, 2.5, 2.5 }, f.data<double>());
        Assert.Equal(ScalarType.Float64, f.dtype);
    }

    [Fact]
    public void Wrong_data_length_becomes_a_managed_exception_with_the_native_message()
    {
        var error = Assert.Throws<TorchException>(() => tensor(new float[] { 1, 2, 3 }, [2, 2]));
        Assert.Contains("does not match shape", error.Message);
    }

    [Fact]
    public void Dispose_scope_frees_what_was_made_inside_and_keeps_what_was_moved_out()
    {
        Tensor kept, freed;
        using (var scope = NewDisposeScope())
        {
            freed = ones(2);
            kept = ones(3).MoveToOuterDisposeScope();
            Assert.Equal(1, scope.Count);
        }
        Assert.True(freed.IsInvalid);
        Assert.False(kept.IsInvalid);
        kept.Dispose();
        Assert.True(kept.IsInvalid);
    }
}
